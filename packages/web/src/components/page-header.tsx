import type { ReactNode } from "react";
import { Typography } from "antd";

/** The page's one real heading (<h1>) with optional actions on the right. */
export function PageHeader({ title, extra }: { title: string; extra?: ReactNode }) {
  return (
    <div className="page-header">
      <Typography.Title level={1} className="page-title">
        {title}
      </Typography.Title>
      {extra !== undefined && <div className="page-header-extra">{extra}</div>}
    </div>
  );
}
