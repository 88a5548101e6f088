/**
 * Metric synonyms (指标同义词): documents name the same indicator many ways (学前三年毛入园率 =
 * 学前教育毛入园率 = 毛入园率). This table links a parsed metric to an indicator code. It is plain data so
 * later work can extend it (or load a bureau's own) without touching the parser.
 */
import { INDICATOR_SYNONYMS } from "../indicators/target-rules.ts";
import { normalizeForMatch } from "./chars.ts";

/** One indicator and the names documents use for it; the longest matching name wins. */
export interface MetricSynonym {
  code: string;
  /** The indicator's standard name. */
  name: string;
  synonyms: readonly string[];
}

/** Metrics met in county plans and 工作要点, with the wordings seen in real documents. */
const DOCUMENT_METRICS: readonly MetricSynonym[] = [
  {
    code: "preschool-gross-enrolment-rate",
    name: "学前三年毛入园率",
    synonyms: ["学前三年毛入园率", "学前教育毛入园率", "学前教育三年毛入园率", "学前三年入园率", "毛入园率"],
  },
  {
    code: "compulsory-retention-rate",
    name: "九年义务教育巩固率",
    synonyms: ["九年义务教育巩固率", "义务教育巩固率", "巩固率"],
  },
  {
    code: "senior-gross-enrolment-rate",
    name: "高中阶段毛入学率",
    synonyms: ["高中阶段毛入学率", "高中阶段教育毛入学率", "高中教育毛入学率", "高中毛入学率"],
  },
  {
    code: "disabled-children-enrolment-rate",
    name: "残疾儿童少年入学率",
    synonyms: [
      "残疾儿童少年入学率",
      "残疾儿童少年毛入学率",
      "三类残疾儿童入学率",
      "特殊教育入学率",
      "适龄残疾儿童入学率",
    ],
  },
  { code: "primary-enrolment-rate", name: "小学入学率", synonyms: ["小学入学率", "小学适龄儿童入学率"] },
  { code: "junior-enrolment-rate", name: "初中入学率", synonyms: ["初中入学率", "初中适龄少年入学率"] },
  {
    code: "inclusive-kindergarten-share",
    name: "普惠性幼儿园覆盖率",
    synonyms: ["普惠性幼儿园覆盖率", "普惠性幼儿园占比", "普惠园覆盖率", "普惠性幼儿园在园幼儿占比"],
  },
  {
    code: "public-kindergarten-share",
    name: "公办园在园幼儿占比",
    synonyms: ["公办园在园幼儿占比", "公办幼儿园在园幼儿占比", "公办园在园幼儿比例"],
  },
  { code: "years-of-schooling", name: "人均受教育年限", synonyms: ["人均受教育年限", "平均受教育年限"] },
  { code: "students-per-computer", name: "生机比", synonyms: ["生机比"] },
  { code: "student-teacher-ratio", name: "生师比", synonyms: ["生师比", "师生比"] },
  {
    code: "teacher-qualification-rate",
    name: "专任教师学历合格率",
    synonyms: ["专任教师学历合格率", "教师学历合格率"],
  },
  {
    code: "teacher-exchange-rate",
    name: "教师交流轮岗比例",
    synonyms: ["教师交流轮岗比例", "交流轮岗比例"],
  },
  {
    code: "special-education-per-student-funding",
    name: "特殊教育生均公用经费",
    synonyms: ["特殊教育生均公用经费", "特教学校生均公用经费"],
  },
  { code: "myopia-rate", name: "儿童青少年近视率", synonyms: ["儿童青少年近视率", "近视率"] },
  {
    code: "multimedia-classroom-rate",
    name: "多媒体教室普及率",
    synonyms: ["多媒体教室普及率", "班级多媒体设备配备率", "多媒体设备配备率"],
  },
  { code: "computer-room-rate", name: "计算机教室配备率", synonyms: ["计算机教室配备率"] },
  { code: "large-class-elimination", name: "消除大班额", synonyms: ["大班额"] },
  {
    code: "education-spending-share",
    name: "教育经费支出占财政支出比例",
    synonyms: ["教育经费支出占财政支出", "教育支出占财政支出", "教育经费占财政支出"],
  },
  {
    code: "new-school-places",
    name: "新增学位",
    synonyms: ["新增学位", "新增中小学学位", "新增园位", "新增公办园位"],
  },
];

/** Joins synonym tables: one entry per code, its synonyms the union of every table's, first name kept. */
function mergeSynonyms(...tables: readonly (readonly MetricSynonym[])[]): MetricSynonym[] {
  const byCode = new Map<string, MetricSynonym>();
  for (const entry of tables.flat()) {
    const seen = byCode.get(entry.code);
    byCode.set(
      entry.code,
      seen === undefined
        ? { ...entry, synonyms: [...entry.synonyms] }
        : { ...seen, synonyms: [...new Set([...seen.synonyms, entry.name, ...entry.synonyms])] },
    );
  }
  return [...byCode.values()];
}

/**
 * The one metric-synonym table: the wordings seen in documents joined with the indicator catalogue's
 * (`INDICATOR_SYNONYMS`), so that a parsed target links to the same code the indicator engine computes.
 */
export const METRIC_SYNONYMS: readonly MetricSynonym[] = mergeSynonyms(DOCUMENT_METRICS, INDICATOR_SYNONYMS);

interface CompiledSynonym {
  key: string;
  code: string;
}

let compiled: CompiledSynonym[] | undefined;
let compiledFrom: readonly MetricSynonym[] | undefined;

function compile(table: readonly MetricSynonym[]): CompiledSynonym[] {
  if (compiled !== undefined && compiledFrom === table) {
    return compiled;
  }
  const out = table
    .flatMap((m) => [m.name, ...m.synonyms].map((s) => ({ key: normalizeForMatch(s), code: m.code })))
    .sort((a, b) => b.key.length - a.key.length);
  compiled = out;
  compiledFrom = table;
  return out;
}

/**
 * The indicator code of a metric as worded in a document: the code of the longest synonym the metric
 * contains (学前三年毛入园率 → preschool-gross-enrolment-rate), or null.
 */
export function linkMetric(metric: string, table: readonly MetricSynonym[] = METRIC_SYNONYMS): string | null {
  const isDefault = table === METRIC_SYNONYMS;
  const cached = isDefault ? cache.get(metric) : undefined;
  if (cached !== undefined) {
    return cached;
  }
  const code = lookUp(metric, table);
  if (isDefault) {
    // Documents repeat metrics; a small bounded memo keeps long documents cheap.
    if (cache.size > 5000) {
      cache.clear();
    }
    cache.set(metric, code);
  }
  return code;
}

const cache = new Map<string, string | null>();

/**
 * Words that narrow a metric to a part of the population: 特殊教育学校师生比 is not the county's 生师比, and
 * 农村学前三年毛入园率 not the county's 毛入园率. A rate's synonym without the word does not match such a metric.
 */
const SUBGROUPS = [
  "特殊教育",
  "特教",
  "农村",
  "乡村",
  "城区",
  "城镇",
  "民办",
  "公办",
  "中职",
  "职业",
  "高校",
];

function lookUp(metric: string, table: readonly MetricSynonym[]): string | null {
  const key = normalizeForMatch(metric);
  if (key.length === 0) {
    return null;
  }
  const narrowing = SUBGROUPS.filter((w) => key.includes(w));
  for (const s of compile(table)) {
    // only a rate or ratio is narrowed by the population it is taken over (a count of 周转房 is not)
    const isRate = /(?:率|比|比例)$/.test(s.key);
    if (key.includes(s.key) && (!isRate || narrowing.every((w) => s.key.includes(w)))) {
      return s.code;
    }
  }
  return null;
}
