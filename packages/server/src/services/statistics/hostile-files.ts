/**
 * Hand-made spreadsheets for the importers' fuzz tests and benchmark: minimal valid workbooks built part
 * by part, and the hostile or broken files the importers must refuse cleanly — zip bombs, millions of
 * rows, giant cells, deep XML, formula cells, NUL characters, truncated or bit-flipped bytes, text in
 * the wrong encoding. Test and benchmark support only; the product never builds these.
 */
import iconv from "iconv-lite";
import JSZip from "jszip";
import { handWrittenZip } from "../../testing-zip.ts";

/** A cell to write: a number, a text (shared string), or a formula with or without its cached result. */
export type FuzzCell = string | number | null | { formula: string; result?: number };

const escapeXml = (s: string): string =>
  s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/** Column index (0-based) → letters. */
function letters(index: number): string {
  let s = "";
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) {
    s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  }
  return s;
}

/** A worksheet part's XML for `rows` (row 1 first); texts go to `shared`. */
function sheetXml(rows: readonly (readonly FuzzCell[])[], shared: string[]): string {
  const body = rows
    .map((cells, r) => {
      const cs = cells
        .map((c, i) => {
          const ref = `${letters(i)}${r + 1}`;
          if (c === null) {
            return "";
          }
          if (typeof c === "number") {
            return `<c r="${ref}"><v>${c}</v></c>`;
          }
          if (typeof c === "string") {
            shared.push(c);
            return `<c r="${ref}" t="s"><v>${shared.length - 1}</v></c>`;
          }
          const v = c.result === undefined ? "" : `<v>${c.result}</v>`;
          return `<c r="${ref}"><f>${escapeXml(c.formula)}</f>${v}</c>`;
        })
        .join("");
      return `<row r="${r + 1}">${cs}</row>`;
    })
    .join("");
  return sheetPart(body);
}

/** Wraps rows' XML in a worksheet part. */
const sheetPart = (sheetData: string): string =>
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${sheetData}</sheetData></worksheet>`;

/** The shared-strings part for `strings`. */
const sharedStringsXml = (strings: readonly string[]): string =>
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="${strings.length}" uniqueCount="${strings.length}">${strings
    .map((s) => `<si><t xml:space="preserve">${escapeXml(s)}</t></si>`)
    .join("")}</sst>`;

/** The parts of a workbook with `sheets` (name → worksheet XML) and a shared-strings part. */
function workbookParts(
  sheets: readonly { name: string; xml: string }[],
  shared: readonly string[],
): Record<string, string> {
  const parts: Record<string, string> = {
    "[Content_Types].xml": `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>`,
    "_rels/.rels": `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    "xl/workbook.xml": `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>${sheets
      .map((s, i) => `<sheet name="${escapeXml(s.name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`)
      .join("")}</sheets></workbook>`,
    "xl/_rels/workbook.xml.rels": `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${sheets
      .map(
        (_s, i) =>
          `<Relationship Id="rId${i + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`,
      )
      .join(
        "",
      )}<Relationship Id="rIdS" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>`,
    "xl/sharedStrings.xml": sharedStringsXml(shared),
  };
  sheets.forEach((s, i) => {
    parts[`xl/worksheets/sheet${i + 1}.xml`] = s.xml;
  });
  return parts;
}

/**
 * The time every entry is stamped with: JSZip stamps entries with the current time otherwise, and a
 * mutation of the file (a flipped byte, a cut) then differs from one day or minute to the next, so a
 * fuzz input named by its seed could not be made again (issue 14: m549–m566).
 */
const ZIP_DATE = new Date(Date.UTC(2024, 0, 1));

/** Zips `parts` (deflated), byte for byte the same whenever it runs. */
async function zipParts(parts: Readonly<Record<string, string | Uint8Array>>): Promise<Uint8Array> {
  const zip = new JSZip();
  for (const [name, data] of Object.entries(parts)) {
    // no folder entries: JSZip would stamp those with the current time whatever `date` says
    zip.file(name, data, { date: ZIP_DATE, createFolders: false });
  }
  return zip.generateAsync({ type: "uint8array", compression: "DEFLATE", compressionOptions: { level: 9 } });
}

/** A workbook of `sheets` (name → rows, row 1 the header). */
export async function workbook(
  sheets: Readonly<Record<string, readonly (readonly FuzzCell[])[]>>,
): Promise<Uint8Array> {
  const shared: string[] = [];
  const list = Object.entries(sheets).map(([name, rows]) => ({ name, xml: sheetXml(rows, shared) }));
  return zipParts(workbookParts(list, shared));
}

/**
 * A worksheet of `rows` rows each with one number, built as deflated chunks so that a bomb of millions
 * of rows costs little memory to make. Returns the whole .xlsx.
 */
export function manyRowsWorkbook(sheetName: string, header: readonly string[], rows: number): Uint8Array {
  const shared = [...header];
  const head = `<row r="1">${header.map((_h, i) => `<c r="${letters(i)}1" t="s"><v>${i}</v></c>`).join("")}</row>`;
  const pieces: string[] = [];
  for (let r = 2; r <= rows + 1; r++) {
    pieces.push(`<row r="${r}"><c r="A${r}"><v>${r}</v></c></row>`);
  }
  const parts = workbookParts([{ name: sheetName, xml: sheetPart(head + pieces.join("")) }], shared);
  return handWrittenZip(parts);
}

/** A shared string of `chars` characters in an otherwise valid one-sheet workbook. */
export function giantStringWorkbook(sheetName: string, header: readonly string[], chars: number): Uint8Array {
  const shared = [...header, "x".repeat(chars)];
  const head = `<row r="1">${header.map((_h, i) => `<c r="${letters(i)}1" t="s"><v>${i}</v></c>`).join("")}</row>`;
  const row = `<row r="2"><c r="A2" t="s"><v>${header.length}</v></c></row>`;
  return handWrittenZip(workbookParts([{ name: sheetName, xml: sheetPart(head + row) }], shared));
}

/** A valid workbook padded with `entries` extra empty parts. */
export function manyEntriesWorkbook(
  sheetName: string,
  header: readonly string[],
  entries: number,
): Uint8Array {
  const shared: string[] = [];
  const parts: Record<string, string> = workbookParts(
    [{ name: sheetName, xml: sheetXml([header], shared) }],
    shared,
  );
  for (let i = 0; i < entries; i++) {
    parts[`xl/media/pad${i}.bin`] = "";
  }
  return handWrittenZip(parts);
}

/** A worksheet whose XML nests `depth` elements inside a cell. */
export function deepXmlWorkbook(sheetName: string, depth: number): Uint8Array {
  const xml = sheetPart(
    `<row r="1"><c r="A1" t="inlineStr"><is>${"<r>".repeat(depth)}${"</r>".repeat(depth)}</is></c></row>`,
  );
  return handWrittenZip(workbookParts([{ name: sheetName, xml }], []));
}

/** `bytes` cut to `fraction` of their length. */
export const truncated = (bytes: Uint8Array, fraction: number): Uint8Array =>
  bytes.slice(0, Math.max(1, Math.floor(bytes.length * fraction)));

/** A small deterministic generator (mulberry32) for reproducible corruption. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A copy of `bytes` with `count` bytes flipped at positions chosen by `seed`. */
export function flipped(bytes: Uint8Array, count: number, seed: number): Uint8Array {
  const out = bytes.slice();
  const next = seeded(seed);
  for (let i = 0; i < count; i++) {
    const at = Math.floor(next() * out.length);
    out[at] = (out[at] ?? 0) ^ (1 + Math.floor(next() * 255));
  }
  return out;
}

/** `length` random bytes from `seed`. */
export function randomBytes(length: number, seed: number): Uint8Array {
  const next = seeded(seed);
  return Uint8Array.from({ length }, () => Math.floor(next() * 256));
}

/** CSV text in GBK (GB18030) bytes. */
export const gbkCsv = (text: string): Uint8Array => new Uint8Array(iconv.encode(text, "gb18030"));

/** CSV text in UTF-16LE with its byte-order mark. */
export const utf16Csv = (text: string): Uint8Array =>
  new Uint8Array(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, "utf16le")]));

/** A CSV of the header and `rows` short lines. */
export function manyRowsCsv(header: string, line: (i: number) => string, rows: number): Uint8Array {
  const parts: string[] = [header];
  for (let i = 0; i < rows; i++) {
    parts.push(line(i));
  }
  return new Uint8Array(Buffer.from(parts.join("\n"), "utf8"));
}
