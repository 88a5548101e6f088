/**
 * 一生一案: a 控辍 case — the child, the cause, the 七长 named on it, a plan and its steps (家访, 劝返, 复学,
 * 送教上门, 书面督促, 依法控辍), each with a deadline and a light computed as the 督办 ledger computes a
 * task's (`lightOf`), so a case step is red, yellow, blue, green or grey by the same rules. A case is
 * 立案 (open) → 已复学 (returned, once a 复学 step is recorded) → 已销号 (closed), and 销号 needs the child
 * back in school for a set number of working days and a check by someone other than who recorded the
 * 复学 (docs/dropout-cases.md).
 */
import { WEEKDAYS_ONLY, addWorkingDays, type WorkingCalendar } from "@luoshi/common";
import { lightOf, type LightResult } from "../ledger/lights.ts";
import type { IsoDate } from "../ledger/dates.ts";

/** 立案原因. */
export const CASE_CAUSES = ["unmatched", "dropout", "absence", "transfer", "other"] as const;
export type CaseCause = (typeof CASE_CAUSES)[number];
export const CASE_CAUSE_LABELS: Readonly<Record<CaseCause, string>> = {
  unmatched: "适龄未入学（户籍与学籍比对未匹配）",
  dropout: "辍学",
  absence: "长期缺勤（疑似辍学）",
  transfer: "转出未转入",
  other: "其他",
};

/** 案件状态. */
export const CASE_STATES = ["open", "returned", "closed"] as const;
export type CaseState = (typeof CASE_STATES)[number];
export const CASE_STATE_LABELS: Readonly<Record<CaseState, string>> = {
  open: "劝返中",
  returned: "已复学（跟踪中）",
  closed: "已销号",
};

/** 措施: the steps a case may take. */
export const STEP_KINDS = [
  "homeVisit",
  "persuasion",
  "return",
  "homeTeaching",
  "writtenNotice",
  "legal",
] as const;
export type StepKind = (typeof STEP_KINDS)[number];
export const STEP_KIND_LABELS: Readonly<Record<StepKind, string>> = {
  homeVisit: "家访",
  persuasion: "劝返",
  return: "复学",
  homeTeaching: "送教上门",
  writtenNotice: "书面督促（限期返校通知书）",
  legal: "依法控辍",
};

/**
 * Default working days from a step's assignment to its deadline (luoshi's defaults, a county sets its
 * own): 家访 within 2 (the absence ladder visits on days 1 and 2), 书面督促 5, 劝返 and 复学 10, 送教上门 10
 * (to agree the 一人一案 and start), 依法控辍 20.
 */
export const STEP_DEFAULT_DAYS: Readonly<Record<StepKind, number>> = {
  homeVisit: 2,
  persuasion: 10,
  return: 10,
  homeTeaching: 10,
  writtenNotice: 5,
  legal: 20,
};

/** Outcomes a step may record: 劝返 succeeded or not; 依法控辍 by 行政处罚 or 诉讼. */
export const STEP_OUTCOMES = ["succeeded", "failed", "penalty", "lawsuit"] as const;
export type StepOutcome = (typeof STEP_OUTCOMES)[number];
export const STEP_OUTCOME_LABELS: Readonly<Record<StepOutcome, string>> = {
  succeeded: "成功",
  failed: "未成功",
  penalty: "行政处罚",
  lawsuit: "诉讼",
};
const OUTCOMES_OF: Readonly<Partial<Record<StepKind, readonly StepOutcome[]>>> = {
  persuasion: ["succeeded", "failed"],
  legal: ["penalty", "lawsuit"],
};

/** The outcomes `kind` takes (empty: none); an error text when `outcome` does not fit. */
export function checkOutcome(kind: StepKind, outcome: StepOutcome | null): string | null {
  const allowed = OUTCOMES_OF[kind] ?? [];
  if (allowed.length === 0) {
    return outcome === null ? null : `${STEP_KIND_LABELS[kind]}不记录结果`;
  }
  if (outcome === null || !allowed.includes(outcome)) {
    return `${STEP_KIND_LABELS[kind]}须记录结果：${allowed.map((o) => STEP_OUTCOME_LABELS[o]).join("或")}`;
  }
  return null;
}

/** 七长责任制: the seven responsible people named on a case (行政线 and 教育线). */
export const SEVEN_HEADS = [
  "county",
  "bureau",
  "township",
  "village",
  "school",
  "teacher",
  "parent",
] as const;
export type SevenHead = (typeof SEVEN_HEADS)[number];
export const SEVEN_HEAD_LABELS: Readonly<Record<SevenHead, string>> = {
  county: "县（区）长",
  bureau: "教育局长",
  township: "乡（镇）长",
  village: "村长",
  school: "校长",
  teacher: "师长（班主任）",
  parent: "家长",
};
export type SevenHeads = Partial<Record<SevenHead, string>>;

/** 重点群体 (the 2024 notice's priority groups). */
export const PRIORITY_GROUPS = [
  "orphan",
  "unsupported",
  "disabled",
  "leftBehind",
  "hardship",
  "migrant",
  "juvenileCase",
] as const;
export type PriorityGroup = (typeof PRIORITY_GROUPS)[number];
export const PRIORITY_GROUP_LABELS: Readonly<Record<PriorityGroup, string>> = {
  orphan: "孤儿",
  unsupported: "事实无人抚养",
  disabled: "残疾",
  leftBehind: "留守",
  hardship: "困境",
  migrant: "随迁",
  juvenileCase: "涉案未成年人",
};

/** Working days a child stays back in school after 复学 before 销号 (default: 20, about one school month). */
export const DEFAULT_CLOSE_AFTER_DAYS = 20;

/** One step as the light and the rules read it. */
export interface CaseStep {
  id: string;
  kind: StepKind;
  assignedOn: IsoDate;
  deadline: IsoDate;
  doneOn: IsoDate | null;
}

/** The deadline of a step assigned on `day` with the kind's default, in working days. */
export function defaultStepDeadline(
  kind: StepKind,
  day: IsoDate,
  calendar: WorkingCalendar = WEEKDAYS_ONLY,
): IsoDate {
  return addWorkingDays(day, STEP_DEFAULT_DAYS[kind], calendar);
}

/** A step's light on `today`: the ledger's light of a one-off task (grey when done). */
export function stepLight(step: CaseStep, today: IsoDate): LightResult {
  return lightOf(
    {
      id: step.id,
      state: step.doneOn === null ? "inProgress" : "closed",
      deadline: step.deadline,
      assignedAt: step.assignedOn,
      milestones: [],
      frequency: "once",
      leadUnit: "",
      acceptBy: null,
    },
    today,
    [],
  );
}

const RANK: Readonly<Record<LightResult["light"], number>> = {
  red: 4,
  yellow: 3,
  blue: 2,
  green: 1,
  grey: 0,
};

/**
 * A case's light: grey when closed; else the worst light of its open steps; an open case with no open
 * step is yellow (nothing is being done), a returned one green (back in school, waiting for 销号).
 */
export function caseLight(state: CaseState, steps: readonly CaseStep[], today: IsoDate): LightResult {
  if (state === "closed") {
    return { light: "grey", code: "closed", reason: "已销号" };
  }
  const open = steps.filter((s) => s.doneOn === null).map((s) => stepLight(s, today));
  const worst = open.reduce<LightResult | undefined>(
    (w, l) => (w === undefined || RANK[l.light] > RANK[w.light] ? l : w),
    undefined,
  );
  if (worst !== undefined) {
    return worst;
  }
  return state === "returned"
    ? { light: "green", code: "on-track", reason: "已复学，跟踪中" }
    : { light: "yellow", code: "progress-behind", reason: "没有进行中的措施：请安排家访或劝返" };
}

/** The first day a returned case may be 销号: `closeAfterDays` working days after the 复学. */
export function closableFrom(
  returnedOn: IsoDate,
  closeAfterDays: number,
  calendar: WorkingCalendar = WEEKDAYS_ONLY,
): IsoDate {
  return addWorkingDays(returnedOn, closeAfterDays, calendar);
}

/** Why a case cannot be 销号 on `today` by `userId` (null: it can). */
export function closeRefusal(
  c: { state: CaseState; returnedOn: IsoDate | null; returnedBy: string | null; closeAfterDays: number },
  userId: string | null,
  today: IsoDate,
  calendar: WorkingCalendar = WEEKDAYS_ONLY,
): string | null {
  if (c.state === "closed") {
    return "该案已销号";
  }
  if (c.state !== "returned" || c.returnedOn === null) {
    return "学生尚未复学，不能销号";
  }
  const from = closableFrom(c.returnedOn, c.closeAfterDays, calendar);
  if (today < from) {
    return `复学后须在校满 ${String(c.closeAfterDays)} 个工作日（${from} 起）方可销号`;
  }
  if (userId !== null && userId === c.returnedBy) {
    return "销号须由登记复学者以外的人员核查";
  }
  return null;
}

/** The state after recording a step: a done 复学 step makes an open case returned. */
export function stateAfterStep(state: CaseState, kind: StepKind, done: boolean): CaseState {
  return state === "open" && kind === "return" && done ? "returned" : state;
}
