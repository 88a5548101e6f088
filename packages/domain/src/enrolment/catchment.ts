/**
 * 学区 (catchments): a school's 片区 as a list of address units, read from the county's list file and
 * compared between years. Pure: the caller reads the file and resolves school names to units.
 *
 * 教基厅〔2022〕1号 asks counties to keep 片区 stable and publish them; a list that puts one address unit
 * in two schools' catchments (outside one 多校划片 group) is the kind of error parents find first, so the
 * reader refuses it with both rows named.
 */
import type { Issue } from "../issues.ts";
import type { Cell } from "../stats/template-parse.ts";

/** 小学 (entry to grade 1) or 初中 (entry to grade 7). */
export type CatchmentStage = "primary" | "junior";
/** 社区, 小区 or 村. */
export type AddressUnitKind = "community" | "estate" | "village";

/** One address unit of a catchment: a whole 社区/小区/村, or a street's 门牌 range within it. */
export interface AddressUnit {
  township: string;
  name: string;
  kind: AddressUnitKind;
  street: string | null;
  from: number | null;
  to: number | null;
}

/** One school's catchment of a year. */
export interface CatchmentRecord {
  schoolId: string;
  stage: CatchmentStage;
  multiGroup: string | null;
  feederId: string | null;
  seats: number | null;
  units: AddressUnit[];
}

/** A school the file may name: found by 学校标识码 or name (aliases included) by the caller. */
export interface CatchmentSchool {
  id: string;
  name: string;
}

/** A sheet as the statistics file reader gives it. */
export interface CatchmentSheet {
  name: string;
  headers: readonly Cell[];
  rows: readonly { row: number; cells: readonly Cell[] }[];
}

export const CATCHMENT_COLUMNS = {
  school: ["学校", "学校名称", "学校标识码"],
  stage: ["学段"],
  township: ["乡镇", "乡镇（街道）", "乡镇(街道)", "街道"],
  name: ["社区/小区/村", "地址单元", "社区（小区、村）", "社区(小区、村)", "片区地址"],
  kind: ["类型", "地址类型"],
  street: ["路（街）", "路(街)", "道路", "街路巷"],
  from: ["门牌起", "起始门牌"],
  to: ["门牌止", "截止门牌"],
  group: ["多校划片组", "多校划片"],
  feeder: ["对口初中", "对口学校"],
  seats: ["招生计划", "计划招生数"],
} as const;
type Key = keyof typeof CATCHMENT_COLUMNS;
const REQUIRED: readonly Key[] = ["school", "stage", "township", "name"];

const STAGES: Record<string, CatchmentStage> = { 小学: "primary", 初中: "junior" };
const KINDS: Record<string, AddressUnitKind> = { 社区: "community", 小区: "estate", 村: "village" };
/** Chinese labels of the address kinds and stages, for lists and the 公示. */
export const ADDRESS_KIND_LABELS: Record<AddressUnitKind, string> = {
  community: "社区",
  estate: "小区",
  village: "村",
};
export const STAGE_LABELS: Record<CatchmentStage, string> = { primary: "小学", junior: "初中" };

const text = (c: Cell): string => (c === null || c === undefined ? "" : String(c).trim());
const norm = (h: string): string => h.replace(/[\s\u3000*＊]/g, "");

/** The kind a unit's name implies when the file gives none: …村 a village, …社区 a community, else 小区. */
function kindOf(name: string): AddressUnitKind {
  return name.endsWith("村") ? "village" : name.endsWith("社区") ? "community" : "estate";
}

/** The key two equal address units share (the same 门牌 range of the same street of one unit). */
export function addressKey(u: AddressUnit): string {
  return [u.township, u.name, u.street ?? "", u.from ?? "", u.to ?? ""].join("\u0000");
}

/** The unit as one line of text: 城关镇 东关社区 解放路 1–99 号. */
export function addressText(u: AddressUnit): string {
  const range =
    u.street === null ? "" : ` ${u.street}${u.from === null ? "" : ` ${String(u.from)}–${String(u.to)} 号`}`;
  return `${u.township} ${u.name}${range}`;
}

/** Whether two units cover a common address: the same unit, and a whole unit or overlapping ranges. */
export function addressUnitsOverlap(a: AddressUnit, b: AddressUnit): boolean {
  if (a.township !== b.township || a.name !== b.name) {
    return false;
  }
  if (a.street === null || b.street === null) {
    return true;
  }
  if (a.street !== b.street) {
    return false;
  }
  if (a.from === null || b.from === null || a.to === null || b.to === null) {
    return true;
  }
  // the same parity of 门牌 is not assumed: ranges overlap when they share a number
  return a.from <= b.to && b.from <= a.to;
}

/** The result: one record per school and stage when there is no error, and the problems. */
export interface CatchmentParse {
  records: CatchmentRecord[];
  problems: Issue[];
}

/** One row read: its school, stage, group, 对口 school, seats and address unit. */
interface CatchmentRowRead {
  school: CatchmentSchool;
  stage: CatchmentStage;
  group: string;
  feeder: CatchmentSchool | null;
  seats: number | null;
  unit: AddressUnit;
}

/** Reads and checks one row's cells; null (with the row's problems reported) when any is wrong. */
function readCatchmentRow(
  cell: (k: Key) => string,
  report: (k: Key, message: string) => void,
  findSchool: (nameOrCode: string) => CatchmentSchool | null,
): CatchmentRowRead | null {
  const state = { bad: false };
  const problem = (k: Key, message: string): void => {
    state.bad = true;
    report(k, message);
  };
  const school = findSchool(cell("school"));
  if (school === null) {
    problem("school", cell("school") === "" ? "请填写学校" : "本县（区）没有这所学校");
  }
  const stage = STAGES[cell("stage")];
  if (stage === undefined) {
    problem("stage", "学段应为“小学”或“初中”");
  }
  const township = cell("township");
  const name = cell("name");
  if (township === "" || township.length > 40) {
    problem("township", "乡镇（街道）为空或过长");
  }
  if (name === "" || name.length > 60) {
    problem("name", "社区/小区/村为空或过长");
  }
  const kindText = cell("kind");
  const kind = kindText === "" ? kindOf(name) : KINDS[kindText];
  if (kind === undefined) {
    problem("kind", "类型应为“社区”“小区”或“村”");
  }
  const street = cell("street");
  const fromText = cell("from");
  const toText = cell("to");
  const from = fromText === "" ? null : Number(fromText);
  const to = toText === "" ? null : Number(toText);
  if (from !== null && (!Number.isInteger(from) || from < 1)) {
    problem("from", "门牌号应为正整数");
  } else if (to !== null && (!Number.isInteger(to) || to < 1)) {
    problem("to", "门牌号应为正整数");
  } else if ((from === null) !== (to === null)) {
    problem(from === null ? "from" : "to", "门牌起、止应同时填写");
  } else if (from !== null && to !== null && from > to) {
    problem("to", "门牌止不能小于门牌起");
  } else if (from !== null && street === "") {
    problem("street", "填写门牌范围时须写明路（街）");
  }
  const group = cell("group");
  if (group.length > 60) {
    problem("group", "多校划片组名称最多 60 个字");
  }
  const feederText = cell("feeder");
  const feeder = feederText === "" ? null : findSchool(feederText);
  if (feederText !== "" && feeder === null) {
    problem("feeder", "本县（区）没有这所对口学校");
  } else if (feeder !== null && stage === "junior") {
    problem("feeder", "对口初中只填在小学的行");
  }
  const seatsText = cell("seats");
  const seats = seatsText === "" ? null : Number(seatsText);
  if (seats !== null && (!Number.isInteger(seats) || seats < 0 || seats > 5000)) {
    problem("seats", "招生计划应为 0–5000 的整数");
  }
  if (state.bad || school === null || stage === undefined || kind === undefined) {
    return null;
  }
  return {
    school,
    stage,
    group,
    feeder,
    seats,
    unit: { township, name, kind, street: street === "" ? null : street, from, to },
  };
}

/**
 * Reads a county's catchment list: one row per address unit. `findSchool` resolves the 学校 and 对口初中
 * cells (code or name) to units of the county, or null. Every problem names file, sheet, row and column.
 */
export function parseCatchmentSheets(
  sheets: readonly CatchmentSheet[],
  ctx: { fileName: string; findSchool: (nameOrCode: string) => CatchmentSchool | null; maxProblems?: number },
): CatchmentParse {
  const limit = ctx.maxProblems ?? 200;
  const problems: Issue[] = [];
  const sheet = sheets[0];
  const fileProblem = (message: string): Issue => ({
    code: "catchment-file",
    severity: "error",
    message: `文件“${ctx.fileName}”：${message}`,
    where: { file: ctx.fileName },
  });
  if (sheet === undefined) {
    return { records: [], problems: [fileProblem("文件中没有工作表")] };
  }
  const cols = new Map<Key, number>();
  sheet.headers.forEach((h, i) => {
    for (const [key, names] of Object.entries(CATCHMENT_COLUMNS) as [Key, readonly string[]][]) {
      if (!cols.has(key) && names.includes(norm(text(h)))) {
        cols.set(key, i);
      }
    }
  });
  const missing = REQUIRED.filter((k) => !cols.has(k));
  if (missing.length > 0) {
    const names = missing.map((k) => CATCHMENT_COLUMNS[k][0]).join("、");
    return { records: [], problems: [fileProblem(`缺少必需的列：${names}`)] };
  }
  let count = 0;
  const byKey = new Map<string, CatchmentRecord & { seatsRow: number }>();
  const placed: { unit: AddressUnit; row: number; record: CatchmentRecord; school: string }[] = [];
  for (const { row, cells } of sheet.rows) {
    if (cells.every((c) => text(c) === "")) {
      continue;
    }
    const cell = (k: Key): string => (cols.has(k) ? text(cells[cols.get(k) ?? -1]) : "");
    const problem = (k: Key, message: string): void => {
      count++;
      if (problems.length >= limit) {
        return;
      }
      const column = text(sheet.headers[cols.get(k) ?? -1]) || CATCHMENT_COLUMNS[k][0];
      const value = cell(k);
      problems.push({
        code: "catchment-row",
        severity: "error",
        message: `文件“${ctx.fileName}”工作表“${sheet.name}”第 ${String(row)} 行“${column}”列${value === "" ? "" : `（${value}）`}：${message}`,
        where: { file: ctx.fileName, sheet: sheet.name, row, column, value },
      });
    };
    const read = readCatchmentRow(cell, problem, ctx.findSchool);
    if (read === null) {
      continue;
    }
    const { school, stage, group, feeder, seats, unit } = read;
    const key = `${school.id}\u0000${stage}`;
    let record = byKey.get(key);
    if (record === undefined) {
      record = {
        schoolId: school.id,
        stage,
        multiGroup: group === "" ? null : group,
        feederId: feeder?.id ?? null,
        seats,
        units: [],
        seatsRow: row,
      };
      byKey.set(key, record);
    } else {
      if (group !== "" && record.multiGroup !== null && group !== record.multiGroup) {
        problem("group", `同一学校的多校划片组应一致（前面的行写的是“${record.multiGroup}”）`);
      }
      if (seats !== null && record.seats !== null && seats !== record.seats) {
        problem(
          "seats",
          `同一学校的招生计划应一致（第 ${String(record.seatsRow)} 行写的是 ${String(record.seats)}）`,
        );
      }
      if (feeder !== null && record.feederId !== null && feeder.id !== record.feederId) {
        problem("feeder", "同一学校的对口初中应一致");
      }
      record.multiGroup ??= group === "" ? null : group;
      record.feederId ??= feeder?.id ?? null;
      if (record.seats === null && seats !== null) {
        record.seats = seats;
        record.seatsRow = row;
      }
    }
    const sameGroup = (other: CatchmentRecord): boolean =>
      other !== record && record.multiGroup !== null && other.multiGroup === record.multiGroup;
    const clash = placed.find(
      (p) => p.record.stage === stage && addressUnitsOverlap(p.unit, unit) && !sameGroup(p.record),
    );
    if (clash !== undefined) {
      problem(
        "name",
        clash.record === record
          ? `与第 ${String(clash.row)} 行重复`
          : `与第 ${String(clash.row)} 行（${clash.school}）的片区重叠：同一地址只能划入一所学校或同一多校划片组`,
      );
      continue;
    }
    placed.push({ unit, row, record, school: school.name });
    record.units.push(unit);
  }
  if (count > problems.length) {
    problems.push(fileProblem(`共 ${String(count)} 处问题，只列出前 ${String(problems.length)} 处`));
  }
  if (problems.length === 0 && byKey.size === 0) {
    problems.push(fileProblem("没有任何片区行"));
  }
  const records = [...byKey.values()].map((r): CatchmentRecord => ({
    schoolId: r.schoolId,
    stage: r.stage,
    multiGroup: r.multiGroup,
    feederId: r.feederId,
    seats: r.seats,
    units: r.units,
  }));
  return { records: problems.length > 0 ? [] : records, problems };
}

/** How one school's catchment changed from one year to the next. */
export interface CatchmentChange {
  schoolId: string;
  stage: CatchmentStage;
  status: "new" | "dropped" | "changed" | "same";
  added: AddressUnit[];
  removed: AddressUnit[];
  kept: AddressUnit[];
  before: Omit<CatchmentRecord, "units"> | null;
  after: Omit<CatchmentRecord, "units"> | null;
}

/** Year-to-year comparison of two lists, school by school (schools of either year). */
export function compareCatchments(
  before: readonly CatchmentRecord[],
  after: readonly CatchmentRecord[],
): CatchmentChange[] {
  const key = (r: CatchmentRecord) => `${r.schoolId}\u0000${r.stage}`;
  const strip = (r: CatchmentRecord): Omit<CatchmentRecord, "units"> => ({
    schoolId: r.schoolId,
    stage: r.stage,
    multiGroup: r.multiGroup,
    feederId: r.feederId,
    seats: r.seats,
  });
  const old = new Map(before.map((r) => [key(r), r]));
  const out: CatchmentChange[] = [];
  const seen = new Set<string>();
  for (const r of after) {
    seen.add(key(r));
    const prev = old.get(key(r));
    const prevKeys = new Set((prev?.units ?? []).map(addressKey));
    const nextKeys = new Set(r.units.map(addressKey));
    const added = r.units.filter((u) => !prevKeys.has(addressKey(u)));
    const removed = (prev?.units ?? []).filter((u) => !nextKeys.has(addressKey(u)));
    const kept = r.units.filter((u) => prevKeys.has(addressKey(u)));
    const sameMeta =
      prev !== undefined &&
      prev.multiGroup === r.multiGroup &&
      prev.feederId === r.feederId &&
      prev.seats === r.seats;
    out.push({
      schoolId: r.schoolId,
      stage: r.stage,
      status:
        prev === undefined ? "new" : added.length + removed.length === 0 && sameMeta ? "same" : "changed",
      added,
      removed,
      kept,
      before: prev === undefined ? null : strip(prev),
      after: strip(r),
    });
  }
  for (const r of before) {
    if (!seen.has(key(r))) {
      out.push({
        schoolId: r.schoolId,
        stage: r.stage,
        status: "dropped",
        added: [],
        removed: r.units,
        kept: [],
        before: strip(r),
        after: null,
      });
    }
  }
  return out;
}

/**
 * The first unit of `record` that another school's catchment of the same stage already covers (outside
 * `record`'s 多校划片 group), for edits of one school: the file reader's rule applied to one record.
 */
export function findCatchmentClash(
  record: CatchmentRecord,
  others: readonly CatchmentRecord[],
): { schoolId: string; unit: AddressUnit } | null {
  for (const o of others) {
    if (o.stage !== record.stage || (record.multiGroup !== null && o.multiGroup === record.multiGroup)) {
      continue;
    }
    const unit = record.units.find((u) => o.units.some((v) => addressUnitsOverlap(u, v)));
    if (unit !== undefined) {
      return { schoolId: o.schoolId, unit };
    }
  }
  return null;
}
