import { Alert } from "antd";
import type { PlanDetail } from "@luoshi/contracts";
import { useI18n } from "../../../lib/i18n.tsx";

/** 解析提示: what the importer was unsure of, so that staff know where to look first. */
export function PlanIssuesBanner({ issues }: { issues: PlanDetail["parseIssues"] }) {
  const { t } = useI18n();
  if (issues.length === 0) {
    return null;
  }
  const isError = issues.some((i) => i.severity === "error");
  return (
    <Alert
      type={isError ? "error" : "warning"}
      showIcon
      className="form-alert"
      title={t("review.issues", { count: issues.length })}
      description={
        <ul className="issue-list">
          {issues.map((issue, index) => (
            <li key={`${issue.code}-${String(index)}`}>{issue.message}</li>
          ))}
        </ul>
      }
    />
  );
}
