/**
 * The balance CSV's reader (spec §1.1a data): the repo's one CSV reader from @luoshi/common, with an
 * unclosed quote reported as a domain issue. Pure; reports problems instead of throwing.
 */
import { readCsv, type CsvRecord } from "@luoshi/common";
import type { Issue } from "../issues.ts";

export type { CsvRecord };

/**
 * Splits CSV text into records. Blank lines are dropped. An unterminated quote gives
 * `csv-unterminated-quote` and the rest of the text is taken as that field.
 */
export function readCsvRecords(text: string): { records: CsvRecord[]; issues: Issue[] } {
  const { records, unterminatedQuoteLine: line } = readCsv(text);
  const issues: Issue[] =
    line === null
      ? []
      : [
          {
            code: "csv-unterminated-quote",
            severity: "error",
            message: `第 ${line} 行的引号没有闭合`,
            where: { row: line },
          },
        ];
  return { records, issues };
}
