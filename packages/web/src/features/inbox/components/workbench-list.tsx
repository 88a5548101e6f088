import { Alert, Card, Empty, List, Tag, Typography } from "antd";
import { Link } from "react-router";
import { useI18n } from "../../../lib/i18n.tsx";
import { errorText } from "../../../lib/error-text.ts";
import { useWorkbench } from "../api/inbox.ts";

/** 工作台待办: the user's to-do items by kind, each linking where it is done; "暂无待办" when none. */
export function WorkbenchList() {
  const { t, tOr } = useI18n();
  const bench = useWorkbench();
  if (bench.error !== null) {
    return <Alert type="error" showIcon title={errorText(bench.error, tOr)} />;
  }
  const groups = bench.data?.groups ?? [];
  return (
    <section className="panel workbench" aria-labelledby="workbench-title">
      <Typography.Title level={2} className="section-title" id="workbench-title">
        {t("workbench.title")}
        {bench.data !== undefined && bench.data.total > 0 && (
          <Tag color="red" className="workbench-total">
            {bench.data.total}
          </Tag>
        )}
      </Typography.Title>
      {bench.isLoading ? (
        <Card loading />
      ) : groups.length === 0 ? (
        <Empty description={t("workbench.empty")} />
      ) : (
        <div className="workbench-groups">
          {groups.map((g) => (
            <Card
              key={g.kind}
              size="small"
              title={`${g.label}（${String(g.items.length)}）`}
              className="workbench-group"
            >
              <List
                size="small"
                dataSource={g.items}
                renderItem={(item) => (
                  <List.Item>
                    <List.Item.Meta
                      title={<Link to={item.link}>{item.title}</Link>}
                      description={
                        <Typography.Text type={item.isOverdue ? "danger" : "secondary"}>
                          {item.detail}
                        </Typography.Text>
                      }
                    />
                  </List.Item>
                )}
              />
            </Card>
          ))}
        </div>
      )}
    </section>
  );
}
