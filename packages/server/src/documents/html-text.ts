/**
 * HTML page → text with one line per block. Government pages wrap the document in navigation, scripts
 * and share widgets; those elements are dropped whole, and block elements end lines so the parser sees
 * the document's paragraphs and headings as they were laid out.
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

/** Table cells are kept on their row's line, separated by a space. */
const CELLS = new Set(["td", "th"]);

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
  const parser: Parser = new Parser(
    {
      onopentag(name) {
        depth++;
        if (depth > maxDepth) {
          throw new HtmlTooDeep(parser.startIndex);
        }
        if (DROPPED.has(name)) {
          dropDepth++;
        } else if (dropDepth === 0 && BLOCKS.has(name)) {
          parts.push("\n");
        } else if (dropDepth === 0 && CELLS.has(name)) {
          parts.push(" ");
        }
      },
      ontext(text) {
        if (dropDepth === 0) {
          parts.push(text.replace(/[ \t\r\n]+/g, " "));
        }
      },
      onclosetag(name) {
        depth--;
        if (DROPPED.has(name)) {
          dropDepth = Math.max(0, dropDepth - 1);
        } else if (dropDepth === 0 && BLOCKS.has(name)) {
          parts.push("\n");
        }
      },
    },
    { decodeEntities: true, lowerCaseTags: true },
  );
  parser.write(html);
  parser.end();
  return parts
    .join("")
    .split("\n")
    .map((line) => line.replace(/\u00a0/g, " ").trim())
    .filter((line) => line.length > 0)
    .join("\n");
}
