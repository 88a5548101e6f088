/**
 * The rules of 责任督学挂牌督导 as parameters with their sources (docs/inspection.md): what the sign at a
 * school's gate lists, how many schools one 督学 should carry, and the visit floor.
 */

/**
 * The 8 督导事项 of a 责任督学, in the order of 《中小学校责任督学挂牌督导办法》 (国教督办〔2013〕7号):
 * the sign lists them and the 经常性督导 checklist is built on them.
 */
export const SUPERVISION_MATTERS: readonly string[] = [
  "校务管理和制度执行",
  "招生、收费、择校",
  "课程开设和课堂教学",
  "学生学习、体育锻炼和课业负担",
  "教师师德和专业发展",
  "校园及周边安全、学生交通安全",
  "食堂、食品、饮水及宿舍卫生",
  "校风、教风、学风建设",
];

/** One 责任督学 for about this many schools (同一办法: 每人负责5所左右学校). */
export const SCHOOLS_PER_INSPECTOR = 5;

/** 经常性督导: at least this many visits per school per semester (《教育督导条例》 as the spec reads it). */
export const VISITS_PER_SEMESTER = 2;

/**
 * The duties printed on a sign when the 督导室 has written none: the 督学's work under the 办法, in
 * plain words (监督、检查、评估、指导).
 */
export const DEFAULT_DUTIES: readonly string[] = [
  "对学校依法办学、规范管理、教育教学和安全工作实施经常性督导",
  "随机听课、查阅资料、列席会议、座谈走访、校园巡视，发现问题当场反馈",
  "对发现的问题发出整改通知，跟踪整改并复查",
  "受理和核实有关学校的投诉，向教育督导部门报告",
];

/** How many schools of a 督学 lie over the ratio (0 within it). */
export function schoolsOverRatio(schoolCount: number, perInspector = SCHOOLS_PER_INSPECTOR): number {
  return Math.max(0, schoolCount - perInspector);
}

/** The duties of a sign: the 督导室's text one per line, or the defaults when empty. */
export function dutiesOf(text: string): string[] {
  const lines = text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== "");
  return lines.length === 0 ? [...DEFAULT_DUTIES] : lines;
}

/**
 * The semester a day falls in, for the visit floor: 秋季学期 September to January, 春季学期 February to
 * August (holidays included, so that every day belongs to one). Dates are ISO `YYYY-MM-DD`.
 */
export function semesterOf(day: string): { start: string; end: string } {
  const year = Number(day.slice(0, 4));
  const month = Number(day.slice(5, 7));
  if (month >= 9) {
    return { start: `${String(year)}-09-01`, end: `${String(year + 1)}-01-31` };
  }
  if (month === 1) {
    return { start: `${String(year - 1)}-09-01`, end: `${String(year)}-01-31` };
  }
  return { start: `${String(year)}-02-01`, end: `${String(year)}-08-31` };
}
