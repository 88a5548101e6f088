import { useState } from "react";
import { Alert, App, Button, Drawer, Form, Input, Select, Space, Table, Tag, Typography } from "antd";
import { useQueryClient } from "@tanstack/react-query";
import type { InspectorRoster } from "@luoshi/contracts";
import { useI18n } from "../../lib/i18n.tsx";
import { errorText } from "../../lib/error-text.ts";
import { saveInspector, useRoster, useSchoolCards } from "./api.ts";

type Person = InspectorRoster["items"][number];

interface Editing {
  userId: string;
  name: string;
  initial: {
    kind: "fullTime" | "partTime";
    zoneName: string;
    phone: string;
    duties: string;
    schoolIds: string[];
  };
}

/** 督学名册: each 督学 with the 责任区 schools and the workload; the 督导室 edits a 督学's 责任区. */
export function RosterTab({ canManage }: { canManage: boolean }) {
  const { t } = useI18n();
  const roster = useRoster();
  const [editing, setEditing] = useState<Editing | null>(null);
  if (roster.error !== null) {
    return <Alert type="error" showIcon title={errorText(roster.error, (_k, f) => f)} />;
  }
  const open = (p: Person) => {
    setEditing({
      userId: p.userId,
      name: p.name,
      initial: {
        kind: p.kind,
        zoneName: p.zoneName,
        phone: p.phone,
        duties: p.duties,
        schoolIds: p.schools.map((s) => s.id),
      },
    });
  };
  const data = roster.data;
  return (
    <Space orientation="vertical" style={{ width: "100%" }}>
      <Typography.Paragraph type="secondary">
        {t("inspection.rosterHint", { ratio: data?.schoolsPerInspector ?? 5 })}
      </Typography.Paragraph>
      {data !== undefined && data.schoolsWithout > 0 && (
        <Alert
          type="warning"
          showIcon
          title={t("inspection.schoolsWithout", { count: data.schoolsWithout })}
        />
      )}
      {canManage && data !== undefined && data.unrostered.length > 0 && (
        <Space wrap>
          {t("inspection.unrostered")}
          {data.unrostered.map((u) => (
            <Button
              key={u.userId}
              size="small"
              onClick={() => {
                setEditing({
                  userId: u.userId,
                  name: u.name,
                  initial: { kind: "partTime", zoneName: "", phone: "", duties: "", schoolIds: [] },
                });
              }}
            >
              {t("inspection.addToRoster", { name: u.name })}
            </Button>
          ))}
        </Space>
      )}
      <Table<Person>
        size="small"
        rowKey="userId"
        loading={roster.isFetching}
        dataSource={data?.items ?? []}
        pagination={false}
        scroll={{ x: true }}
        locale={{ emptyText: t("inspection.noInspectors") }}
        columns={[
          { title: t("inspection.name"), dataIndex: "name" },
          {
            title: t("inspection.kind"),
            dataIndex: "kind",
            render: (k: Person["kind"]) => t(`inspection.kind.${k}`),
          },
          { title: t("inspection.zone"), dataIndex: "zoneName", render: (z: string) => z || "—" },
          {
            title: t("inspection.schools"),
            render: (_v, p) => (
              <Space wrap>
                {p.schools.map((s) => (
                  <Tag key={s.id}>{s.name}</Tag>
                ))}
                {p.overRatio > 0 && (
                  <Tag color="orange">{t("inspection.overRatio", { count: p.overRatio })}</Tag>
                )}
              </Space>
            ),
          },
          {
            title: t("inspection.visitsThisSemester"),
            render: (_v, p) => (
              <Tag color={p.visitsThisSemester >= p.visitsRequired ? "green" : "orange"}>
                {p.visitsThisSemester} / {p.visitsRequired}
              </Tag>
            ),
          },
          { title: t("inspection.phone"), dataIndex: "phone", render: (v: string) => v || "—" },
          ...(canManage
            ? [
                {
                  title: "",
                  key: "edit",
                  render: (_v: unknown, p: Person) => (
                    <Button
                      size="small"
                      onClick={() => {
                        open(p);
                      }}
                    >
                      {t("inspection.edit")}
                    </Button>
                  ),
                },
              ]
            : []),
        ]}
      />
      <EditDrawer
        editing={editing}
        onClose={() => {
          setEditing(null);
        }}
      />
    </Space>
  );
}

/** The 督导室's form for one 督学: kind, 责任区 name and schools, phone, duties. */
function EditDrawer({ editing, onClose }: { editing: Editing | null; onClose: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const schools = useSchoolCards();
  const queryClient = useQueryClient();
  const [saving, setSaving] = useState(false);
  const [form] = Form.useForm<Editing["initial"]>();
  return (
    <Drawer
      open={editing !== null}
      title={editing === null ? "" : t("inspection.editTitle", { name: editing.name })}
      onClose={onClose}
      destroyOnHidden
      size={480}
    >
      {editing !== null && (
        <Form
          form={form}
          layout="vertical"
          initialValues={editing.initial}
          onFinish={(values) => {
            setSaving(true);
            saveInspector(editing.userId, values)
              .then(async () => {
                await queryClient.invalidateQueries({ queryKey: ["inspection-roster"] });
                await queryClient.invalidateQueries({ queryKey: ["inspection-schools"] });
                message.success(t("inspection.saved"));
                onClose();
              })
              .catch((e: unknown) => void message.error(errorText(e, (_k, f) => f)))
              .finally(() => {
                setSaving(false);
              });
          }}
        >
          <Form.Item name="kind" label={t("inspection.kind")}>
            <Select
              options={[
                { value: "fullTime", label: t("inspection.kind.fullTime") },
                { value: "partTime", label: t("inspection.kind.partTime") },
              ]}
            />
          </Form.Item>
          <Form.Item name="zoneName" label={t("inspection.zone")}>
            <Input maxLength={60} />
          </Form.Item>
          <Form.Item name="schoolIds" label={t("inspection.schools")}>
            <Select
              mode="multiple"
              showSearch={{ optionFilterProp: "label" }}
              options={(schools.data?.items ?? []).map((c) => ({
                value: c.school.id,
                label:
                  c.inspector === null || c.inspector.name === editing.name
                    ? c.school.name
                    : `${c.school.name}（${c.inspector.name}）`,
              }))}
            />
          </Form.Item>
          <Form.Item name="phone" label={t("inspection.phone")}>
            <Input maxLength={20} />
          </Form.Item>
          <Form.Item name="duties" label={t("inspection.duties")} extra={t("inspection.dutiesHint")}>
            <Input.TextArea rows={4} maxLength={600} />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={saving}>
            {t("inspection.save")}
          </Button>
        </Form>
      )}
    </Drawer>
  );
}
