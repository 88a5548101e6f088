/**
 * 控辍保学月报: the monthly report of a county's 控辍保学 work as a 公文 in GB/T 9704 layout
 * (gongwen-docx.ts): the figures of 动态监测, the month's 家访 and 劝返, and the tables by township and
 * school. Counts only: a report names no child.
 */
import type { DropoutMonitor } from "@luoshi/contracts";
import { gongwenDocument, type GongwenSection } from "./gongwen-docx.ts";

/** The month's steps done, by kind label and outcome label. */
export interface MonthSteps {
  label: string;
  n: number;
}

const pct = (x: number | null): string => (x === null ? "—" : `${String(x)}%`);

/** The sections of the monthly report (shared by the page and the .docx). */
export function dropoutReportSections(
  m: DropoutMonitor,
  month: string,
  steps: readonly MonthSteps[],
  rule: string,
): GongwenSection[] {
  const [y, mo] = month.split("-");
  const stepText =
    steps.length === 0
      ? "本月未登记家访、劝返等措施。"
      : `本月完成${steps.map((s) => `${s.label}${String(s.n)}次`).join("，")}。`;
  return [
    { kind: "heading", level: 1, text: "一、总体情况" },
    {
      kind: "paragraph",
      text: `截至${m.asOf}，学籍在校义务教育学生${String(m.total.inSchool)}人，辍学${String(m.total.dropouts)}人，辍学率${pct(m.total.rate)}。适龄儿童比对未匹配${String(m.unmatched)}人（适龄标准：${rule}）。`,
    },
    {
      kind: "paragraph",
      text: `一生一案：劝返中${String(m.cases.open)}件，已复学跟踪中${String(m.cases.returned)}件，已销号${String(m.cases.closed)}件，劝返率${pct(m.cases.persuasionRate)}。${stepText}`,
    },
    { kind: "heading", level: 1, text: "二、分乡镇案件情况" },
    {
      kind: "table",
      header: ["乡镇", "劝返中", "已复学", "已销号"],
      rows: m.byTownship.map((t) => [
        t.township || "未注明",
        String(t.open),
        String(t.returned),
        String(t.closed),
      ]),
      widths: [3, 1, 1, 1],
    },
    { kind: "heading", level: 1, text: "三、分学校辍学情况" },
    {
      kind: "table",
      header: ["学校", "在校生", "辍学", "辍学率"],
      rows: m.bySchool
        .filter((s) => s.dropouts > 0)
        .map((s) => [s.schoolName, String(s.inSchool), String(s.dropouts), pct(s.rate)]),
      widths: [4, 1, 1, 1],
      align: ["left", "center", "center", "center"],
    },
    { kind: "heading", level: 1, text: "四、下一步工作" },
    {
      kind: "paragraph",
      text: `对劝返中的案件，落实七长责任制，逐人家访劝返；对已复学学生持续跟踪，在校满规定时间后核查销号。本报告统计至${y ?? ""}年${String(Number(mo))}月。`,
    },
  ];
}

/** The monthly report as a .docx. */
export function dropoutReportDocx(input: {
  county: string;
  month: string;
  date: string;
  monitor: DropoutMonitor;
  steps: readonly MonthSteps[];
  rule: string;
}): Promise<Buffer> {
  const [y, mo] = input.month.split("-");
  return gongwenDocument({
    title: `${input.county}${y ?? ""}年${String(Number(mo))}月控辍保学工作情况报告`,
    issuer: `${input.county}教育局`,
    date: input.date,
    sections: dropoutReportSections(input.monitor, input.month, input.steps, input.rule),
  });
}
