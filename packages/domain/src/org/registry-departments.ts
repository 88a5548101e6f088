/**
 * The 责任单位 sheet of the registry file: the county's departments (教育局, 财政局 …) and their offices
 * (股室) below them. Codes are optional; a department without one is matched on its exact name.
 */
import { checkOrgCode } from "./org-unit.ts";
import {
  parentKey,
  PatchBuilder,
  recordChange,
  type ParentRef,
  type RegistryAddition,
  type RegistryCounty,
  type RegistryDiff,
  type RegistryUnit,
} from "./registry-diff.ts";
import {
  cellText,
  findHeader,
  problemAt,
  type HeaderMatch,
  type RegistryColumn,
  type RegistryProblem,
  type RegistrySheet,
} from "./school-registry.ts";

/** The 责任单位 sheet's columns. */
export const DEPARTMENT_COLUMNS = [
  { key: "name", header: "单位名称", aliases: ["部门名称", "责任单位"] },
  { key: "code", header: "单位代码", aliases: ["部门代码", "代码"] },
  { key: "aliases", header: "简称/别名", aliases: ["简称", "别名", "简称（别名）"] },
  { key: "parent", header: "上级单位", aliases: ["上级部门"] },
] as const satisfies readonly RegistryColumn[];
type DepartmentColumnKey = (typeof DEPARTMENT_COLUMNS)[number]["key"];

/** One department row. `aliases` / `parentRef` are undefined when the file has no such column. */
export interface DepartmentEntry {
  sheet: string;
  row: number;
  name: string;
  code: string | null;
  aliases?: string[];
  /** 上级单位: the name or code of another department; null: directly under the county. */
  parentRef?: string | null;
}

/** Sheet names that mark a 责任单位 sheet. */
const DEPARTMENT_SHEET = /责任单位|部门/;

/** The header of a departments sheet, or null when the sheet is not one. */
export function departmentHeader(sheet: RegistrySheet): HeaderMatch<DepartmentColumnKey> | null {
  const header = findHeader(sheet, DEPARTMENT_COLUMNS, ["name"]);
  if (header === null) {
    return null;
  }
  return DEPARTMENT_SHEET.test(sheet.name) || header.columns.size > 1 ? header : null;
}

/** Splits 简称/别名 on 、，, ; and line breaks. */
function splitAliases(text: string): string[] {
  return [
    ...new Set(
      text
        .split(/[、，,；;\n]/)
        .map((s) => s.trim())
        .filter((s) => s !== ""),
    ),
  ];
}

/** Reads and checks a departments sheet: names required and unique, codes valid and unique. */
export function readDepartmentSheet(
  sheet: RegistrySheet,
  header: HeaderMatch<DepartmentColumnKey>,
): { departments: DepartmentEntry[]; problems: RegistryProblem[] } {
  const problems: RegistryProblem[] = [];
  const departments: DepartmentEntry[] = [];
  const names = new Map<string, number>();
  const codes = new Map<string, number>();
  const label = (key: DepartmentColumnKey) =>
    header.columns.get(key)?.header ?? DEPARTMENT_COLUMNS.find((c) => c.key === key)?.header ?? key;
  for (const r of sheet.rows.slice(header.dataFrom)) {
    const text = (key: DepartmentColumnKey): string | undefined => {
      const c = header.columns.get(key);
      return c === undefined ? undefined : cellText(r.cells[c.index]);
    };
    const problem = (key: DepartmentColumnKey, what: string) => {
      problems.push(problemAt(sheet.name, r.row, label(key), what));
    };
    const before = problems.length;
    const name = text("name") ?? "";
    if (name === "" || name.length > 100) {
      problem("name", name === "" ? "单位名称为空" : "单位名称超过 100 个字");
    } else if (names.has(name)) {
      problem("name", `单位名称“${name}”与第 ${names.get(name) ?? 0} 行重复`);
    }
    const code = text("code") ?? "";
    const codeProblem = code === "" ? null : checkOrgCode("department", code);
    if (codeProblem !== null) {
      problem("code", `“${code}”：${codeProblem}`);
    } else if (code !== "" && codes.has(code)) {
      problem("code", `单位代码 ${code} 与第 ${codes.get(code) ?? 0} 行重复`);
    }
    const parent = text("parent");
    if (parent !== undefined && parent !== "" && (parent === name || parent === code)) {
      problem("parent", "上级单位不能是本单位");
    }
    if (problems.length > before) {
      continue;
    }
    names.set(name, r.row);
    if (code !== "") {
      codes.set(code, r.row);
    }
    const aliases = text("aliases");
    departments.push({
      sheet: sheet.name,
      row: r.row,
      name,
      code: code === "" ? null : code,
      ...(aliases === undefined ? {} : { aliases: splitAliases(aliases) }),
      ...(parent === undefined ? {} : { parentRef: parent === "" ? null : parent }),
    });
  }
  return { departments, problems };
}

interface ResolvedDepartment {
  entry: DepartmentEntry;
  unit: RegistryUnit | undefined;
  code: string;
}

/** Matches each row to a current department (by code, then exact name) or gives it a new code. */
function matchDepartments(
  entries: readonly DepartmentEntry[],
  county: RegistryCounty,
  units: readonly RegistryUnit[],
  problems: RegistryProblem[],
): ResolvedDepartment[] {
  const existing = units.filter((u) => u.kind === "department");
  const byCode = new Map(existing.map((u) => [u.code, u]));
  const byName = new Map(existing.map((u) => [u.name, u]));
  const used = new Set([
    ...units.map((u) => u.code),
    ...entries.flatMap((e) => (e.code === null ? [] : [e.code])),
  ]);
  let n = 0;
  const nextCode = (): string => {
    do {
      n += 1;
    } while (used.has(`${county.code}-${n}`));
    used.add(`${county.code}-${n}`);
    return `${county.code}-${n}`;
  };
  const resolved: ResolvedDepartment[] = [];
  for (const e of entries) {
    const unit = (e.code === null ? undefined : byCode.get(e.code)) ?? byName.get(e.name);
    if (unit !== undefined && e.code !== null && unit.code !== e.code) {
      problems.push(
        problemAt(
          e.sheet,
          e.row,
          "单位代码",
          `“${e.name}”现有代码为 ${unit.code}，与文件中的 ${e.code} 不一致`,
        ),
      );
      continue;
    }
    if (unit !== undefined && unit.closedOn !== null) {
      problems.push(
        problemAt(
          e.sheet,
          e.row,
          "单位名称",
          `“${unit.name}”已于 ${unit.closedOn} 撤销，导入不会恢复已撤销的单位`,
        ),
      );
      continue;
    }
    if (unit === undefined && e.code !== null && units.some((u) => u.code === e.code)) {
      problems.push(problemAt(e.sheet, e.row, "单位代码", `代码 ${e.code} 已属于本县的非部门单位`));
      continue;
    }
    resolved.push({ entry: e, unit, code: unit?.code ?? e.code ?? nextCode() });
  }
  return resolved;
}

/**
 * Compares the 责任单位 sheet with the county's departments: new ones are added (parents first), a
 * changed name (matched by code) is a rename, a changed 上级单位 a move, changed 简称 an edit.
 */
export function diffDepartments(
  entries: readonly DepartmentEntry[],
  county: RegistryCounty,
  units: readonly RegistryUnit[],
  nameOf: (id: string) => string,
  diff: RegistryDiff,
  problems: RegistryProblem[],
): void {
  const resolved = matchDepartments(entries, county, units, problems);
  const fileRef = new Map<string, ResolvedDepartment>();
  for (const r of resolved) {
    fileRef.set(r.entry.name, r);
    fileRef.set(r.code, r);
  }
  const departments = units.filter((u) => u.kind === "department" && u.closedOn === null);
  const refName = (p: ParentRef | null | undefined): string | null =>
    p === null || p === undefined
      ? null
      : "unitId" in p
        ? nameOf(p.unitId)
        : (fileRef.get(p.newCode)?.entry.name ?? p.newCode);
  const parentOf = new Map<string, string | null>(
    units.map((u) => [`u:${u.id}`, u.parentId === null ? null : `u:${u.parentId}`]),
  );
  const pending: { r: ResolvedDepartment; b: PatchBuilder | null; parent: ParentRef }[] = [];
  for (const r of resolved) {
    const ref = r.entry.parentRef;
    let parent: ParentRef | undefined;
    if (ref === null || (ref === undefined && r.unit === undefined)) {
      parent = { unitId: county.id };
    } else if (ref !== undefined) {
      const inFile = fileRef.get(ref);
      const current = departments.find((u) => u.code === ref || u.name === ref || u.aliases.includes(ref));
      parent =
        inFile !== undefined
          ? inFile.unit === undefined
            ? { newCode: inFile.code }
            : { unitId: inFile.unit.id }
          : current === undefined
            ? undefined
            : { unitId: current.id };
      if (parent === undefined) {
        problems.push(
          problemAt(r.entry.sheet, r.entry.row, "上级单位", `“${ref}”既不在本表中，也不是本县现有的单位`),
        );
        continue;
      }
    }
    const self = r.unit === undefined ? `n:${r.code}` : `u:${r.unit.id}`;
    if (parent !== undefined) {
      parentOf.set(self, parentKey(parent));
    }
    if (r.unit === undefined) {
      pending.push({ r, b: null, parent: parent ?? { unitId: county.id } });
      continue;
    }
    const b = new PatchBuilder();
    b.set("name", r.unit.name, r.entry.name, (v) => v ?? null);
    b.set(
      "parent",
      r.unit.parentId === null ? null : { unitId: r.unit.parentId },
      parent,
      refName,
      parentKey,
    );
    const aliasText = (v: string[] | null | undefined) =>
      v === null || v === undefined ? null : v.join("、") || null;
    b.set("aliases", [...r.unit.aliases], r.entry.aliases, aliasText);
    pending.push({ r, b, parent: parent ?? { unitId: r.unit.parentId ?? county.id } });
  }
  const depth = (key: string): number | null => {
    const path = new Set<string>();
    let k: string | null | undefined = key;
    while (k !== null && k !== undefined) {
      if (path.has(k)) {
        return null;
      }
      path.add(k);
      k = parentOf.get(k);
    }
    return path.size;
  };
  const additions: { d: number; a: RegistryAddition }[] = [];
  for (const { r, b, parent } of pending) {
    const d = depth(r.unit === undefined ? `n:${r.code}` : `u:${r.unit.id}`);
    if (d === null) {
      problems.push(
        problemAt(r.entry.sheet, r.entry.row, "上级单位", "上级单位形成循环（某单位成了自己的下级）"),
      );
      continue;
    }
    if (b === null || r.unit === undefined) {
      const { sheet, row, name } = r.entry;
      additions.push({
        d,
        a: {
          sheet,
          row,
          kind: "department",
          code: r.code,
          name,
          parent,
          parentName: refName(parent) ?? "",
          aliases: r.entry.aliases ?? [],
          school: null,
        },
      });
    } else {
      recordChange(diff, b, {
        sheet: r.entry.sheet,
        row: r.entry.row,
        unitId: r.unit.id,
        kind: "department",
        code: r.code,
        name: r.unit.name,
      });
    }
  }
  diff.added.push(...additions.sort((x, y) => x.d - y.d).map((x) => x.a));
  const seen = new Set(resolved.flatMap((r) => (r.unit === undefined ? [] : [r.unit.id])));
  for (const u of departments) {
    if (!seen.has(u.id)) {
      diff.missing.push({ unitId: u.id, kind: "department", code: u.code, name: u.name });
    }
  }
}
