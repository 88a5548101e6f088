import { useState } from "react";
import { Card, Col, Row, Space, Switch } from "antd";
import { useNavigate, useParams } from "react-router";
import { PageHeader } from "../../components/page-header.tsx";
import { OrgTree } from "../../features/org/components/org-tree.tsx";
import { OrgUnitDetailPanel } from "../../features/org/components/org-unit-detail.tsx";
import { OrgUnitTable } from "../../features/org/components/org-unit-table.tsx";
import { useOrgUnit, useScopeRoots } from "../../features/org/api/org-units.ts";
import { RegistryImportButton } from "../../features/org/registry-import.tsx";
import { useI18n } from "../../lib/i18n.tsx";

/**
 * /org and /org/:id — tree beside the selected unit's details (with the changes a system administrator
 * may make), and a search table below; a switch shows closed and merged units too.
 */
export function OrgRoute() {
  const { t } = useI18n();
  const { id } = useParams();
  const navigate = useNavigate();
  const detail = useOrgUnit(id);
  const ancestorIds = detail.data?.ancestors.map((a) => a.id) ?? [];
  const [includeClosed, setIncludeClosed] = useState(false);
  // A change refetches the org queries; the tree starts again from them (and re-opens the selection).
  const roots = useScopeRoots();
  const treeKey = `${String(includeClosed)}:${String(roots.dataUpdatedAt)}`;

  return (
    <>
      <PageHeader
        title={t("org.title")}
        extra={
          <Space wrap className="org-page-actions">
            <RegistryImportButton />
            <label>
              <Switch
                size="small"
                checked={includeClosed}
                onChange={setIncludeClosed}
                aria-label={t("org.showClosed")}
              />{" "}
              {t("org.showClosed")}
            </label>
          </Space>
        }
      />
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={9} xl={8}>
          <Card title={t("org.tree")} size="small" className="org-tree-card">
            <OrgTree
              key={treeKey}
              includeClosed={includeClosed}
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
            <OrgUnitTable includeClosed={includeClosed} />
          </Card>
        </Col>
      </Row>
    </>
  );
}
