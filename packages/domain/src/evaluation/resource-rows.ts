/**
 * The shapes of evaluated school parts, apart from the evaluation itself so that the row views
 * (school-part-view.ts) and the evaluation (resource-evaluation.ts) both depend on them and not on each
 * other.
 */
import type { IndicatorMap } from "./resource-indicators.ts";
import type { LevelColumns, SchoolPart } from "./school-parts.ts";

/** One evaluated school part: values, verdicts and its share of each variance (read-only). */
export interface SchoolPartEvaluation extends SchoolPart {
  /** Pᵢ / P of its 学段. */
  weight: number;
  /** Xᵢₖ = mₖ·Rᵢₖ/Pᵢ. */
  values: IndicatorMap<number>;
  /** Xᵢₖ ≥ tₖ. */
  met: IndicatorMap<boolean>;
  /** Xᵢₖ ≥ 85% of tₖ (the 余项 floor). */
  reachesPartial: IndicatorMap<boolean>;
  /** (Pᵢ/P)(Xᵢₖ − X̄ₖ)². */
  contributions: IndicatorMap<number>;
  metCount: number;
  /** 6-of-7/85% rule. */
  isPass: boolean;
}

/** Column store of one 学段's evaluated parts (row r = one part; see `SchoolPartView`). */
export interface LevelRows {
  columns: LevelColumns;
  weights: Float64Array;
  values: IndicatorMap<Float64Array>;
  contributions: IndicatorMap<Float64Array>;
  met: IndicatorMap<Uint8Array>;
  reachesPartial: IndicatorMap<Uint8Array>;
  metCount: Uint8Array;
  isPass: Uint8Array;
}
