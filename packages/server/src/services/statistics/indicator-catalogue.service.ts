/**
 * The indicator catalogue a computation uses: the standard indicators of the spec, compiled once per
 * process, plus the active indicators users define themselves (自定义指标). Every service that computes
 * indicators takes its catalogue from here.
 */
import {
  type CompiledIndicator,
  type IndicatorDefinition,
  STANDARD_INDICATORS,
  compileIndicators,
} from "@luoshi/domain/indicators";
import { type CustomIndicatorRow, type Db, indicatorRepo } from "@luoshi/db";

const STANDARD = compileIndicators(STANDARD_INDICATORS).compiled;

/** Codes of the standard catalogue: a custom indicator may not reuse one. */
export const STANDARD_CODES: ReadonlySet<string> = new Set(STANDARD_INDICATORS.map((d) => d.code));

/** A stored custom indicator as an indicator definition. */
export function customDefinition(row: CustomIndicatorRow): IndicatorDefinition {
  return {
    code: row.code,
    name: row.name,
    unit: row.unit,
    expression: row.formula,
    direction: row.direction,
    display: row.display,
    decimals: row.decimals,
    source: "自定义指标",
    ...(row.description === "" ? {} : { description: row.description }),
  };
}

interface Cached {
  fingerprint: string;
  catalogue: readonly CompiledIndicator[];
}

/**
 * Per database: the compiled catalogue and the fingerprint (codes and update times of the active custom
 * indicators) it was built from. Another process (the CLI) may change the table, so each call checks the
 * fingerprint with one small query and recompiles only when it changed.
 */
const cache = new WeakMap<Db, Cached>();

/** The compiled catalogue for computations against `db`: standard first, then active custom ones. */
export async function loadCatalogue(db: Db): Promise<readonly CompiledIndicator[]> {
  const fingerprint = await indicatorRepo.customFingerprint(db);
  if (fingerprint === "") {
    return STANDARD;
  }
  const hit = cache.get(db);
  if (hit?.fingerprint === fingerprint) {
    return hit.catalogue;
  }
  const rows = await indicatorRepo.listCustom(db);
  // A stored formula was compiled when it was saved; one that no longer compiles is left out.
  const custom = compileIndicators(
    rows.filter((r) => !STANDARD_CODES.has(r.code)).map(customDefinition),
  ).compiled;
  const catalogue = [...STANDARD, ...custom];
  cache.set(db, { fingerprint, catalogue });
  return catalogue;
}
