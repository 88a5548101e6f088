/**
 * A read-only view of one evaluated school part over the column store of its 学段 (spec §1.1a/§1.1b).
 * Evaluating a province allocates no per-indicator objects; the maps below are built when read, and
 * `toJSON` gives the plain object.
 */
import { type BalanceSchool, type IndicatorMap, type Level, mapIndicators } from "./resource-indicators.ts";
import type { LevelRows, SchoolPartEvaluation } from "./resource-rows.ts";

/** One row of a {@link LevelRows} store, readable as a {@link SchoolPartEvaluation}. */
export class SchoolPartView implements SchoolPartEvaluation {
  readonly level: Level;
  /** Row in its 学段's columns. */
  readonly row: number;
  private readonly rows: LevelRows;
  private readonly school: BalanceSchool;

  /** Wraps row `row` of `rows` (the part of `school` in 学段 `level`). */
  constructor(school: BalanceSchool, level: Level, rows: LevelRows, row: number) {
    this.school = school;
    this.level = level;
    this.rows = rows;
    this.row = row;
  }

  /** 学校标识码. */
  get code(): string {
    return this.school.code;
  }
  /** 学校名称. */
  get name(): string {
    return this.school.name;
  }
  /** 办学类型. */
  get schoolType(): BalanceSchool["schoolType"] {
    return this.school.schoolType;
  }
  /** Pᵢ. */
  get students(): number {
    return this.rows.columns.students[this.row] ?? 0;
  }
  /** Share of the school's facility totals. */
  get facilityShare(): number {
    return this.rows.columns.share[this.row] ?? 0;
  }
  /** Rᵢₖ. */
  get quantities(): IndicatorMap<number> {
    return mapIndicators((k) => this.rows.columns.quantities[k][this.row] ?? 0);
  }
  /** 教学点 merged into this part. */
  get mergedFrom(): string[] {
    return [...(this.rows.columns.mergedFrom.get(this.row) ?? [])];
  }
  /** Pᵢ/P. */
  get weight(): number {
    return this.rows.weights[this.row] ?? 0;
  }
  /** Xᵢₖ. */
  get values(): IndicatorMap<number> {
    return mapIndicators((k) => this.rows.values[k][this.row] ?? Number.NaN);
  }
  /** Xᵢₖ ≥ tₖ. */
  get met(): IndicatorMap<boolean> {
    return mapIndicators((k) => this.rows.met[k][this.row] === 1);
  }
  /** Xᵢₖ ≥ 85% of tₖ. */
  get reachesPartial(): IndicatorMap<boolean> {
    return mapIndicators((k) => this.rows.reachesPartial[k][this.row] === 1);
  }
  /** (Pᵢ/P)(Xᵢₖ − X̄ₖ)². */
  get contributions(): IndicatorMap<number> {
    return mapIndicators((k) => this.rows.contributions[k][this.row] ?? 0);
  }
  /** Indicators met. */
  get metCount(): number {
    return this.rows.metCount[this.row] ?? 0;
  }
  /** 6-of-7/85% rule. */
  get isPass(): boolean {
    return this.rows.isPass[this.row] === 1;
  }

  /** The plain object (for JSON, logs and structured cloning). */
  toJSON(): SchoolPartEvaluation {
    return {
      code: this.code,
      name: this.name,
      schoolType: this.schoolType,
      level: this.level,
      students: this.students,
      facilityShare: this.facilityShare,
      quantities: this.quantities,
      mergedFrom: this.mergedFrom,
      weight: this.weight,
      values: this.values,
      met: this.met,
      reachesPartial: this.reachesPartial,
      contributions: this.contributions,
      metCount: this.metCount,
      isPass: this.isPass,
    };
  }
}
