import { Button, Popconfirm, Space, Table, Tag } from "antd";
import type { TableColumnsType } from "antd";
import type { UserPage, UserSummary } from "@luoshi/contracts";
import { formatDateTime } from "../../../lib/format.ts";
import { useI18n } from "../../../lib/i18n.tsx";
import type { Translate } from "../../../lib/i18n.tsx";

function StatusTags({ user, t }: { user: UserSummary; t: Translate }) {
  const tags = [];
  if (user.isDisabled) {
    tags.push(<Tag key="disabled">{t("users.statusDisabled")}</Tag>);
  }
  if (user.isLocked) {
    tags.push(
      <Tag key="locked" color="error">
        {t("users.statusLocked")}
      </Tag>,
    );
  }
  if (user.mustChangePassword) {
    tags.push(
      <Tag key="must" color="warning">
        {t("users.statusMustChange")}
      </Tag>,
    );
  }
  if (tags.length === 0) {
    tags.push(
      <Tag key="ok" color="success">
        {t("users.statusActive")}
      </Tag>,
    );
  }
  return (
    <Space size={[0, 4]} wrap>
      {tags}
    </Space>
  );
}

/** 用户 list: 登录名, 姓名, 角色, 所属单位, 状态, 最近登录 and — for user.write — 重置口令. */
export function UserTable({
  data,
  loading,
  page,
  pageSize,
  canWrite,
  resettingId,
  onPageChange,
  onReset,
}: {
  data: UserPage | undefined;
  loading: boolean;
  page: number;
  pageSize: number;
  canWrite: boolean;
  resettingId: string | null;
  onPageChange: (page: number, pageSize: number) => void;
  onReset: (user: UserSummary) => void;
}) {
  const { t, tOr } = useI18n();
  const columns: TableColumnsType<UserSummary> = [
    { title: t("users.login"), dataIndex: "login", width: 140 },
    { title: t("users.displayName"), dataIndex: "displayName", width: 120 },
    {
      title: t("users.role"),
      dataIndex: "role",
      width: 140,
      render: (_: unknown, u) => tOr(`role.${u.role}`, u.roleLabel),
    },
    { title: t("users.orgUnit"), dataIndex: "orgUnitName" },
    {
      title: t("users.status"),
      key: "status",
      width: 170,
      render: (_: unknown, u) => <StatusTags user={u} t={t} />,
    },
    {
      title: t("users.lastLoginAt"),
      dataIndex: "lastLoginAt",
      width: 170,
      render: (_: unknown, u) => (u.lastLoginAt === null ? t("users.never") : formatDateTime(u.lastLoginAt)),
    },
  ];
  if (canWrite) {
    columns.push({
      title: t("users.actions"),
      key: "actions",
      width: 110,
      render: (_: unknown, u) => (
        <Popconfirm
          title={t("users.resetPassword")}
          description={t("users.resetConfirm", { name: u.displayName })}
          okText={t("common.ok")}
          cancelText={t("common.cancel")}
          onConfirm={() => {
            onReset(u);
          }}
        >
          <Button type="link" size="small" loading={resettingId === u.id}>
            {t("users.resetPassword")}
          </Button>
        </Popconfirm>
      ),
    });
  }
  return (
    <Table<UserSummary>
      rowKey="id"
      size="middle"
      columns={columns}
      dataSource={data?.items ?? []}
      loading={loading}
      pagination={{
        current: page,
        pageSize,
        total: data?.total ?? 0,
        showSizeChanger: true,
        pageSizeOptions: [20, 50, 100],
        showTotal: (total) => t("common.total", { total }),
        onChange: onPageChange,
      }}
    />
  );
}
