/**
 * 学生资助 rules as data and small pure functions (docs/student-aid.md): the 认定 categories that give
 * priority, the states of an application and which step leads where, the 公示 period counted in working
 * days, and the lookup of a programme's standard. No I/O: dates are passed in.
 */
import { addWorkingDays, type WorkingCalendar } from "@luoshi/common";

/** 认定 categories that give priority (教财〔2018〕16号), each with the list that can confirm it. */
export const AID_CATEGORIES = [
  "poverty",
  "monitored",
  "subsistence",
  "extremePoor",
  "orphan",
  "unsupported",
  "disabled",
  "martyr",
  "disaster",
] as const;
/** 认定类别. */
export type AidCategory = (typeof AID_CATEGORIES)[number];

/** 认定类别 as the lists and the pages name them. */
export const AID_CATEGORY_LABELS: Readonly<Record<AidCategory, string>> = {
  poverty: "脱贫家庭（建档立卡）",
  monitored: "防返贫监测对象",
  subsistence: "城乡低保",
  extremePoor: "特困供养",
  orphan: "孤儿",
  unsupported: "事实无人抚养儿童",
  disabled: "残疾",
  martyr: "烈士子女",
  disaster: "遭受灾害、突发事件或重大疾病",
};

/**
 * The categories whose pupils must all be aided or carry a recorded reason (应助未助): those an imported
 * list can confirm (低保, 特困, 脱贫, 防返贫监测, 孤儿, 事实无人抚养, 残疾).
 */
export const MUST_AID_CATEGORIES: readonly AidCategory[] = [
  "poverty",
  "monitored",
  "subsistence",
  "extremePoor",
  "orphan",
  "unsupported",
  "disabled",
];

/** The names a list's 类别 column may use for each category (after spaces are removed). */
const CATEGORY_WORDS: readonly (readonly [AidCategory, readonly string[]])[] = [
  ["poverty", ["脱贫家庭", "建档立卡", "脱贫户", "建档立卡贫困户", "脱贫不稳定户", "脱贫家庭（建档立卡）"]],
  ["monitored", ["防返贫监测对象", "监测对象", "边缘易致贫户", "突发严重困难户"]],
  ["subsistence", ["低保", "城乡低保", "城市低保", "农村低保", "最低生活保障"]],
  ["extremePoor", ["特困", "特困供养", "特困人员", "农村特困", "城市特困"]],
  ["orphan", ["孤儿"]],
  ["unsupported", ["事实无人抚养儿童", "事实无人抚养"]],
  ["disabled", ["残疾", "残疾儿童", "残疾学生", "持证残疾"]],
  ["martyr", ["烈士子女"]],
  ["disaster", ["灾害", "突发事件", "重大疾病"]],
];

/** The category a list's 类别 text names, or null. */
export function categoryOf(text: string): AidCategory | null {
  const t = text.replace(/[\s\u3000]/g, "");
  for (const [code, words] of CATEGORY_WORDS) {
    if (code === t || words.includes(t)) {
      return code;
    }
  }
  return null;
}

/** 资助项目的类型: two programmes of one kind for one pupil in one year is a duplicate. */
export const PROGRAMME_KINDS = ["living", "grant", "tuition", "nutrition", "preschool", "local"] as const;
export type ProgrammeKind = (typeof PROGRAMME_KINDS)[number];

/** 学段. */
export const AID_STAGES = ["preschool", "primary", "junior", "senior", "vocational"] as const;
export type AidStage = (typeof AID_STAGES)[number];

/** One 档次 of a programme: its amount per term in whole 元. */
export interface AidTier {
  code: string;
  label: string;
  amountPerTerm: number;
}

/** The states of an application, in the order the steps reach them. */
export const APPLICATION_STATES = [
  "applied",
  "recommended",
  "notRecommended",
  "publicised",
  "approved",
  "rejected",
] as const;
export type ApplicationState = (typeof APPLICATION_STATES)[number];

/** 公示 at the school lasts at least this many working days (教财〔2018〕16号 practice, docs/student-aid.md). */
export const MIN_PUBLICITY_WORKING_DAYS = 5;

/**
 * The last day of a 公示 that starts on `startsOn` and lasts `days` working days: the start day counts
 * as the first when it is a working day (a 公示 posted on Monday for 5 working days ends on Friday).
 */
export function publicityEndsOn(startsOn: string, days: number, calendar?: WorkingCalendar): string {
  // addWorkingDays does not count its start day: begin the count on the day before
  const before = new Date(`${startsOn}T00:00:00Z`);
  before.setUTCDate(before.getUTCDate() - 1);
  return addWorkingDays(before.toISOString().slice(0, 10), days, calendar);
}

/** True when the 公示 is over on `today` (the day after its last day or later): review may start. */
export function publicityOver(endsOn: string, today: string): boolean {
  return today > endsOn;
}

/** The 学段 of a registry level (the registry names levels as the stages do), or null for another. */
export function stageOfLevel(level: string): AidStage | null {
  return (AID_STAGES as readonly string[]).includes(level) ? (level as AidStage) : null;
}

/** A bank card number as shown anywhere but the bank file: the last 4 digits only. */
export function maskBankCard(card: string): string {
  const digits = card.replace(/\s+/g, "");
  if (digits.length <= 4) {
    return "*".repeat(digits.length);
  }
  return `${"*".repeat(digits.length - 4)}${digits.slice(-4)}`;
}

/** True when `card` looks like a bank card number (12–19 digits; spaces allowed between groups). */
export function isBankCard(card: string): boolean {
  return /^\d{12,19}$/.test(card.replace(/\s+/g, ""));
}
