/**
 * What every registry-import use case shares: the county an actor imports for, the county's units as
 * the domain's plain data with a fingerprint, and reading the uploaded file into sheets.
 */
import { createHash } from "node:crypto";
import { orgRegistryRepo, orgUnitRepo, type Db, type OrgUnitRow } from "@luoshi/db";
import type { RegistryCounty, RegistryDiff, RegistrySheet, RegistryUnit } from "@luoshi/domain/org";
import { AppError } from "../../errors.ts";
import type { Actor } from "../../context.ts";
import { authorize } from "../access/authorize.ts";
import { findUnitInScope } from "../access/scope.ts";
import type { ImportLimits } from "../../config.ts";
import { readStatsFileInWorker } from "../statistics/stats-file-read.ts";

/** The largest registry file accepted. */
export const MAX_REGISTRY_FILE_BYTES = 10 * 1024 * 1024;

/** What a stored preview holds: the county and the plan as shown. */
export interface StoredRegistryPreview {
  county: RegistryCounty;
  schoolRows: number;
  departmentRows: number;
  diff: RegistryDiff;
}

/**
 * The county an import is for: `countyId` when given (in the actor's scope, a 县（区）), else the
 * actor's own scope root when that is a county. A city-level administrator must name the county.
 */
export async function resolveCounty(db: Db, actor: Actor, countyId: string | undefined): Promise<OrgUnitRow> {
  authorize(actor, "org.write");
  if (countyId !== undefined) {
    const unit = await findUnitInScope(db, actor, countyId);
    if (unit.kind !== "county") {
      throw new AppError("validation-failed", `“${unit.name}”不是县（区）；单位名录按县（区）导入`);
    }
    return unit;
  }
  const root = await orgUnitRepo.findByPath(db, actor.scope.path);
  if (root?.kind === "county") {
    return root;
  }
  throw new AppError("validation-failed", "请指明要导入名录的县（区）（countyId）", {
    fields: [{ path: "querystring.countyId", message: "请选择县（区）" }],
  });
}

/** A unit row as the domain's plain data. */
function registryUnit(u: OrgUnitRow, codeOf: Map<string, string>): RegistryUnit {
  return {
    id: u.id,
    code: u.code,
    name: u.name,
    kind: u.kind,
    parentId: u.parent_id,
    aliases: u.aliases,
    closedOn: u.closed_on,
    schoolType: u.school_type,
    schoolTypeCode: u.school_type_code,
    ownership: u.ownership,
    isInclusive: u.is_inclusive,
    urbanRural: u.urban_rural,
    sponsor: u.sponsor,
    address: u.address,
    principal: u.principal,
    phone: u.phone,
    parentSchoolCode: u.parent_school_id === null ? null : (codeOf.get(u.parent_school_id) ?? null),
  };
}

/** The county's units below it (not the county itself) and a fingerprint of all of them. */
export async function countyRegistry(
  db: Db,
  county: OrgUnitRow,
): Promise<{ units: RegistryUnit[]; rows: OrgUnitRow[]; fingerprint: string }> {
  const rows = (await orgRegistryRepo.countyUnits(db, county.path)).filter((u) => u.id !== county.id);
  const codeOf = new Map(rows.map((u) => [u.id, u.code]));
  const units = rows.map((u) => registryUnit(u, codeOf));
  const sorted = [...units].sort((a, b) => (a.id < b.id ? -1 : 1));
  const fingerprint = createHash("sha256").update(JSON.stringify(sorted)).digest("hex");
  return { units, rows, fingerprint };
}

/** The county as the domain sees it. */
export const registryCounty = (u: OrgUnitRow): RegistryCounty => ({ id: u.id, code: u.code, name: u.name });

/**
 * Reads an uploaded .xlsx / .csv (UTF-8 or GB18030) into sheets, with the statistics import's reader
 * (in a child process, within `limits`);
 * the header may be in any of a sheet's first rows.
 */
export async function readRegistryFile(
  bytes: Uint8Array,
  fileName: string,
  limits: ImportLimits,
): Promise<RegistrySheet[]> {
  const lower = fileName.toLowerCase();
  if (!lower.endsWith(".xlsx") && !lower.endsWith(".csv")) {
    throw new AppError("validation-failed", `${fileName}：只支持 .xlsx 或 .csv 格式的名录文件`);
  }
  if (bytes.length > MAX_REGISTRY_FILE_BYTES) {
    throw new AppError(
      "payload-too-large",
      `文件超过 ${MAX_REGISTRY_FILE_BYTES / 1024 / 1024} MB；请按乡镇分批导入`,
    );
  }
  const sheets = await readStatsFileInWorker(bytes, fileName, limits);
  return sheets.map((s) => ({
    name: s.name,
    // the reader's header is row 1 (of a sheet, or the first line of a CSV): put it back among the rows
    rows: [...(s.headers.length === 0 ? [] : [{ row: 1, cells: s.headers }]), ...s.rows],
  }));
}
