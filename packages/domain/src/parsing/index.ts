/**
 * The policy-document parser: text of a Chinese education policy document (规划, 实施方案, 工作要点) →
 * meta, numbered structure with roles and 责任单位, and quantitative targets, with offsets into the
 * original text. Also the gold format, scoring against it, and unit-registry matching.
 */
export { parseDocument, type ParseOptions, type ParseResult } from "./parse.ts";
export { toGold, type GoldDocument, type GoldNode, type GoldTarget } from "./gold.ts";
export {
  scoreAgainstGold,
  sumScores,
  f1,
  accuracy,
  type Counts,
  type Tally,
  type DocumentScore,
} from "./score.ts";
export {
  matchUnits,
  similarity,
  type UnitRegistryEntry,
  type UnitMatch,
  type UnmatchedUnit,
  type UnitMatchResult,
} from "./unit-registry.ts";
export { METRIC_SYNONYMS, linkMetric, type MetricSynonym } from "./metrics.ts";
export { normalizeForMatch, foldChars } from "./chars.ts";
export { cleanText, toOriginalSpan, type CleanText } from "./clean.ts";
export { ROLE_KEYWORDS, roleFromHeading } from "./roles.ts";
export type {
  SourceSpan,
  NodeRole,
  MarkerStyle,
  ParsedNode,
  Comparator,
  ParsedTarget,
  DocumentMeta,
  ParsedDocument,
} from "./types.ts";
export { NODE_ROLES } from "./types.ts";
