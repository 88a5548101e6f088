import { useState } from "react";
import { App, Button, Space } from "antd";
import { PlusOutlined, UsergroupAddOutlined } from "@ant-design/icons";
import type { UserSummary } from "@luoshi/contracts";
import { ErrorResult } from "../../components/error-result.tsx";
import { PageHeader } from "../../components/page-header.tsx";
import { useSessionUser } from "../../features/auth/api/session.ts";
import { useResetPassword, useUsers } from "../../features/users/api/users.ts";
import { BulkAccountsModal } from "../../features/users/components/bulk-accounts-modal.tsx";
import { TemporaryPasswordModal } from "../../features/users/components/temporary-password-modal.tsx";
import type { TemporaryPassword } from "../../features/users/components/temporary-password-modal.tsx";
import { UserCreateModal } from "../../features/users/components/user-create-modal.tsx";
import { UserTable } from "../../features/users/components/user-table.tsx";
import { errorText } from "../../lib/error-text.ts";
import { useI18n } from "../../lib/i18n.tsx";

/**
 * /admin/users — 用户管理: list, 新建用户, 重置口令, 批量开通账号; temporary passwords are shown once, the
 * bulk file is downloaded once.
 */
export function UsersRoute() {
  const { t, tOr } = useI18n();
  const { message } = App.useApp();
  const me = useSessionUser();
  const canWrite = me.permissions.includes("user.write");
  const [paging, setPaging] = useState({ page: 1, pageSize: 20 });
  const users = useUsers(paging.page, paging.pageSize);
  const reset = useResetPassword();
  const [creating, setCreating] = useState(false);
  const [bulk, setBulk] = useState(false);
  const [temporary, setTemporary] = useState<TemporaryPassword | null>(null);

  const onReset = (user: UserSummary) => {
    reset.mutate(user.id, {
      onSuccess: (answer) => {
        setTemporary({ displayName: user.displayName, reason: "reset", password: answer.temporaryPassword });
      },
      onError: (error) => void message.error(errorText(error, tOr)),
    });
  };

  return (
    <>
      <PageHeader
        title={t("users.title")}
        extra={
          canWrite && (
            <Space>
              <Button
                icon={<UsergroupAddOutlined />}
                onClick={() => {
                  setBulk(true);
                }}
              >
                {t("users.bulk")}
              </Button>
              <Button
                type="primary"
                icon={<PlusOutlined />}
                onClick={() => {
                  setCreating(true);
                }}
              >
                {t("users.create")}
              </Button>
            </Space>
          )
        }
      />
      <div className="panel">
        {users.isError ? (
          <ErrorResult error={users.error} onRetry={() => void users.refetch()} />
        ) : (
          <UserTable
            data={users.data}
            loading={users.isFetching}
            page={paging.page}
            pageSize={paging.pageSize}
            canWrite={canWrite}
            resettingId={reset.isPending ? reset.variables : null}
            onPageChange={(page, pageSize) => {
              setPaging({ page, pageSize });
            }}
            onReset={onReset}
          />
        )}
      </div>
      {canWrite && (
        <UserCreateModal
          open={creating}
          actorRole={me.role}
          onClose={() => {
            setCreating(false);
          }}
          onCreated={(created) => {
            setTemporary({
              displayName: created.user.displayName,
              reason: "created",
              password: created.temporaryPassword,
            });
          }}
        />
      )}
      {canWrite && (
        <BulkAccountsModal
          open={bulk}
          onClose={() => {
            setBulk(false);
          }}
        />
      )}
      <TemporaryPasswordModal
        value={temporary}
        onClose={() => {
          setTemporary(null);
        }}
      />
    </>
  );
}
