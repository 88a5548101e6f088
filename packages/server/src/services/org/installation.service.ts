import { divisionChildren, type DivisionRef, type JurisdictionLevel } from "@luoshi/domain/org";
import { installationRepo, orgUnitRepo } from "@luoshi/db";
import { AppError } from "../../errors.ts";
import type { ServiceDeps } from "../../context.ts";
import { DIVISION_SOURCE, divisionTree } from "./division-data.ts";

/** The jurisdiction an installation serves, for headers, footers and the first-run page. */
export interface InstallationView {
  code: string;
  name: string;
  level: JurisdictionLevel;
  source: string;
  initializedAt: Date;
}

/** The installation's jurisdiction, or null before initialisation. */
export async function getInstallation(deps: ServiceDeps): Promise<InstallationView | null> {
  const row = await installationRepo.get(deps.handle.db);
  if (row === undefined) {
    return null;
  }
  return {
    code: row.division_code,
    name: row.division_name,
    level: row.division_level,
    source: row.division_source,
    initializedAt: row.initialized_at,
  };
}

/** True once the database holds a jurisdiction or any org unit (the demo, an import, a test world). */
export async function isInitialised(deps: ServiceDeps): Promise<boolean> {
  const { db } = deps.handle;
  return (await installationRepo.get(db)) !== undefined || (await orgUnitRepo.count(db)) > 0;
}

/** The divisions directly below `parent` (provinces without one), from the shipped data. */
export function listDivisions(parent?: string): DivisionRef[] {
  const children = divisionChildren(divisionTree(), parent);
  if (children === null) {
    throw new AppError("not-found", `未找到行政区划代码 ${parent ?? ""}（区划数据：${DIVISION_SOURCE}）`);
  }
  return children;
}
