import { Typography } from "antd";
import { useI18n } from "../../../lib/i18n.tsx";
import { useInstallation } from "../api/setup.ts";

/** One line naming the jurisdiction the installation serves and the division data it was set up from. */
export function JurisdictionNote() {
  const { t } = useI18n();
  const installation = useInstallation();
  const jurisdiction = installation.data?.jurisdiction;
  if (jurisdiction === undefined || jurisdiction === null) {
    return null;
  }
  return (
    <Typography.Paragraph type="secondary" className="jurisdiction-note">
      {t("org.jurisdiction", {
        name: jurisdiction.name,
        code: jurisdiction.code,
        source: jurisdiction.source,
      })}
    </Typography.Paragraph>
  );
}
