import { lazy, Suspense } from "react";
import { Alert, Card, Col, Row, Skeleton, Statistic } from "antd";
import { useI18n } from "../../../lib/i18n.tsx";
import { errorText } from "../../../lib/error-text.ts";
import { useKindCounts, useSchoolTypeCounts } from "../api/scope-counts.ts";
import type { Count } from "../api/scope-counts.ts";
import { OrgKindIcon } from "../../org/components/org-kind-icon.tsx";

const SchoolTypeChart = lazy(() =>
  import("./school-type-chart.tsx").then((m) => ({ default: m.SchoolTypeChart })),
);

function firstError(counts: readonly Count[]): unknown {
  return counts.find((c) => c.error !== null)?.error ?? null;
}

/** Cards with the number of units in scope by kind and of schools by 办学类型, and the bar chart. */
export function ScopeCards() {
  const { t, tOr } = useI18n();
  const kinds = useKindCounts(true);
  const schoolTypes = useSchoolTypeCounts(true);
  const error = firstError(kinds) ?? firstError(schoolTypes);
  const typesLoaded = schoolTypes.every((c) => c.total !== undefined);
  const nonZeroTypes = schoolTypes.filter((c) => (c.total ?? 0) > 0);

  return (
    <>
      {error !== null && <Alert type="error" showIcon title={errorText(error, tOr)} className="form-alert" />}
      <h3 className="section-heading">{t("dashboard.byKind")}</h3>
      <Row gutter={[16, 16]}>
        {kinds.map((c) => (
          <Col key={c.code} xs={12} md={8}>
            <Card size="small">
              <Statistic
                title={tOr(`kind.${c.code}`, c.code)}
                prefix={<OrgKindIcon kind={c.code} />}
                value={c.total ?? "—"}
                loading={c.total === undefined && c.error === null}
                suffix={c.code === "school" ? t("dashboard.schools") : t("dashboard.units")}
              />
            </Card>
          </Col>
        ))}
      </Row>
      <h3 className="section-heading">{t("dashboard.bySchoolType")}</h3>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={10}>
          <Row gutter={[12, 12]}>
            {schoolTypes.map((c) => (
              <Col key={c.code} xs={12} sm={8} xl={12}>
                <Card size="small">
                  <Statistic
                    title={tOr(`schoolType.${c.code}`, c.code)}
                    value={c.total ?? "—"}
                    loading={c.total === undefined && c.error === null}
                  />
                </Card>
              </Col>
            ))}
          </Row>
        </Col>
        <Col xs={24} xl={14}>
          <Card size="small" title={t("dashboard.chartTitle")}>
            {typesLoaded ? (
              <Suspense fallback={<Skeleton active />}>
                <SchoolTypeChart
                  bars={nonZeroTypes.map((c) => ({
                    label: tOr(`schoolType.${c.code}`, c.code),
                    value: c.total ?? 0,
                  }))}
                  emptyText={t("dashboard.noSchools")}
                />
              </Suspense>
            ) : (
              <Skeleton active />
            )}
          </Card>
        </Col>
      </Row>
    </>
  );
}
