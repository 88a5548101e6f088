/**
 * Statistic values straight from jsonb text into the indicator engine's columns. A province holds
 * hundreds of thousands of school-year rows: keeping an object per row alive for the engine to walk
 * later costs most of the memory and much of the time. Each row's values are parsed (a year's rows in
 * one JSON.parse, which is about a third cheaper than one call per row), the wanted values copied into
 * Float64Arrays, and the objects dropped with the year. (A hand-written scanner of the text was measured
 * at four times the cost of the native JSON.parse plus this copy.)
 */

/**
 * Writes the values of one parsed row (a JSON object as PostgreSQL prints jsonb) into row `row` of the
 * columns whose keys it names; other keys are skipped. As the engine reads values: null is 0, anything
 * else is taken as a number.
 */
export function copyValuesInto(
  parsed: unknown,
  row: number,
  columns: ReadonlyMap<string, Float64Array>,
): void {
  if (parsed === null || typeof parsed !== "object") {
    return;
  }
  const values = parsed as Record<string, unknown>;
  for (const key in values) {
    const column = columns.get(key);
    if (column !== undefined) {
      const v = values[key];
      column[row] = typeof v === "number" ? v : v === null || v === undefined ? 0 : Number(v);
    }
  }
}

/** {@link copyValuesInto} for the values in `text.slice(start, end)`. */
export function readValuesInto(
  text: string,
  start: number,
  end: number,
  row: number,
  columns: ReadonlyMap<string, Float64Array>,
): void {
  copyValuesInto(JSON.parse(text.slice(start, end)), row, columns);
}
