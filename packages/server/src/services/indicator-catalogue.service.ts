/**
 * The indicator catalogue a computation uses: the standard indicators of the spec, compiled once per
 * process, plus (to come) the indicators users define themselves. Every service that computes
 * indicators takes its catalogue from here.
 */
import { type CompiledIndicator, STANDARD_INDICATORS, compileIndicators } from "@luoshi/domain/indicators";
import type { Kysely } from "kysely";
import type { Database } from "@luoshi/db";

const STANDARD = compileIndicators(STANDARD_INDICATORS).compiled;

/** The compiled catalogue for computations against `db`. */
// eslint-disable-next-line @typescript-eslint/no-unused-vars -- a stub until it is built
export function loadCatalogue(_db: Kysely<Database>): Promise<readonly CompiledIndicator[]> {
  return Promise.resolve(STANDARD);
}
