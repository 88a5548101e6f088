import { PreviewImportBar } from "../../components/preview-import-bar.tsx";
import { useState } from "react";
import {
  Alert,
  Button,
  Checkbox,
  Form,
  Input,
  InputNumber,
  Modal,
  Select,
  Space,
  Switch,
  Table,
  Tag,
  Typography,
} from "antd";
import type { ApplicationImportResult, ApplicationItem } from "@luoshi/contracts";
import { useQueryClient } from "@tanstack/react-query";
import { useCan, useSessionUser } from "../auth/api/session.ts";
import { errorText } from "../../lib/error-text.ts";
import { useI18n, type MessageKey } from "../../lib/i18n.tsx";
import { createApplication, decideApplication, importApplications, useApplications } from "./api.ts";
import { usePreviewImport } from "../../lib/use-preview-import.ts";

const FLAGS = ["hukou", "property", "lease", "residencePermit", "sibling", "policy"] as const;
const fallback = (_k: string, text: string) => text;

/** A school's entry of one application: the child and the documents the rules read. */
function EntryForm({ year }: { year: number }) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<{ name: string; idNumber: string; flags: string[]; socialMonths: number }>();
  const [done, setDone] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const submit = async (v: { name: string; idNumber: string; flags?: string[]; socialMonths?: number }) => {
    setError(null);
    setDone(null);
    const flags = new Set(v.flags ?? []);
    try {
      const r = (await createApplication({
        schoolYear: year,
        name: v.name,
        idNumber: v.idNumber,
        documents: {
          hukou: flags.has("hukou"),
          property: flags.has("property"),
          lease: flags.has("lease"),
          residencePermit: flags.has("residencePermit"),
          sibling: flags.has("sibling"),
          policy: flags.has("policy"),
          socialMonths: v.socialMonths ?? 0,
        },
      })) as { applicationNo: string; category: string; because: string };
      setDone(t("enrolment.entered", { no: r.applicationNo, category: r.category, because: r.because }));
      form.resetFields();
      await queryClient.invalidateQueries({ queryKey: ["enrol-applications"] });
    } catch (e) {
      setError(errorText(e, fallback));
    }
  };
  return (
    <Form form={form} layout="inline" onFinish={(v) => void submit(v)} style={{ marginBottom: 12 }}>
      <Form.Item name="name" label={t("enrolment.childName")} rules={[{ required: true }]}>
        <Input style={{ width: 120 }} />
      </Form.Item>
      <Form.Item name="idNumber" label={t("enrolment.idNumber")} rules={[{ required: true }]}>
        <Input style={{ width: 200 }} />
      </Form.Item>
      <Form.Item name="flags" label={t("enrolment.documents")}>
        <Checkbox.Group
          options={FLAGS.map((f) => ({ value: f, label: t(`enrolment.doc.${f}` as MessageKey) }))}
        />
      </Form.Item>
      <Form.Item name="socialMonths" label={t("enrolment.doc.socialMonths")}>
        <InputNumber min={0} max={600} style={{ width: 80 }} />
      </Form.Item>
      <Form.Item>
        <Button type="primary" htmlType="submit">
          {t("enrolment.enter")}
        </Button>
      </Form.Item>
      {done !== null && (
        <Alert type="success" showIcon title={done} style={{ width: "100%", marginTop: 8 }} />
      )}
      {error !== null && (
        <Alert type="error" showIcon title={error} style={{ width: "100%", marginTop: 8 }} />
      )}
    </Form>
  );
}

/** Import of the portal's export (preview, then import). */
function ImportApplications({ year }: { year: number }) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const { hasFile, result, error, chooseFile, run } = usePreviewImport(
    (file, preview) => importApplications(file, year, preview),
    () => queryClient.invalidateQueries({ queryKey: ["enrol-applications"] }),
  );
  const counts = (r: ApplicationImportResult) =>
    Object.entries(r.byCategory)
      .map(([k, n]) => `${k} ${String(n)}`)
      .join("，");
  return (
    <div style={{ marginBottom: 12 }}>
      <PreviewImportBar
        labels={{
          choose: t("enrolment.chooseApplications"),
          preview: t("enrolment.preview"),
          apply: t("enrolment.importApplications"),
        }}
        hasFile={hasFile}
        onFile={chooseFile}
        onRun={run}
      />
      <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
        {t("enrolment.applicationsHint")}
      </Typography.Paragraph>
      {error !== null && <Alert type="error" showIcon title={error} />}
      {result !== null && (
        <Alert
          type={result.applied ? "success" : "info"}
          showIcon
          title={t(result.applied ? "enrolment.applicationsImported" : "enrolment.applicationsPreviewed", {
            n: result.applications,
            skipped: result.skipped,
            counts: counts(result),
            version: result.ruleVersion,
          })}
        />
      )}
    </div>
  );
}

/** 资格审核: the decision and its reason. */
function DecisionModal({ item, onClose }: { item: ApplicationItem; onClose: () => void }) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const [decision, setDecision] = useState<"approved" | "rejected">("approved");
  const [reason, setReason] = useState("");
  const [error, setError] = useState<string | null>(null);
  const save = async () => {
    try {
      await decideApplication(item.id, decision, reason);
      await queryClient.invalidateQueries({ queryKey: ["enrol-applications"] });
      onClose();
    } catch (e) {
      setError(errorText(e, fallback));
    }
  };
  return (
    <Modal
      open
      title={t("enrolment.decideTitle", { no: item.applicationNo, name: item.name })}
      onOk={() => void save()}
      onCancel={onClose}
      okText={t("enrolment.save")}
    >
      <Space orientation="vertical" style={{ width: "100%" }}>
        {error !== null && <Alert type="error" showIcon title={error} />}
        <Select
          aria-label={t("enrolment.decision")}
          value={decision}
          onChange={setDecision}
          options={[
            { value: "approved", label: t("enrolment.status.approved") },
            { value: "rejected", label: t("enrolment.status.rejected") },
          ]}
        />
        <Input.TextArea
          aria-label={t("enrolment.reason")}
          placeholder={t("enrolment.reasonHint")}
          value={reason}
          onChange={(e) => {
            setReason(e.target.value);
          }}
        />
      </Space>
    </Modal>
  );
}

/** 报名 and 资格审核: the list (masked), entry and import for schools, the whole county for the bureau. */
export function ApplicationsTab({ year }: { year: number }) {
  const { t } = useI18n();
  const user = useSessionUser();
  const canRead = useCan("pupil.read");
  const canWrite = useCan("pupil.write");
  const [page, setPage] = useState(1);
  const [status, setStatus] = useState<string | undefined>(undefined);
  const [duplicates, setDuplicates] = useState(false);
  const { data, error, isLoading } = useApplications(year, page, { status, duplicates });
  const [deciding, setDeciding] = useState<ApplicationItem | null>(null);
  if (!canRead) {
    return <Alert type="info" showIcon title={t("enrolment.noApplicationAccess")} />;
  }
  const isSchool = user.orgUnit.kind === "school";
  return (
    <>
      {canWrite && isSchool && <EntryForm year={year} />}
      {canWrite && <ImportApplications year={year} />}
      <Space wrap style={{ marginBottom: 12 }}>
        <Select
          aria-label={t("enrolment.statusFilter")}
          allowClear
          placeholder={t("enrolment.statusFilter")}
          style={{ width: 160 }}
          value={status}
          onChange={(v) => {
            setStatus(v);
            setPage(1);
          }}
          options={(["pending", "approved", "rejected"] as const).map((s) => ({
            value: s,
            label: t(`enrolment.status.${s}`),
          }))}
        />
        <Space>
          <Switch
            aria-label={t("enrolment.duplicatesOnly")}
            checked={duplicates}
            onChange={(v) => {
              setDuplicates(v);
              setPage(1);
            }}
          />
          <span>{t("enrolment.duplicatesOnly")}</span>
        </Space>
        {data !== undefined && (
          <Typography.Text type="secondary">
            {t("enrolment.ruleVersion", { version: data.ruleVersion })}
          </Typography.Text>
        )}
      </Space>
      {error !== null && <Alert type="error" showIcon title={errorText(error, fallback)} />}
      <Table<ApplicationItem>
        rowKey="id"
        loading={isLoading}
        dataSource={data?.items ?? []}
        locale={{ emptyText: t("enrolment.noApplications", { year }) }}
        pagination={{ current: page, pageSize: 50, total: data?.total ?? 0, onChange: setPage }}
        columns={[
          { title: t("enrolment.applicationNo"), dataIndex: "applicationNo" },
          { title: t("enrolment.school"), dataIndex: "schoolName" },
          { title: t("enrolment.childName"), dataIndex: "name" },
          { title: t("enrolment.idNumber"), dataIndex: "idNumber" },
          {
            title: t("enrolment.category"),
            render: (_v, r) => (
              <span title={r.categoryLabel}>
                {r.category}（{r.categoryLabel}）
              </span>
            ),
          },
          {
            title: t("enrolment.otherSchools"),
            render: (_v, r) =>
              r.otherSchools > 0 ? (
                <Tag color="orange">{t("enrolment.otherSchoolsN", { n: r.otherSchools })}</Tag>
              ) : (
                "—"
              ),
          },
          {
            title: t("enrolment.review"),
            render: (_v, r) => (
              <span>
                <Tag color={r.status === "approved" ? "green" : r.status === "rejected" ? "red" : "default"}>
                  {t(`enrolment.status.${r.status}`)}
                </Tag>
                {r.decisionReason ?? ""}
              </span>
            ),
          },
          ...(canWrite
            ? [
                {
                  title: t("enrolment.actions"),
                  render: (_v: unknown, r: ApplicationItem) => (
                    <Button
                      size="small"
                      aria-label={t("enrolment.decideTitle", { no: r.applicationNo, name: r.name })}
                      onClick={() => {
                        setDeciding(r);
                      }}
                    >
                      {t("enrolment.decide")}
                    </Button>
                  ),
                },
              ]
            : []),
        ]}
      />
      {deciding !== null && (
        <DecisionModal
          item={deciding}
          onClose={() => {
            setDeciding(null);
          }}
        />
      )}
    </>
  );
}
