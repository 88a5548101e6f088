import { Card, Col, Row } from "antd";
import { useNavigate, useParams } from "react-router";
import { PageHeader } from "../../components/page-header.tsx";
import { OrgTree } from "../../features/org/components/org-tree.tsx";
import { OrgUnitDetailPanel } from "../../features/org/components/org-unit-detail.tsx";
import { OrgUnitTable } from "../../features/org/components/org-unit-table.tsx";
import { useOrgUnit } from "../../features/org/api/org-units.ts";
import { RegistryImportButton } from "../../features/org/registry-import.tsx";
import { useI18n } from "../../lib/i18n.tsx";

/** /org and /org/:id — tree beside the selected unit's details, and a search table below. */
export function OrgRoute() {
  const { t } = useI18n();
  const { id } = useParams();
  const navigate = useNavigate();
  const detail = useOrgUnit(id);
  const ancestorIds = detail.data?.ancestors.map((a) => a.id) ?? [];

  return (
    <>
      <PageHeader title={t("org.title")} extra={<RegistryImportButton />} />
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={9} xl={8}>
          <Card title={t("org.tree")} size="small" className="org-tree-card">
            <OrgTree
              selectedId={id}
              ancestorIds={ancestorIds}
              onSelect={(unitId) => void navigate(`/org/${unitId}`)}
            />
          </Card>
        </Col>
        <Col xs={24} lg={15} xl={16}>
          <Card title={t("org.detail")} size="small">
            <OrgUnitDetailPanel id={id} />
          </Card>
        </Col>
        <Col span={24}>
          <Card title={t("org.list")} size="small">
            <OrgUnitTable />
          </Card>
        </Col>
      </Row>
    </>
  );
}
