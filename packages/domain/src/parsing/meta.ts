/**
 * 文件信息: title, 文号, issuing body, date and plan period, read from the cover letter, the page header,
 * the signature block and the title itself.
 */
import type { Line } from "./lines.ts";
import { fiveYearPlanYears, parseDate } from "./numbers.ts";
import type { Segment } from "./structure.ts";
import type { DocumentMeta } from "./types.ts";

/** Where the meta came from, in clean offsets (null when not found). */
export interface MetaSpans {
  title: Segment | null;
  docNumber: Segment | null;
  issuer: Segment | null;
  date: Segment | null;
}

const DOC_NUMBER = /[\u4e00-\u9fff]{1,10}[〔[【(]\s*(?:19|20)\d{2}\s*[〕\]】)]\s*第?\d{1,5}\s*号/;
const GENRE =
  /(?:规划|方案|要点|意见|办法|计划|通知|决定|纲要|规定|细则|措施|安排|报告|通报|实施意见|行动计划|分解表|任务表|清单|一览表|台账)$/;
const ORG_SUFFIX = /(?:局|厅|委|委员会|政府|办公室|办公厅|中心|院|部|处|办)$/;
const ISSUED_TITLE = /印发\s*《?([^《》\n]{4,80}?)》?\s*的通知/;

/** The first 文号 in the text: 区教发〔2021〕515号, 宁政办〔2017〕164号. */
function findDocNumber(text: string): Segment | null {
  const m = DOC_NUMBER.exec(text.slice(0, 20000));
  return m ? [m.index, m.index + m[0].length] : null;
}

function lineText(text: string, l: Line): string {
  return text.slice(l.start, l.end);
}

/**
 * The title: the document a 印发…的通知 forwards, else the first short line(s) before the body that end
 * with a genre word (规划, 方案, 要点 …), joining a title broken over two lines.
 */
function findTitle(text: string, lines: readonly Line[], bodyStart: number): Segment | null {
  const head = text.slice(0, Math.min(bodyStart, 20000));
  const issued = ISSUED_TITLE.exec(head);
  if (issued?.[1] !== undefined) {
    const start = issued.index + issued[0].indexOf(issued[1]);
    return [start, start + issued[1].length];
  }
  const candidates = lines.filter((l) => l.end <= bodyStart && l.kind !== "blank" && l.end - l.start <= 60);
  for (let i = 0; i < candidates.length; i++) {
    const l = candidates[i];
    if (l === undefined) {
      continue;
    }
    const t = lineText(text, l);
    if (GENRE.test(t) && !t.includes(":")) {
      const prev = candidates[i - 1];
      // "平凉市崆峒区“十四五”教育事业发展" + "专项规划": a title broken over two lines.
      if (prev !== undefined && t.length <= 8 && !GENRE.test(lineText(text, prev))) {
        return [prev.start, l.end];
      }
      return [l.start, l.end];
    }
  }
  return null;
}

/** The signature: an organisation line right before a standalone date line. */
function findSignature(lines: readonly Line[]): { issuer: Segment | null; date: Segment | null } {
  for (let i = lines.length - 1; i >= 0; i--) {
    const l = lines[i];
    if (l?.kind === "signature") {
      const date = lines.slice(i + 1).find((d) => d.kind === "date");
      return { issuer: [l.start, l.end], date: date ? [date.start, date.end] : null };
    }
  }
  const date = lines.find((d) => d.kind === "date");
  return { issuer: null, date: date ? [date.start, date.end] : null };
}

/** 发布日期/发布时间 in the page header, as a fallback date. */
function findPublishedDate(text: string): Segment | null {
  const m = /(?:发布日期|发布时间|成文日期|日期)\s*[:：]?\s*(\d{4}[-./年]\d{1,2}[-./月]\d{1,2}日?)/.exec(
    text.slice(0, 5000),
  );
  if (m?.[1] === undefined) {
    return null;
  }
  const start = m.index + m[0].indexOf(m[1]);
  return [start, start + m[1].length];
}

/** 信息来源:区教育局 or 发布机构 区教育局, completed with the place the title starts with. */
function sourceIssuer(text: string, title: string | null): string | null {
  const m = /(?:信息来源|来源|发布机构)\s*[:：]?\s*([\u4e00-\u9fff]{2,20})/.exec(text);
  const name = m?.[1];
  if (name === undefined || !ORG_SUFFIX.test(name)) {
    return null;
  }
  const level = /^[省市州县区旗]/.exec(name)?.[0];
  if (level !== undefined && title !== null) {
    const place = title.indexOf(level);
    if (place > 0 && place <= 12) {
      return title.slice(0, place) + name;
    }
  }
  return name;
}

/**
 * The plan period: a five-year plan named in the title (十四五 → 2021–2025), a year range in the title
 * or its first lines, an annual title (2021年…要点, 2024年…任务分解表), the years a schedule lists, or an opening sentence
 * that starts with a year (a 工作要点's "2024年是…").
 */
function findPeriod(
  title: string | null,
  text: string,
  bodyStart: number,
  scheduleYears: readonly number[],
): [number, number] | null {
  const head = `${title ?? ""}\n${text.slice(0, Math.min(bodyStart, 3000))}`;
  const plan = /([一二三四五六七八九十]{1,3}五)/.exec(title ?? "");
  const planYears = plan?.[1] === undefined ? null : fiveYearPlanYears(plan[1]);
  if (planYears !== null) {
    return planYears;
  }
  const range = /((?:19|20)\d{2})\s*(?:年)?\s*[-~—至到]\s*((?:19|20)\d{2})\s*年/.exec(title ?? "");
  if (range) {
    return [Number(range[1]), Number(range[2])];
  }
  const annual = /((?:19|20)\d{2})\s*年/.exec(title ?? "");
  if (annual && /要点|计划|安排|方案|分解表|任务表|清单|台账/.test(title ?? "")) {
    return [Number(annual[1]), Number(annual[1])];
  }
  if (scheduleYears.length >= 2) {
    return [Math.min(...scheduleYears), Math.max(...scheduleYears)];
  }
  const opening = /^\s*((?:19|20)\d{2})\s*年(?:是|全[市区县]|全[市区县]?教育|教育工作)/m.exec(head);
  return opening ? [Number(opening[1]), Number(opening[1])] : null;
}

/** Reads the meta of a document from its clean text and classified lines. */
export function extractMeta(
  text: string,
  lines: readonly Line[],
  bodyStart: number,
  scheduleYears: readonly number[],
): { meta: DocumentMeta; spans: MetaSpans } {
  const titleSpan = findTitle(text, lines, bodyStart);
  const title = titleSpan ? text.slice(titleSpan[0], titleSpan[1]).replace(/\s+/g, "") : null;
  const docNumber = findDocNumber(text);
  const signature = findSignature(lines);
  const dateSpan = signature.date ?? findPublishedDate(text);
  const date = dateSpan ? parseDate(text.slice(dateSpan[0], dateSpan[1]).replace(/\s+/g, "")) : null;
  const issuer = signature.issuer
    ? text.slice(signature.issuer[0], signature.issuer[1])
    : sourceIssuer(text, title);
  return {
    meta: {
      title,
      docNumber: docNumber ? text.slice(docNumber[0], docNumber[1]).replace(/\s+/g, "") : null,
      issuer,
      date,
      period: findPeriod(title, text, bodyStart, scheduleYears),
    },
    spans: { title: titleSpan, docNumber, issuer: signature.issuer, date: dateSpan },
  };
}
