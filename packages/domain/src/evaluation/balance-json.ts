/**
 * The JSON contract the CLI prints for a 资源配置 evaluation (spec §1.1a/§1.1b). Arrays follow the
 * indicator order of spec §1.1a; figures are unrounded; undefined figures are null.
 */
import { indicatorArray } from "./resource-indicators.ts";
import type { LevelEvaluation, ResourceEvaluation } from "./resource-evaluation.ts";

/** One 学段 in the JSON: 7 means, SDs, CVs and CV verdicts. */
export interface BalanceLevelJson {
  mean: (number | null)[];
  sd: (number | null)[];
  cv: (number | null)[];
  cvPass: boolean[];
}

/** One school part in the JSON. */
export interface BalanceSchoolJson {
  code: string;
  part: "primary" | "junior";
  values: (number | null)[];
  met: boolean[];
  pass: boolean;
}

/** The whole JSON document. */
export interface BalanceJson {
  primary: BalanceLevelJson;
  junior: BalanceLevelJson;
  schools: BalanceSchoolJson[];
  resourcePass: boolean;
}

function finite(x: number | null): number | null {
  return x !== null && Number.isFinite(x) ? x : null;
}

function levelJson(level: LevelEvaluation): BalanceLevelJson {
  const stats = indicatorArray(level.indicators);
  return {
    mean: stats.map((s) => finite(s.mean)),
    sd: stats.map((s) => finite(s.sd)),
    cv: stats.map((s) => finite(s.cv)),
    cvPass: stats.map((s) => s.isCvPass),
  };
}

/** The plain JSON value of a resource evaluation (keys in contract order). */
export function balanceResultToJsonValue(result: ResourceEvaluation): BalanceJson {
  return {
    primary: levelJson(result.levels.primary),
    junior: levelJson(result.levels.junior),
    schools: result.schools.map((s) => ({
      code: s.code,
      part: s.level,
      values: indicatorArray(s.values).map(finite),
      met: indicatorArray(s.met),
      pass: s.isPass,
    })),
    resourcePass: result.isResourcePass,
  };
}

/**
 * Serialises a resource evaluation to the CLI's JSON contract:
 * `{"primary": {"mean", "sd", "cv", "cvPass"}, "junior": {…}, "schools": [{"code", "part", "values",
 * "met", "pass"}], "resourcePass"}` — one line, full precision.
 */
export function balanceResultToJson(result: ResourceEvaluation): string {
  return JSON.stringify(balanceResultToJsonValue(result));
}
