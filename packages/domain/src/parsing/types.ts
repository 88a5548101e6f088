/**
 * The parser's model of a policy document (政策文件): meta, numbered structure, roles, responsible units
 * and quantitative targets, each with offsets into the ORIGINAL text for display.
 */
import type { Issue } from "../issues.ts";

/** A `[start, end)` range of the original text. */
export interface SourceSpan {
  start: number;
  end: number;
}

/** What a part of a plan is for (see the gold README). */
export const NODE_ROLES = [
  "background",
  "principle",
  "goal",
  "task",
  "safeguard",
  "schedule",
  "other",
] as const;
/** 发展基础 / 指导思想 / 发展目标 / 主要任务 / 保障措施 / 分年度推进计划 / 其他. */
export type NodeRole = (typeof NODE_ROLES)[number];

/**
 * Numbering styles of GB/T 9704 and what real documents add. The level of a style is not fixed: it is
 * the order in which styles nest in the document at hand.
 */
export type MarkerStyle =
  | "chapter" // 第一章 / 第一部分
  | "cn-comma" // 一、
  | "cn-paren" // (一)
  | "arabic-dot" // 1. 1、 1． and the defective "7实施"
  | "arabic-paren" // (1)
  | "circled" // ①
  | "cn-shi" // 一是
  | "dash"; // ——学前教育

/** A numbered heading or item (条目). */
export interface ParsedNode {
  /** Ordinals from the top joined by dots: "4.1.3"; see the README's rule for odd numbering. */
  path: string;
  /** Path of the enclosing node, "" at the top. */
  parentPath: string;
  /** Depth, 1 for top-level sections. */
  level: number;
  /** The marker as written (simplified, half width): "一、", "(一)", "1.", "7", "一是", "——". */
  marker: string;
  markerStyle: MarkerStyle;
  /** The number the document wrote, null for dashes. */
  writtenNumber: number | null;
  /** The ordinal used in `path` (differs from `writtenNumber` when a number repeats). */
  ordinal: number;
  /** Heading, or for a run-in item the words up to its first 。 (simplified, no pinyin or noise). */
  title: string;
  role: NodeRole;
  /** 责任单位 in the order written, each a full name. */
  units: string[];
  /** 牵头单位, or null when the text names none. */
  lead: string | null;
  /** 完成时限 as written, where the document gives one per item (a 任务分解表's column). */
  deadline?: string | null;
  /** The whole node in the original text: heading and its own body, up to the next node. */
  span: SourceSpan;
  /** The title in the original text. */
  titleSpan: SourceSpan;
}

/** How a target compares: 达到…以上 → ">=", 不超过 → "<=", 下降 → "decrease" … */
export type Comparator = ">=" | "<=" | "=" | ">" | "<" | "increase" | "decrease";

/** A quantitative (or qualitative) target, or a reported current figure (baseline, 现状值). */
export interface ParsedTarget {
  /** Path of the node whose own text holds it; "" before the first heading. */
  path: string;
  /** The phrase it was read from (clean form). */
  text: string;
  /** What is measured, as the document words it: "学前三年毛入园率". */
  metric: string;
  /** Indicator code from the metric synonym table, null when unknown. */
  indicatorCode: string | null;
  comparator: Comparator;
  /** In the written unit after 万/亿 scaling (1.5万个 → 15000); null for a qualitative target. */
  value: number | null;
  /** Upper end of a written range (2-3所 → value 2, valueMax 3), else null. */
  valueMax: number | null;
  /** Unit as written without 万/亿: "%", "所", "个百分点", "元", ":1" (6:1), "1:" (1:4.5), "" if none. */
  unit: string;
  /** Year due (target) or measured (baseline), null when neither the text nor the plan gives one. */
  year: number | null;
  kind: "target" | "baseline";
  span: SourceSpan;
}

/** 文件信息. */
export interface DocumentMeta {
  title: string | null;
  /** 文号: 区教发〔2021〕515号. */
  docNumber: string | null;
  /** 发文机关. */
  issuer: string | null;
  /** 成文日期 (or 发布日期 when no signature date), ISO. */
  date: string | null;
  /** 规划期 [start, end], null when the document states none. */
  period: [number, number] | null;
}

/** Everything the parser found. */
export interface ParsedDocument {
  meta: DocumentMeta;
  nodes: ParsedNode[];
  targets: ParsedTarget[];
  issues: Issue[];
}
