/**
 * 督办通知单 (交办单) and 催办单 of one task, as 公文 in GB/T 9704 layout (gongwen-docx.ts): the office's
 * written 交办 of a task to its units, and its written 催办 when the light turns yellow. Both end with a
 * 签收回执 the units fill in and return.
 */
import { chineseDate, gongwenDocument, type GongwenSection } from "./gongwen-docx.ts";

/** The facts of a task the two documents print. */
export interface NoticeFacts {
  title: string;
  content: string | null;
  /** 督办依据 as a person reads it (规划 and clause, or 领导交办 / 会议议定 with the note). */
  basis: string;
  basisText: string | null;
  leadUnit: string;
  coUnits: readonly string[];
  assignedOn: string | null;
  deadline: string;
  frequencyLabel: string;
  priorityLabel: string;
  milestones: readonly { title: string; dueOn: string }[];
  /** The light's reason when yellow or red (中文), null otherwise. */
  lightReason: string | null;
  isRed: boolean;
}

/** Who issues the document and when (成文日期, ISO), and its 发文字号 if any. */
export interface NoticeIssuer {
  issuer: string;
  county: string;
  date: string;
  docNumber?: string;
}

const REPORTING: Record<string, string> = {
  按月: "每月25日前报送当月进展",
  按季: "每季度末月25日前报送当季进展",
  按周: "每周报送当周进展",
  一次性: "办结时报送一次",
};

function factsTable(f: NoticeFacts): GongwenSection {
  const rows: [string, string][] = [
    ["督办事项", f.title],
    ...(f.content === null || f.content.trim() === ""
      ? []
      : ([["具体内容", f.content]] as [string, string][])),
    ["督办依据", f.basisText === null ? f.basis : `${f.basis}：${f.basisText}`],
    ["牵头单位", f.leadUnit],
    ["协办单位", f.coUnits.length === 0 ? "无" : f.coUnits.join("、")],
    ["交办日期", f.assignedOn === null ? "（尚未交办）" : chineseDate(f.assignedOn)],
    ["办结时限", `${chineseDate(f.deadline)}前`],
    ["报送要求", `${f.frequencyLabel}：${REPORTING[f.frequencyLabel] ?? "按要求报送进展"}`],
    [
      "序时进度",
      f.milestones.length === 0
        ? "按时间均衡推进"
        : f.milestones.map((m) => `${chineseDate(m.dueOn)}前${m.title}`).join("；"),
    ],
    ["督办等级", f.priorityLabel],
  ];
  return {
    kind: "table",
    header: ["项目", "内容"],
    widths: [1.2, 5],
    align: ["center", "left"],
    rows,
  };
}

function receipt(f: NoticeFacts): GongwenSection[] {
  return [
    { kind: "heading", level: 1, text: "签收回执" },
    {
      kind: "paragraph",
      text: "（承办单位签收后，于3个工作日内交回局督办部门；系统内签收的，以系统记录为准。）",
    },
    {
      kind: "table",
      header: ["承办单位", "签收人", "签收日期", "联系电话"],
      widths: [2.4, 1.2, 1.4, 1.6],
      align: ["left", "center", "center", "center"],
      rows: [f.leadUnit, ...f.coUnits].map((u) => [u, "", "", ""]),
    },
  ];
}

/** 督办通知单: the 交办 of a task, with the 督办 paragraph when it is red. */
export async function noticeDocx(f: NoticeFacts, by: NoticeIssuer): Promise<Buffer> {
  const sections: GongwenSection[] = [
    {
      kind: "paragraph",
      text: `根据${f.basis}，现将下列督办事项交由${f.leadUnit}牵头${f.coUnits.length === 0 ? "" : `、${f.coUnits.join("、")}协同`}办理，请认真抓好落实。`,
    },
    factsTable(f),
    ...(f.isRed && f.lightReason !== null
      ? ([
          { kind: "heading", level: 1, text: "督办情况" },
          {
            kind: "paragraph",
            text: `经核查，该事项${f.lightReason}，列为红灯督办。请牵头单位于收到本通知后5个工作日内书面报送逾期原因、整改措施和完成时限。`,
          },
        ] satisfies GongwenSection[])
      : []),
    { kind: "heading", level: 1, text: "办理要求" },
    {
      kind: "paragraph",
      text: "一、牵头单位收到本通知后3个工作日内在系统中签收，明确分管领导和具体承办人，制定推进措施。",
    },
    {
      kind: "paragraph",
      text: "二、按报送要求通过系统报送工作进展，协办单位同步报送牵头单位，由牵头单位汇总报送。",
    },
    {
      kind: "paragraph",
      text: "三、任务完成后，牵头单位提交办结报告和佐证材料，提请销号；确需调整时限或内容的，应在截止日期前提出调整申请。",
    },
    ...receipt(f),
  ];
  return gongwenDocument({
    title: `${by.county}教育局重点任务督办通知单`,
    addressees: [f.leadUnit, ...f.coUnits],
    issuer: by.issuer,
    date: by.date,
    sections,
    ...(by.docNumber === undefined ? {} : { docNumber: by.docNumber }),
  });
}

/** 催办单: the written 催办 of a task behind its 序时进度 or report (黄灯), or past its deadline. */
export async function urgeDocx(f: NoticeFacts, by: NoticeIssuer): Promise<Buffer> {
  const why = f.lightReason ?? "办理进度需加快";
  const sections: GongwenSection[] = [
    {
      kind: "paragraph",
      text: `你单位牵头承办的“${f.title}”（办结时限${chineseDate(f.deadline)}），经核查${why}。请于收到本单后3个工作日内通过系统报送办理进展，说明原因并提出加快推进的措施，确保按期办结。`,
    },
    factsTable(f),
    ...receipt(f),
  ];
  return gongwenDocument({
    title: `${by.county}教育局重点任务催办单`,
    addressees: [f.leadUnit],
    issuer: by.issuer,
    date: by.date,
    sections,
  });
}
