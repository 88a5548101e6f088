/**
 * HTML page → text with one line per block. Government pages wrap the document in navigation, scripts
 * and share widgets; those elements are dropped whole, and block elements end lines so the parser sees
 * the document's paragraphs and headings as they were laid out. A table row of two or more cells becomes
 * one line of tab-separated cells, as the .docx, .doc and .xlsx readers give it, so that a 任务分解表
 * published as a real HTML table is read by its columns; a row that holds a table of its own is page
 * layout, not data, and keeps its blocks as lines.
 */
import { Parser } from "htmlparser2";

/** Elements whose content is never part of the document. */
const DROPPED = new Set([
  "script",
  "style",
  "noscript",
  "nav",
  "template",
  "svg",
  "iframe",
  "object",
  "head",
  "select",
  "button",
  "form",
]);

/** Elements that start and end a line. */
const BLOCKS = new Set([
  "p",
  "div",
  "br",
  "li",
  "ul",
  "ol",
  "tr",
  "table",
  "section",
  "article",
  "header",
  "footer",
  "aside",
  "h1",
  "h2",
  "h3",
  "h4",
  "h5",
  "h6",
  "blockquote",
  "pre",
  "dd",
  "dt",
  "dl",
  "hr",
  "center",
  "tbody",
  "thead",
]);

/** Table cells: kept on their row's line, separated by a tab. */
const CELLS = new Set(["td", "th"]);

/** A table row being collected: each cell's text so far, block breaks kept as "\n". */
interface RowBuffer {
  cells: string[][];
}

/**
 * A cell this long, or of this many blocks, is page layout (an article in a layout table), not a
 * table's cell: a task table's cell holds a few sentences.
 */
const MAX_DATA_CELL_CHARS = 2000;
const MAX_DATA_CELL_BLOCKS = 8;

/**
 * One collected row: a line of tab-separated cells when it looks like data (two or more cells, none
 * of page length), else each cell's blocks as lines, as outside a table.
 */
function rowText(row: RowBuffer): string {
  const cells = row.cells.map((c) => c.join(""));
  const isData =
    cells.length > 1 &&
    cells.every(
      (c) =>
        c.length <= MAX_DATA_CELL_CHARS &&
        c.split("\n").filter((l) => l.trim() !== "").length <= MAX_DATA_CELL_BLOCKS,
    );
  if (!isData) {
    return cells.map((c) => `\n${c}\n`).join("");
  }
  return `\n${cells.map((c) => c.replace(/[ \t\r\n\u00a0]+/g, " ").trim()).join("\t")}\n`;
}

/** The charset a page declares in a `<meta>` tag within its first bytes, lower case, or null. */
export function declaredCharset(bytes: Uint8Array): string | null {
  const head = new TextDecoder("latin1").decode(bytes.subarray(0, 4096));
  const m = /<meta[^>]+charset\s*=\s*["']?\s*([\w-]+)/i.exec(head);
  return m?.[1]?.toLowerCase() ?? null;
}

/** Thrown by {@link htmlToText} when elements nest deeper than allowed; `offset` is where in the page. */
export class HtmlTooDeep extends Error {
  readonly offset: number;

  constructor(offset: number) {
    super(`HTML nested too deep at offset ${String(offset)}`);
    this.offset = offset;
  }
}

/**
 * Extracts the visible text of an HTML page, one line per block element. Elements open inside one
 * another past `maxDepth` throw {@link HtmlTooDeep}: htmlparser2's cost per open element grows with the
 * depth, so 10⁵ unclosed <div> would take minutes.
 */
export function htmlToText(html: string, maxDepth: number = Number.POSITIVE_INFINITY): string {
  const parts: string[] = [];
  let dropDepth = 0;
  // htmlparser2 reports a close (explicit, implied or of a void element) for every open it reports
  let depth = 0;
  // the innermost table row being collected, until it closes or turns out to hold a table (layout)
  let row: RowBuffer | null = null;
  const emit = (text: string): void => {
    const cell = row?.cells.at(-1);
    if (row === null) {
      parts.push(text);
    } else if (cell !== undefined) {
      cell.push(text);
    }
  };
  const parser: Parser = new Parser(
    {
      onopentag(name) {
        depth++;
        if (depth > maxDepth) {
          throw new HtmlTooDeep(parser.startIndex);
        }
        if (DROPPED.has(name)) {
          dropDepth++;
          return;
        }
        if (dropDepth > 0) {
          return;
        }
        if (name === "table" && row !== null) {
          // a table inside a row: the outer table lays out the page; what it held so far stands as lines
          parts.push(...row.cells.map((c) => `\n${c.join("")}\n`));
          row = null;
        }
        if (name === "tr") {
          if (row !== null) {
            parts.push(rowText(row));
          }
          row = { cells: [] };
        } else if (CELLS.has(name)) {
          if (row === null) {
            row = { cells: [] };
          }
          row.cells.push([]);
        } else if (BLOCKS.has(name)) {
          emit("\n");
        }
      },
      ontext(text) {
        if (dropDepth === 0) {
          emit(text.replace(/[ \t\r\n]+/g, " "));
        }
      },
      onclosetag(name) {
        depth--;
        if (DROPPED.has(name)) {
          dropDepth = Math.max(0, dropDepth - 1);
        } else if (dropDepth === 0 && (name === "tr" || name === "table") && row !== null) {
          parts.push(rowText(row));
          row = null;
        } else if (dropDepth === 0 && BLOCKS.has(name)) {
          emit("\n");
        }
      },
    },
    { decodeEntities: true, lowerCaseTags: true },
  );
  parser.write(html);
  // end() closes whatever is still open, so an unclosed last row has been written by now
  parser.end();
  return (
    parts
      .join("")
      .split("\n")
      // a row's leading empty cells keep their tabs (the columns stay in place); trailing ones go
      .map((line) =>
        line
          .replace(/\u00a0/g, " ")
          .replace(/^ +| +$/g, "")
          .replace(/[\t ]+$/, ""),
      )
      .filter((line) => line.replace(/\t/g, "").length > 0)
      .join("\n")
  );
}
