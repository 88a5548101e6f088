/**
 * Planning a registry import (导入预览): read the file's sheets, check every row, compare with the
 * county's current units. All-or-nothing: any problem means nothing is applied.
 */
import {
  diffDepartments,
  departmentHeader,
  readDepartmentSheet,
  type DepartmentEntry,
} from "./registry-departments.ts";
import { diffSchools, type RegistryCounty, type RegistryDiff, type RegistryUnit } from "./registry-diff.ts";
import {
  problemAt,
  readSchoolSheet,
  schoolHeader,
  type RegistryProblem,
  type RegistrySheet,
  type SchoolEntry,
} from "./school-registry.ts";

/** The most data rows one file may hold. */
export const MAX_REGISTRY_ROWS = 20_000;

/** Everything a file would do, or the problems that stop it. */
export interface RegistryPlan {
  schoolRows: number;
  departmentRows: number;
  diff: RegistryDiff;
  problems: RegistryProblem[];
}

/**
 * Reads the file's sheets, checks every row and compares it with the county's current units. The plan
 * is all-or-nothing: any problem means nothing is applied.
 */
export function planRegistryImport(
  sheets: readonly RegistrySheet[],
  county: RegistryCounty,
  units: readonly RegistryUnit[],
): RegistryPlan {
  const problems: RegistryProblem[] = [];
  const diff: RegistryDiff = { added: [], changed: [], unchanged: 0, missing: [] };
  const rowCount = sheets.reduce((n, s) => n + s.rows.length, 0);
  if (rowCount > MAX_REGISTRY_ROWS) {
    problems.push(
      problemAt("", 0, "", `文件有 ${rowCount} 行，超过 ${MAX_REGISTRY_ROWS} 行的上限；请按乡镇分批导入`),
    );
    return { schoolRows: 0, departmentRows: 0, diff, problems };
  }
  const townships = units
    .filter((u) => u.kind === "township" && u.parentId === county.id && u.closedOn === null)
    .map((u) => ({ id: u.id, code: u.code, name: u.name, aliases: u.aliases }));
  const seen = new Map<string, { sheet: string; row: number }>();
  const schools: SchoolEntry[] = [];
  let departments: DepartmentEntry[] | null = null;
  for (const sheet of sheets) {
    if (sheet.name === "填写说明") {
      continue;
    }
    const sh = schoolHeader(sheet);
    const dh = sh === null ? departmentHeader(sheet) : null;
    if (sh !== null) {
      const read = readSchoolSheet(sheet, sh, townships, seen);
      schools.push(...read.schools);
      problems.push(...read.problems);
    } else if (dh !== null) {
      const read = readDepartmentSheet(sheet, dh);
      departments = [...(departments ?? []), ...read.departments];
      problems.push(...read.problems);
    }
  }
  if (schools.length === 0 && departments === null && problems.length === 0) {
    problems.push(
      problemAt(
        "",
        0,
        "",
        "文件中没有找到学校名录：表头（前 5 行内）应含“学校标识码”和“学校名称”，或“责任单位”表的“单位名称”",
      ),
    );
  }
  checkHosts(schools, units, problems);
  const names = new Map<string, string>([
    [county.id, county.name],
    ...units.map((u): [string, string] => [u.id, u.name]),
  ]);
  const nameOf = (id: string) => names.get(id) ?? id;
  diffSchools(schools, units, nameOf, diff, problems);
  if (departments !== null) {
    diffDepartments(departments, county, units, nameOf, diff, problems);
  }
  return { schoolRows: schools.length, departmentRows: departments?.length ?? 0, diff, problems };
}

/** 所属学校标识码 must name another school in the file or the county's registry. */
function checkHosts(
  schools: readonly SchoolEntry[],
  units: readonly RegistryUnit[],
  problems: RegistryProblem[],
): void {
  const known = new Set([
    ...schools.map((s) => s.code),
    ...units.filter((u) => u.kind === "school" && u.closedOn === null).map((u) => u.code),
  ]);
  for (const s of schools) {
    const host = s.hostSchoolCode;
    if (host === undefined || host === null) {
      continue;
    }
    if (host === s.code) {
      problems.push(problemAt(s.sheet, s.row, "所属学校标识码", "所属学校不能是本校"));
    } else if (!known.has(host)) {
      problems.push(
        problemAt(s.sheet, s.row, "所属学校标识码", `所属学校 ${host} 既不在文件中，也不是本县现有学校`),
      );
    }
  }
}
