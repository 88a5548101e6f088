/**
 * CSV as spreadsheets exchange it (RFC 4180): one reader and one writer for the whole repo. Written by
 * hand rather than taken from a library because it is small, runs unchanged in the browser and the
 * server, and the reader must report line numbers and an unclosed quote instead of throwing.
 */

/** One parsed record with the 1-based line on which it starts. */
export interface CsvRecord {
  line: number;
  fields: string[];
}

/** What {@link readCsv} found: the records, and the line of a quote left open (null when none). */
export interface CsvText {
  records: CsvRecord[];
  unterminatedQuoteLine: number | null;
}

/** Scanner state of {@link readCsv}. */
interface Scan {
  records: CsvRecord[];
  fields: string[];
  field: string;
  line: number;
  recordLine: number;
}

function endRecord(s: Scan): void {
  s.fields.push(s.field);
  if (!(s.fields.length === 1 && s.fields[0]?.trim() === "")) {
    s.records.push({ line: s.recordLine, fields: s.fields });
  }
  s.fields = [];
  s.field = "";
}

/**
 * Splits CSV text into records: a leading BOM is dropped; CRLF, LF and CR end lines; quoted fields hold
 * commas, doubled quotes and line breaks; blank lines are dropped. A quote opens a quoted field only at
 * the start of a field (after blanks), so `5"` stays a plain value. An unclosed quote takes the rest of
 * the text as its field and is reported by line.
 */
export function readCsv(text: string): CsvText {
  const src = text.startsWith("\uFEFF") ? text.slice(1) : text;
  const s: Scan = { records: [], fields: [], field: "", line: 1, recordLine: 1 };
  let inQuotes = false;
  let quoteLine = 1;
  for (let i = 0; i < src.length; i++) {
    const c = src.charAt(i);
    if (inQuotes) {
      if (c === '"' && src[i + 1] === '"') {
        s.field += '"';
        i++;
      } else if (c === '"') {
        inQuotes = false;
      } else {
        if (c === "\n" || (c === "\r" && src[i + 1] !== "\n")) {
          s.line++;
        }
        s.field += c;
      }
    } else if (c === '"' && s.field.trim() === "") {
      s.field = "";
      inQuotes = true;
      quoteLine = s.line;
    } else if (c === ",") {
      s.fields.push(s.field);
      s.field = "";
    } else if (c === "\r" || c === "\n") {
      if (c === "\r" && src[i + 1] === "\n") {
        i++;
      }
      endRecord(s);
      s.line++;
      s.recordLine = s.line;
    } else {
      s.field += c;
    }
  }
  if (s.field !== "" || s.fields.length > 0) {
    endRecord(s);
  }
  return { records: s.records, unterminatedQuoteLine: inQuotes ? quoteLine : null };
}

/** A value a CSV cell may hold: text, a number, or nothing. */
export type CsvValue = string | number | null | undefined;

/**
 * One cell as written. Text a spreadsheet would run as a formula — starting with = + - @, a tab or a
 * carriage return — is prefixed with an apostrophe (CSV injection); numbers are data and stay as they
 * are. Cells with a quote, comma or line break are quoted.
 */
export function csvCell(value: CsvValue): string {
  if (value === null || value === undefined) {
    return "";
  }
  const text = typeof value === "number" ? String(value) : /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One record as a CSV line, without its line end. */
export function csvLine(values: readonly CsvValue[]): string {
  return values.map(csvCell).join(",");
}

/**
 * A whole CSV document for download: a BOM first (so that Excel opens the Chinese as UTF-8), CRLF after
 * every record.
 */
export function writeCsv(rows: readonly (readonly CsvValue[])[]): string {
  return `\uFEFF${rows.map((r) => `${csvLine(r)}\r\n`).join("")}`;
}
