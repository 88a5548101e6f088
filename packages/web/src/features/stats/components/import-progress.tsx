import { Progress, Steps, Typography } from "antd";
import type { StatsImportPhase } from "@luoshi/contracts";
import { useI18n } from "../../../lib/i18n.tsx";

const STEPS = ["uploading", "reading", "validating", "writing", "done"] as const;

/**
 * Where an import is: the steps 上传 → 读取 → 校验 → 写入 → 完成 and a percent bar for the current one
 * (the upload's bytes, then rows checked and rows written as the server reports them).
 */
export function ImportProgress({
  uploadShare,
  phase,
  failedIn,
  done,
  total,
}: {
  /** Share of the file sent (0–1) while uploading; null once the server has it. */
  uploadShare: number | null;
  phase: StatsImportPhase | null;
  /** The phase a failed job stopped in. */
  failedIn: "reading" | "validating" | "writing" | null;
  done: number;
  total: number;
}) {
  const { t } = useI18n();
  const current = uploadShare !== null ? "uploading" : (phase ?? "reading");
  const index = STEPS.indexOf(current === "failed" ? (failedIn ?? "reading") : current);
  const percent =
    uploadShare !== null
      ? Math.round(uploadShare * 100)
      : current === "done"
        ? 100
        : total > 0
          ? Math.floor((done / total) * 100)
          : 0;
  const label = t(`imp.phase.${current}`);
  return (
    <div style={{ marginTop: 16 }}>
      <Steps
        size="small"
        current={Math.max(index, 0)}
        status={current === "failed" ? "error" : current === "done" ? "finish" : "process"}
        items={STEPS.map((s) => ({ title: t(`imp.phase.${s}`) }))}
      />
      <Progress
        aria-label={t("imp.progressLabel")}
        percent={percent}
        status={current === "failed" ? "exception" : current === "done" ? "success" : "active"}
        style={{ marginTop: 12 }}
      />
      {uploadShare === null && current !== "done" && current !== "failed" && total > 1 && (
        <Typography.Text type="secondary">{t("imp.progress", { phase: label, done, total })}</Typography.Text>
      )}
    </div>
  );
}
