import { useEffect, useId, useState } from "react";
import { Alert, Button, Card, Descriptions, InputNumber, Space, Typography, Upload } from "antd";
import { DownloadOutlined, InboxOutlined, UploadOutlined } from "@ant-design/icons";
import { useQueryClient } from "@tanstack/react-query";
import { ApiError } from "../../../lib/api.ts";
import { downloadFile } from "../../../lib/download.ts";
import { errorText } from "../../../lib/error-text.ts";
import { useI18n } from "../../../lib/i18n.tsx";
import type { MessageKey } from "../../../lib/i18n.tsx";
import {
  IMPORT_ACCEPT,
  IMPORT_TEMPLATE_URL,
  importFileProblem,
  startImportJob,
  useImportJob,
} from "../api/import-jobs.ts";
import { ImportHistory } from "./import-history.tsx";
import { ImportPreview } from "./import-preview.tsx";
import { ImportProblems } from "./import-problems.tsx";
import { ImportProgress } from "./import-progress.tsx";

const FILE_PROBLEM_KEYS: Record<"type" | "empty" | "size", MessageKey> = {
  type: "imp.fileType",
  empty: "imp.fileEmpty",
  size: "imp.fileTooLarge",
};

/**
 * 数据导入 (指标监测 tab, stats.write only): template, 统计年度, file by picker or drag and drop, then two
 * steps — 检查并预览 uploads the file for a check that writes nothing and shows what it would change
 * (values before → after, stored values it would clear), 确认导入 uploads it again to apply — each with
 * the server's phases on a percent bar; a refused file lists every problem by 工作表, 行 and 列 (export
 * or copy), an applied one shows what was stored. Past imports below, each 撤销 as a whole.
 */
export function ImportTab({ year, unit }: { year: number; unit?: { id: string; name: string } | undefined }) {
  const { t, tOr } = useI18n();
  const yearId = useId();
  const queryClient = useQueryClient();
  const [chosenYear, setChosenYear] = useState(year);
  const [file, setFile] = useState<File | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [uploadShare, setUploadShare] = useState<number | null>(null);
  const [jobId, setJobId] = useState<string | null>(null);
  /** Whether the current job only previews (step 1) or applies (step 2). */
  const [applying, setApplying] = useState(false);
  const job = useImportJob(jobId);
  const phase = job.data?.phase;
  const isRunning = uploadShare !== null || (jobId !== null && phase !== "done" && phase !== "failed");

  // A new year chosen in the page's bar becomes the import's year (React's "adjust state on prop change").
  const [pageYear, setPageYear] = useState(year);
  if (pageYear !== year) {
    setPageYear(year);
    setChosenYear(year);
  }

  const applied = job.data?.result?.applied === true;
  useEffect(() => {
    if (phase === "done" && applied) {
      void queryClient.invalidateQueries({ queryKey: ["stats-imports"] });
      void queryClient.invalidateQueries({ queryKey: ["indicators"] });
    }
  }, [phase, applied, queryClient]);

  const pick = (picked: File | null) => {
    setFile(picked);
    setJobId(null);
    const found = picked === null ? null : importFileProblem(picked);
    setProblem(found === null ? null : t(FILE_PROBLEM_KEYS[found]));
  };

  const start = async (preview: boolean) => {
    if (file === null) {
      setProblem(t("imp.fileRequired"));
      return;
    }
    const found = importFileProblem(file);
    if (found !== null) {
      setProblem(t(FILE_PROBLEM_KEYS[found]));
      return;
    }
    setProblem(null);
    setJobId(null);
    setApplying(!preview);
    setUploadShare(0);
    try {
      const created = await startImportJob(file, chosenYear, setUploadShare, preview);
      setJobId(created.jobId);
    } catch (error) {
      const fields = error instanceof ApiError ? error.fields.map((f) => f.message) : [];
      setProblem(fields.length > 0 ? fields.join("；") : errorText(error, tOr));
    } finally {
      setUploadShare(null);
    }
  };

  const done = phase === "done" ? job.data?.result : null;
  const result = done?.applied === true ? done : null;
  const preview = done?.applied === false && !applying ? done : null;
  const failure = phase === "failed" ? job.data?.error : null;
  const fileName = job.data?.fileName ?? file?.name ?? "";
  return (
    <Space orientation="vertical" size="large" style={{ width: "100%" }}>
      <Card title={t("imp.title")} size="small">
        <Typography.Paragraph type="secondary">{t("imp.hint")}</Typography.Paragraph>
        <Space wrap style={{ marginBottom: 16 }}>
          <Button
            icon={<DownloadOutlined />}
            onClick={() => {
              downloadFile(IMPORT_TEMPLATE_URL, "统计数据导入模板.xlsx").catch((error: unknown) => {
                setProblem(errorText(error, tOr));
              });
            }}
          >
            {t("imp.template")}
          </Button>
          {unit !== undefined && (
            <Button
              icon={<DownloadOutlined />}
              onClick={() => {
                // this year's data in the template: the starting point for the next import
                const url = `${IMPORT_TEMPLATE_URL}?orgUnitId=${encodeURIComponent(unit.id)}&year=${String(year)}`;
                downloadFile(url, `${unit.name}${String(year)}年统计数据.xlsx`).catch((error: unknown) => {
                  setProblem(errorText(error, tOr));
                });
              }}
            >
              {t("imp.yearData", { year })}
            </Button>
          )}
          <label htmlFor={yearId}>{t("imp.importYear")}</label>
          <InputNumber
            id={yearId}
            min={2000}
            max={2100}
            precision={0}
            value={chosenYear}
            disabled={isRunning}
            onChange={(v) => {
              if (typeof v === "number") {
                setChosenYear(v);
                // a preview is of one year: another year needs another check
                setJobId(null);
              }
            }}
          />
        </Space>
        <Upload.Dragger
          accept={IMPORT_ACCEPT}
          maxCount={1}
          disabled={isRunning}
          aria-label={t("imp.file")}
          fileList={file === null ? [] : [{ uid: "file", name: file.name, size: file.size, status: "done" }]}
          beforeUpload={(picked) => {
            pick(picked);
            return false;
          }}
          onRemove={() => {
            pick(null);
          }}
        >
          <p className="ant-upload-drag-icon">
            <InboxOutlined />
          </p>
          <p className="ant-upload-text">{t("imp.drop")}</p>
          <p className="ant-upload-hint">{t("imp.dropHint")}</p>
        </Upload.Dragger>
        <Space style={{ marginTop: 16 }}>
          <Button
            type="primary"
            icon={<UploadOutlined />}
            loading={isRunning}
            disabled={file === null}
            onClick={() => void start(true)}
          >
            {t("imp.start")}
          </Button>
        </Space>
        {problem !== null && (
          <Alert type="error" showIcon role="alert" title={problem} style={{ marginTop: 16 }} />
        )}
        {job.isError && (
          <Alert
            type="error"
            showIcon
            role="alert"
            title={errorText(job.error, tOr)}
            style={{ marginTop: 16 }}
          />
        )}
        {(uploadShare !== null || job.data !== undefined) && (
          <ImportProgress
            uploadShare={uploadShare}
            phase={job.data?.phase ?? null}
            failedIn={job.data?.failedIn ?? null}
            done={job.data?.done ?? 0}
            total={job.data?.total ?? 0}
          />
        )}
      </Card>
      {preview !== null && (
        <ImportPreview
          preview={preview}
          applying={isRunning}
          onApply={() => void start(false)}
          onCancel={() => {
            setJobId(null);
          }}
        />
      )}
      {result !== null && (
        <Card size="small">
          <Alert
            type="success"
            showIcon
            title={t("imp.doneTitle", { year: result.year, file: result.fileName })}
            style={{ marginBottom: 16 }}
          />
          <Descriptions
            size="small"
            column={4}
            items={[
              { key: "rows", label: t("imp.rows"), children: result.rows },
              { key: "schools", label: t("imp.schools"), children: result.schools },
              { key: "areas", label: t("imp.areas"), children: result.areas },
              { key: "changed", label: t("imp.changed"), children: result.changedValues },
            ]}
          />
          {result.warnings.length > 0 && (
            <ImportProblems problems={result.warnings} title={t("imp.warnings")} fileName={fileName} />
          )}
        </Card>
      )}
      {failure !== null && failure !== undefined && (
        <Card size="small">
          <Alert
            type="error"
            showIcon
            role="alert"
            title={
              failure.message.includes("未导入")
                ? failure.message
                : t("imp.failedTitle", { message: failure.message })
            }
            style={{ marginBottom: 16 }}
          />
          {failure.problems.length > 0 && (
            <ImportProblems
              problems={failure.problems}
              fileName={fileName}
              title={t("imp.problemsTitle", {
                count: failure.problemCount,
                shown:
                  failure.problemCount > failure.problems.length
                    ? t("imp.problemsShown", { shown: failure.problems.length })
                    : "",
              })}
            />
          )}
        </Card>
      )}
      <ImportHistory />
    </Space>
  );
}
