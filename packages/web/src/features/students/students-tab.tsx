import { useState } from "react";
import { Alert, App, Button, Descriptions, Drawer, Form, Input, Select, Space, Table, Tag } from "antd";
import type { TableColumnsType } from "antd";
import type { StudentDetail, StudentView } from "@luoshi/contracts";
import { useCan } from "../auth/api/session.ts";
import { useI18n } from "../../lib/i18n.tsx";
import { unmaskStudent, useStudent, useStudents, type StudentFilters } from "./api.ts";

const LEVELS = [
  ["preschool", "学前"],
  ["primary", "小学"],
  ["junior", "初中"],
  ["senior", "高中"],
  ["vocational", "中职"],
  ["special", "特殊教育"],
] as const;

/** The flags of a pupil as tags. */
function Flags({ s }: { s: StudentView }) {
  const { t } = useI18n();
  return (
    <Space size={4}>
      {s.migrant && <Tag>{t("students.flagMigrant")}</Tag>}
      {s.leftBehind && <Tag color="orange">{t("students.flagLeftBehind")}</Tag>}
      {s.disabled && <Tag color="blue">{t("students.flagDisabled")}</Tag>}
    </Space>
  );
}

/** One pupil in a drawer: masked; the full values only with pupil.unmasked and a reason. */
function StudentDrawer({ id, onClose }: { id: string | null; onClose: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const canUnmask = useCan("pupil.unmasked");
  const detail = useStudent(id);
  const [full, setFull] = useState<StudentDetail | null>(null);
  const [reason, setReason] = useState("");
  const shown = full ?? detail.data;
  return (
    <Drawer
      open={id !== null}
      size={520}
      title={t("students.detail")}
      onClose={() => {
        setFull(null);
        setReason("");
        onClose();
      }}
    >
      {shown !== undefined && (
        <Descriptions column={1} bordered size="small">
          <Descriptions.Item label={t("students.colName")}>{shown.name}</Descriptions.Item>
          <Descriptions.Item label={t("students.colStudentNo")}>{shown.studentNo}</Descriptions.Item>
          <Descriptions.Item label={t("students.colIdNumber")}>{shown.idNumber ?? "—"}</Descriptions.Item>
          <Descriptions.Item label={t("students.colSex")}>
            {shown.sex === "M" ? "男" : "女"}
          </Descriptions.Item>
          <Descriptions.Item label={t("students.birthDate")}>{shown.birthDate}</Descriptions.Item>
          <Descriptions.Item label={t("students.colSchool")}>{shown.schoolName}</Descriptions.Item>
          <Descriptions.Item label={t("students.colGrade")}>
            {shown.gradeLabel} {shown.className}
          </Descriptions.Item>
          <Descriptions.Item label={t("students.colStatus")}>{shown.statusLabel}</Descriptions.Item>
          <Descriptions.Item label={t("students.hukou")}>{shown.hukou}</Descriptions.Item>
          <Descriptions.Item label={t("students.guardian")}>{shown.guardianName ?? "—"}</Descriptions.Item>
          <Descriptions.Item label={t("students.guardianPhone")}>
            {shown.guardianPhone ?? "—"}
          </Descriptions.Item>
        </Descriptions>
      )}
      {canUnmask && full === null && id !== null && (
        <Space.Compact style={{ marginTop: 16, width: "100%" }}>
          <Input
            placeholder={t("students.unmaskReason")}
            value={reason}
            onChange={(e) => {
              setReason(e.target.value);
            }}
          />
          <Button
            disabled={reason.trim().length < 4}
            onClick={() => {
              unmaskStudent(id, reason).then(setFull, (e: unknown) => {
                void message.error(e instanceof Error ? e.message : String(e));
              });
            }}
          >
            {t("students.unmask")}
          </Button>
        </Space.Compact>
      )}
    </Drawer>
  );
}

/** 学生名单: masked, filtered by level, grade, flag or an exact number; a row opens the drawer. */
export function StudentsTab() {
  const { t } = useI18n();
  const [filters, setFilters] = useState<StudentFilters>({});
  const [paging, setPaging] = useState({ page: 1, pageSize: 20 });
  const [open, setOpen] = useState<string | null>(null);
  const list = useStudents(filters, paging.page, paging.pageSize, true);
  const columns: TableColumnsType<StudentView> = [
    { title: t("students.colName"), dataIndex: "name" },
    { title: t("students.colIdNumber"), dataIndex: "idNumber" },
    { title: t("students.colSex"), dataIndex: "sex", render: (s: string) => (s === "M" ? "男" : "女") },
    { title: t("students.colSchool"), dataIndex: "schoolName" },
    { title: t("students.colGrade"), dataIndex: "gradeLabel" },
    { title: t("students.colClass"), dataIndex: "className" },
    { title: t("students.colStatus"), dataIndex: "statusLabel" },
    { title: t("students.colFlags"), key: "flags", render: (_v, s) => <Flags s={s} /> },
  ];
  const update = (next: StudentFilters) => {
    setFilters(next);
    setPaging((p) => ({ ...p, page: 1 }));
  };
  return (
    <>
      <Alert type="info" showIcon title={t("students.maskedNotice")} style={{ marginBottom: 12 }} />
      <Form layout="inline" style={{ marginBottom: 12 }}>
        <Form.Item label={t("students.filterLevel")}>
          <Select
            allowClear
            style={{ width: 120 }}
            options={LEVELS.map(([value, label]) => ({ value, label }))}
            onChange={(v?: string) => {
              update({ ...filters, level: v });
            }}
          />
        </Form.Item>
        <Form.Item label={t("students.filterGrade")}>
          <Select
            allowClear
            style={{ width: 90 }}
            options={[1, 2, 3, 4, 5, 6].map((g) => ({ value: g, label: String(g) }))}
            onChange={(v?: number) => {
              update({ ...filters, grade: v });
            }}
          />
        </Form.Item>
        <Form.Item label={t("students.filterFlag")}>
          <Select
            allowClear
            style={{ width: 120 }}
            options={[
              { value: "migrant", label: t("students.flagMigrant") },
              { value: "leftBehind", label: t("students.flagLeftBehind") },
              { value: "disabled", label: t("students.flagDisabled") },
            ]}
            onChange={(v?: string) => {
              update({ ...filters, flag: v });
            }}
          />
        </Form.Item>
        <Form.Item>
          <Input.Search
            allowClear
            placeholder={t("students.filterNumber")}
            style={{ width: 280 }}
            onSearch={(v) => {
              update({ ...filters, number: v.trim() === "" ? undefined : v.trim() });
            }}
          />
        </Form.Item>
      </Form>
      <Table<StudentView>
        rowKey="id"
        size="small"
        loading={list.isFetching}
        columns={columns}
        dataSource={list.data?.items ?? []}
        onRow={(s) => ({
          onClick: () => {
            setOpen(s.id);
          },
          style: { cursor: "pointer" },
        })}
        pagination={{
          current: paging.page,
          pageSize: paging.pageSize,
          total: list.data?.total ?? 0,
          showTotal: (n) => `共 ${n} 名`,
          onChange: (page, pageSize) => {
            setPaging({ page, pageSize });
          },
        }}
      />
      <StudentDrawer
        id={open}
        onClose={() => {
          setOpen(null);
        }}
      />
    </>
  );
}
