/**
 * Minimal RFC 4180 reader for the balance CSV (spec §1.1a data): BOM, CRLF/LF/CR line ends, quoted
 * fields with commas, doubled quotes and line breaks. Pure; reports problems instead of throwing.
 */
import type { Issue } from "../issues.ts";

/** One parsed record with the 1-based line on which it starts. */
export interface CsvRecord {
  line: number;
  fields: string[];
}

/**
 * Splits CSV text into records. Blank lines are dropped. An unterminated quote gives
 * `csv-unterminated-quote` and the rest of the text is taken as that field.
 */
export function readCsvRecords(text: string): { records: CsvRecord[]; issues: Issue[] } {
  const src = text.startsWith("\uFEFF") ? text.slice(1) : text;
  const records: CsvRecord[] = [];
  const issues: Issue[] = [];
  let fields: string[] = [];
  let field = "";
  let inQuotes = false;
  let line = 1;
  let recordLine = 1;
  let quoteLine = 1;
  const endRecord = (): void => {
    fields.push(field);
    if (!(fields.length === 1 && fields[0]?.trim() === "")) {
      records.push({ line: recordLine, fields });
    }
    fields = [];
    field = "";
  };
  for (let i = 0; i < src.length; i++) {
    const c = src.charAt(i);
    if (inQuotes) {
      if (c === '"') {
        if (src[i + 1] === '"') {
          field += '"';
          i++;
        } else {
          inQuotes = false;
        }
      } else {
        if (c === "\n" || (c === "\r" && src[i + 1] !== "\n")) {
          line++;
        }
        field += c;
      }
      continue;
    }
    if (c === '"' && field.trim() === "") {
      field = "";
      inQuotes = true;
      quoteLine = line;
    } else if (c === ",") {
      fields.push(field);
      field = "";
    } else if (c === "\r" || c === "\n") {
      if (c === "\r" && src[i + 1] === "\n") {
        i++;
      }
      endRecord();
      line++;
      recordLine = line;
    } else {
      field += c;
    }
  }
  if (inQuotes) {
    issues.push({
      code: "csv-unterminated-quote",
      severity: "error",
      message: `第 ${quoteLine} 行的引号没有闭合`,
      where: { row: quoteLine },
    });
  }
  if (field !== "" || fields.length > 0) {
    endRecord();
  }
  return { records, issues };
}
