import { ApartmentOutlined, BankOutlined, EnvironmentOutlined, ReadOutlined } from "@ant-design/icons";

/** A small icon per 组织类型: areas, schools, departments. */
export function OrgKindIcon({ kind }: { kind: string }) {
  if (kind === "school") {
    return <ReadOutlined aria-hidden />;
  }
  if (kind === "department") {
    return <ApartmentOutlined aria-hidden />;
  }
  if (kind === "township") {
    return <EnvironmentOutlined aria-hidden />;
  }
  return <BankOutlined aria-hidden />;
}
