/**
 * 导入学校名录: a button on the 组织机构 page and a drawer — template download, upload, the preview
 * (新增 / 变更 before → after / 文件中缺少 / problems by row and column), 生效日期, 确认导入 or 放弃.
 */
import { useState } from "react";
import {
  Alert,
  App,
  Button,
  DatePicker,
  Drawer,
  Select,
  Space,
  Spin,
  Table,
  Tag,
  Typography,
  Upload,
} from "antd";
import { DownloadOutlined, InboxOutlined, UploadOutlined } from "@ant-design/icons";
import { useQueryClient } from "@tanstack/react-query";
import dayjs, { type Dayjs } from "dayjs";
import type { RegistryImport, RegistryProblem } from "@luoshi/contracts";
import { useI18n } from "../../lib/i18n.tsx";
import { errorText } from "../../lib/error-text.ts";
import { downloadFile } from "../../lib/download.ts";
import { useCan } from "../auth/api/session.ts";
import { ImportProblems } from "../stats/components/import-problems.tsx";
import { orgKeys, useOrgUnits } from "./api/org-units.ts";
import {
  REGISTRY_MAX_BYTES,
  RegistryUploadError,
  applyRegistry,
  discardRegistry,
  previewRegistry,
  registryTemplateUrl,
} from "./api/registry-import.ts";

type Added = RegistryImport["added"][number];
type Changed = RegistryImport["changed"][number];
type Missing = RegistryImport["missing"][number];

function PreviewTables({ preview }: { preview: RegistryImport }) {
  const { t } = useI18n();
  const empty = t("reg.empty");
  return (
    <Space orientation="vertical" style={{ width: "100%" }} size="middle">
      <Typography.Title level={5}>{t("reg.added", { count: preview.added.length })}</Typography.Title>
      <Table<Added>
        size="small"
        rowKey="code"
        aria-label={t("reg.added", { count: preview.added.length })}
        dataSource={preview.added}
        pagination={preview.added.length > 10 ? { pageSize: 10 } : false}
        columns={[
          { title: t("reg.row"), dataIndex: "row", width: 60 },
          { title: t("reg.code"), dataIndex: "code", width: 120 },
          { title: t("reg.name"), dataIndex: "name" },
          { title: t("reg.parent"), dataIndex: "parentName" },
          { title: t("reg.type"), dataIndex: "schoolTypeLabel", render: (v: string | null) => v ?? "—" },
        ]}
      />
      <Typography.Title level={5}>{t("reg.changed", { count: preview.changed.length })}</Typography.Title>
      <Table<Changed>
        size="small"
        rowKey="unitId"
        aria-label={t("reg.changed", { count: preview.changed.length })}
        dataSource={preview.changed}
        pagination={preview.changed.length > 10 ? { pageSize: 10 } : false}
        columns={[
          { title: t("reg.row"), dataIndex: "row", width: 60 },
          { title: t("reg.code"), dataIndex: "code", width: 120 },
          { title: t("reg.name"), dataIndex: "name" },
          {
            title: t("reg.kinds"),
            dataIndex: "changeLabels",
            render: (labels: string[]) => labels.map((l) => <Tag key={l}>{l}</Tag>),
          },
          {
            title: t("reg.fields"),
            dataIndex: "fields",
            render: (fields: Changed["fields"]) => (
              <ul className="registry-fields">
                {fields.map((f) => (
                  <li key={f.field}>
                    {f.label}：{f.before ?? empty} → {f.after ?? empty}
                  </li>
                ))}
              </ul>
            ),
          },
        ]}
      />
      <Typography.Title level={5}>{t("reg.missing", { count: preview.missing.length })}</Typography.Title>
      {preview.missing.length > 0 && <Alert type="info" showIcon title={t("reg.missingHint")} />}
      <Table<Missing>
        size="small"
        rowKey="unitId"
        aria-label={t("reg.missing", { count: preview.missing.length })}
        dataSource={preview.missing}
        pagination={preview.missing.length > 10 ? { pageSize: 10 } : false}
        columns={[
          { title: t("reg.code"), dataIndex: "code", width: 120 },
          { title: t("reg.name"), dataIndex: "name" },
        ]}
      />
    </Space>
  );
}

/** The preview with its summary, 生效日期 and the two buttons. */
function PreviewStep(props: {
  preview: RegistryImport;
  isBusy: boolean;
  day: Dayjs;
  onDay: (d: Dayjs) => void;
  onApply: () => void;
  onDiscard: () => void;
}) {
  const { t } = useI18n();
  const { preview, isBusy, day, onDay, onApply, onDiscard } = props;
  const hasChanges = preview.added.length + preview.changed.length > 0;
  return (
    <>
      <Alert
        type={hasChanges ? "info" : "success"}
        showIcon
        title={t("reg.summary", {
          file: preview.fileName,
          added: preview.added.length,
          changed: preview.changed.length,
          unchanged: preview.unchanged,
          missing: preview.missing.length,
        })}
        description={hasChanges ? undefined : t("reg.nothing")}
      />
      <PreviewTables preview={preview} />
      <Space wrap>
        <span>{t("reg.effectiveOn")}</span>
        <DatePicker
          aria-label={t("reg.effectiveOn")}
          value={day}
          allowClear={false}
          onChange={(d: Dayjs | null) => {
            if (d !== null) {
              onDay(d);
            }
          }}
        />
        <Button type="primary" disabled={!hasChanges || isBusy} onClick={onApply}>
          {t("reg.apply")}
        </Button>
        <Button disabled={isBusy} onClick={onDiscard}>
          {t("reg.discard")}
        </Button>
      </Space>
    </>
  );
}

/** The drawer's contents: county choice, upload, preview, confirm. */
function RegistryImportPanel({ onDone }: { onDone: () => void }) {
  const { t, tOr } = useI18n();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const counties = useOrgUnits({ kind: "county", pageSize: 200 });
  const [countyId, setCountyId] = useState<string | undefined>(undefined);
  const [preview, setPreview] = useState<RegistryImport | null>(null);
  const [problems, setProblems] = useState<{ file: string; list: readonly RegistryProblem[] } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [isBusy, setBusy] = useState(false);
  const [day, setDay] = useState<Dayjs>(() => dayjs());
  const countyOptions = (counties.data?.items ?? []).map((c) => ({ value: c.id, label: c.name }));
  const chosen = countyOptions.length > 1 ? countyId : undefined;

  const upload = async (file: File) => {
    setError(null);
    setProblems(null);
    setPreview(null);
    if (!/\.(xlsx|csv)$/i.test(file.name)) {
      setError(t("reg.fileType"));
      return;
    }
    if (file.size > REGISTRY_MAX_BYTES) {
      setError(t("reg.fileTooLarge"));
      return;
    }
    setBusy(true);
    try {
      setPreview(await previewRegistry(file, chosen));
    } catch (e) {
      if (e instanceof RegistryUploadError && e.problems.length > 0) {
        setProblems({ file: file.name, list: e.problems });
      } else {
        setError(errorText(e, tOr));
      }
    } finally {
      setBusy(false);
    }
  };
  const act = async (work: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      await work();
    } catch (e) {
      setError(errorText(e, tOr));
    } finally {
      setBusy(false);
    }
  };
  const apply = (p: RegistryImport) =>
    act(async () => {
      const r = await applyRegistry(p.id, day.format("YYYY-MM-DD"));
      void message.success(t("reg.applied", { added: r.added, changed: r.changed, day: r.effectiveOn }));
      await queryClient.invalidateQueries({ queryKey: orgKeys.all });
      setPreview(null);
      onDone();
    });
  const discard = (p: RegistryImport) =>
    act(async () => {
      await discardRegistry(p.id);
      setPreview(null);
    });

  return (
    <Space orientation="vertical" style={{ width: "100%" }} size="middle">
      <Typography.Paragraph type="secondary">{t("reg.hint")}</Typography.Paragraph>
      <Space wrap>
        {countyOptions.length > 1 && (
          <Select
            aria-label={t("reg.county")}
            placeholder={t("reg.countyPlaceholder")}
            style={{ minWidth: 200 }}
            options={countyOptions}
            value={countyId}
            onChange={setCountyId}
          />
        )}
        <Button
          icon={<DownloadOutlined />}
          onClick={() => {
            downloadFile(registryTemplateUrl(chosen), "单位名录导入模板.xlsx").catch((e: unknown) => {
              setError(errorText(e, tOr));
            });
          }}
        >
          {t("reg.template")}
        </Button>
      </Space>
      {preview === null && (
        <Upload.Dragger
          accept=".xlsx,.csv"
          maxCount={1}
          disabled={isBusy}
          showUploadList={false}
          aria-label={t("reg.drop")}
          beforeUpload={(file) => {
            void upload(file);
            return false;
          }}
        >
          <p className="ant-upload-drag-icon">
            <InboxOutlined />
          </p>
          <p className="ant-upload-text">{t("reg.drop")}</p>
          <p className="ant-upload-hint">{t("reg.dropHint")}</p>
        </Upload.Dragger>
      )}
      {isBusy && (
        <Space>
          <Spin size="small" />
          <span>{t("reg.reading")}</span>
        </Space>
      )}
      {error !== null && <Alert type="error" showIcon title={error} />}
      {problems !== null && (
        <ImportProblems
          problems={problems.list}
          fileName={problems.file}
          title={t("reg.problemsTitle", { count: problems.list.length })}
        />
      )}
      {preview !== null && (
        <PreviewStep
          preview={preview}
          isBusy={isBusy}
          day={day}
          onDay={setDay}
          onApply={() => void apply(preview)}
          onDiscard={() => void discard(preview)}
        />
      )}
    </Space>
  );
}

/** 导入学校名录 button and its drawer, for users with org.write (nothing for others). */
export function RegistryImportButton() {
  const { t } = useI18n();
  const canWrite = useCan("org.write");
  const [isOpen, setOpen] = useState(false);
  if (!canWrite) {
    return null;
  }
  return (
    <>
      <Button
        icon={<UploadOutlined />}
        onClick={() => {
          setOpen(true);
        }}
      >
        {t("reg.open")}
      </Button>
      <Drawer
        title={t("reg.title")}
        size={960}
        open={isOpen}
        destroyOnHidden
        onClose={() => {
          setOpen(false);
        }}
      >
        {isOpen && (
          <RegistryImportPanel
            onDone={() => {
              setOpen(false);
            }}
          />
        )}
      </Drawer>
    </>
  );
}
