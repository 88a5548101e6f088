/**
 * Uploaded bytes → document text for the parser (I/O edge). Handles .txt in any encoding bureaus use,
 * .html pages, .docx, .doc and .wps, .xlsx task tables and text-layer .pdf. Failures do not throw: they come back as error issues with a
 * stable kebab-case code and a Chinese message naming the file, and an empty text.
 */
import type { Issue } from "@luoshi/domain";
import { getDocumentProxy } from "unpdf";
import mammoth from "mammoth";
import iconv from "iconv-lite";
import { declaredCharset, htmlToText, HtmlTooDeep } from "./html-text.ts";
import { DEFAULT_DOCUMENT_LIMITS, type DocumentLimits } from "./limits.ts";
import { decodeTextBytes, replacementShare } from "./text-encoding.ts";
import { checkZipSize } from "./zip-guard.ts";
import { formatOf, startsWith, type DocumentFormat } from "./format.ts";
import { isOleFile, legacyWordText } from "./doc-text.ts";
import { workbookText } from "./xlsx-text.ts";

export { MAX_DOCUMENT_BYTES } from "./limits.ts";

/** The bounds decoding applies (a subset of {@link DocumentLimits}). */
export type DecodeLimits = Pick<
  DocumentLimits,
  "maxBytes" | "maxUnzippedBytes" | "maxPdfPages" | "maxTextChars" | "maxHtmlDepth"
>;

export type { DocumentFormat } from "./format.ts";

/** Decoded text, the format it was read as, and what went wrong or looked doubtful. */
export interface DecodedDocument {
  text: string;
  format: DocumentFormat;
  issues: Issue[];
}

/** Stable codes of the errors and warnings this module reports. */
export const DECODE_ISSUE_CODES = [
  "file-too-large",
  "file-empty",
  "binary-file",
  "unsupported-format",
  "invalid-docx",
  "invalid-xlsx",
  "invalid-doc",
  "invalid-pdf",
  "pdf-without-text",
  "pdf-too-many-pages",
  "docx-too-large",
  "html-too-deep",
  "text-too-long",
  "nul-characters",
  "encoding-garbled",
  "encoding-repaired",
  "encoding-guessed",
  "docx-warning",
] as const;
/** One of {@link DECODE_ISSUE_CODES}. */
export type DecodeIssueCode = (typeof DECODE_ISSUE_CODES)[number];

function issue(
  code: DecodeIssueCode,
  severity: Issue["severity"],
  message: string,
  fileName: string,
  where: Omit<Issue["where"] & object, "file"> = {},
): Issue {
  return { code, severity, message, where: { file: fileName, ...where } };
}

function failed(
  format: DocumentFormat,
  code: DecodeIssueCode,
  message: string,
  fileName: string,
  where: Omit<Issue["where"] & object, "file"> = {},
): DecodedDocument {
  return { text: "", format, issues: [issue(code, "error", message, fileName, where)] };
}

/** 1-based line of `offset` in `text`. */
function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
    }
  }
  return line;
}

/** Lines (1-based) holding U+FFFD, at most `max` of them. */
function replacedLines(text: string, max: number): number[] {
  const lines: number[] = [];
  let line = 1;
  for (let i = 0; i < text.length && lines.length < max; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) {
      line++;
    } else if (c === 0xfffd && lines.at(-1) !== line) {
      lines.push(line);
    }
  }
  return lines;
}

function megabytes(n: number): string {
  return (n / 1024 / 1024).toFixed(1);
}

/**
 * Normalises line ends, strips a leading BOM and makes the string well formed (a broken UTF-16 file can
 * leave lone surrogates, which the database refuses), the same for every format.
 */
function tidyText(text: string): string {
  return text
    .toWellFormed()
    .replace(/^\uFEFF/, "")
    .replace(/\r\n?/g, "\n");
}

/** Share of U+FFFD above which a text is refused as decoded wrongly. */
const GARBLED_SHARE = 0.02;

/**
 * The checks every text-like format shares: NUL characters (a text file has none, and the database
 * stores none), a text that is mostly replacement characters, and a warning naming the lines where a
 * few bytes could not be read.
 */
function checkText(decoded: DecodedDocument, fileName: string, replaced: number): DecodedDocument {
  const { text, format } = decoded;
  const nul = text.indexOf("\u0000");
  if (nul >= 0) {
    const line = lineAt(text, nul);
    return failed(
      format,
      "nul-characters",
      `文件“${fileName}”第 ${String(line)} 行含有空字符（NUL），不是正常的文本文件，可能已损坏。请重新导出后再上传`,
      fileName,
      { line },
    );
  }
  if (replacementShare(text) > GARBLED_SHARE) {
    const [line = 1] = replacedLines(text, 1);
    return failed(
      format,
      "encoding-garbled",
      `文件“${fileName}”有大量无法识别的字符（从第 ${String(line)} 行起），编码无法确定或文件已损坏。请另存为 UTF-8 文本后再上传`,
      fileName,
      { line },
    );
  }
  if (replaced > 0) {
    const lines = replacedLines(text, 5);
    return {
      ...decoded,
      issues: [
        ...decoded.issues,
        issue(
          "encoding-repaired",
          "warning",
          `文件“${fileName}”有 ${String(replaced)} 处无法识别的字节，已替换为“\uFFFD”（第 ${lines.join("、")} 行${replaced > lines.length ? "等" : ""}），请核对这些位置`,
          fileName,
          { line: lines[0] ?? 1 },
        ),
      ],
    };
  }
  return decoded;
}

function decodeTxt(bytes: Uint8Array, fileName: string): DecodedDocument {
  const decoded = decodeTextBytes(bytes);
  if (!decoded.ok) {
    return failed(
      "txt",
      "binary-file",
      `文件“${fileName}”看起来是二进制文件（如图片、压缩包或旧版 .doc），不是文本，无法读取`,
      fileName,
    );
  }
  const issues: Issue[] = [];
  if (decoded.isGuessed && decoded.encoding !== "utf-8") {
    issues.push(
      issue(
        "encoding-guessed",
        "info",
        `文件“${fileName}”按 ${decoded.encoding.toUpperCase()} 编码读取`,
        fileName,
      ),
    );
  }
  return checkText({ text: tidyText(decoded.text), format: "txt", issues }, fileName, decoded.replaced ?? 0);
}

function decodeHtml(bytes: Uint8Array, fileName: string, maxDepth: number): DecodedDocument {
  const charset = declaredCharset(bytes);
  let html: string;
  let replaced = 0;
  if (charset !== null && charset !== "utf-8" && charset !== "utf8" && iconv.encodingExists(charset)) {
    html = iconv.decode(bytes, charset.startsWith("gb") ? "gb18030" : charset);
  } else {
    const decoded = decodeTextBytes(bytes);
    if (!decoded.ok) {
      return failed("html", "binary-file", `文件“${fileName}”不是文本网页，无法读取`, fileName);
    }
    html = decoded.text;
    replaced = decoded.replaced ?? 0;
  }
  let text: string;
  try {
    text = htmlToText(html, maxDepth);
  } catch (error) {
    if (!(error instanceof HtmlTooDeep)) {
      throw error;
    }
    const line = lineAt(html, error.offset);
    return failed(
      "html",
      "html-too-deep",
      `文件“${fileName}”第 ${String(line)} 行处网页元素嵌套超过 ${String(maxDepth)} 层（如大量未闭合的 <div>），无法读取。请另存为 .txt 或 .docx 后再上传`,
      fileName,
      { line },
    );
  }
  return checkText({ text: tidyText(text), format: "html", issues: [] }, fileName, replaced);
}

async function decodeDocx(
  bytes: Uint8Array,
  fileName: string,
  maxUnzippedBytes: number,
): Promise<DecodedDocument> {
  if (!startsWith(bytes, "PK\u0003\u0004")) {
    return failed("docx", "invalid-docx", `文件“${fileName}”不是有效的 Word（.docx）文件`, fileName);
  }
  const refusal = checkZipSize(bytes, maxUnzippedBytes);
  if (refusal?.kind === "too-large" || refusal?.kind === "too-many-entries") {
    const where = refusal.kind === "too-large" ? `（至“${refusal.entry}”已超出）` : "";
    return failed(
      "docx",
      "docx-too-large",
      `文件“${fileName}”解压后超过 ${megabytes(maxUnzippedBytes)} MB 上限${where}，可能是压缩炸弹或含大量嵌入内容，已拒绝`,
      fileName,
      refusal.kind === "too-large" ? { part: refusal.entry } : {},
    );
  }
  if (refusal !== null) {
    const part = refusal.kind === "corrupt" ? `（“${refusal.entry}”无法解压）` : "";
    return failed(
      "docx",
      "invalid-docx",
      `文件“${fileName}”已损坏或不是有效的 Word（.docx）文件${part}`,
      fileName,
      refusal.kind === "corrupt" ? { part: refusal.entry } : {},
    );
  }
  try {
    // Raw text keeps one paragraph per line (table cells are paragraphs, so they become lines too).
    const result = await mammoth.extractRawText({ buffer: Buffer.from(bytes) });
    const issues = result.messages.map((m) =>
      issue("docx-warning", "warning", `文件“${fileName}”：${m.message}`, fileName),
    );
    // a NUL in a Word run is noise (the database stores none): dropped
    const text = tidyText(result.value.replaceAll("\u0000", ""))
      .replace(/\n{3,}/g, "\n\n")
      .trim();
    return { text, format: "docx", issues };
  } catch {
    return failed("docx", "invalid-docx", `文件“${fileName}”已损坏或不是有效的 Word（.docx）文件`, fileName);
  }
}

/** A Word 97–2003 or WPS file, see `doc-text.ts`; other binaries named .doc are refused with advice. */
async function decodeLegacyWord(bytes: Uint8Array, fileName: string): Promise<DecodedDocument> {
  if (!isOleFile(bytes)) {
    return failed(
      "doc",
      "invalid-doc",
      `文件“${fileName}”不是有效的 Word 97–2003（.doc）或 WPS 文件，请另存为 .docx 后再上传`,
      fileName,
    );
  }
  const read = await legacyWordText(bytes);
  return "text" in read
    ? { text: tidyText(read.text.replaceAll("\u0000", "")).trim(), format: "doc", issues: [] }
    : failed("doc", "invalid-doc", `文件“${fileName}”${read.refused}，请另存为 .docx 后再上传`, fileName);
}

/** A workbook (a 任务分解表 kept in Excel): its rows as tab-separated lines, see `xlsx-text.ts`. */
async function decodeXlsx(
  bytes: Uint8Array,
  fileName: string,
  limits: DecodeLimits,
): Promise<DecodedDocument> {
  if (!startsWith(bytes, "PK\u0003\u0004")) {
    return failed("xlsx", "invalid-xlsx", `文件“${fileName}”不是有效的 Excel（.xlsx）文件`, fileName);
  }
  const read = await workbookText(bytes, fileName, limits.maxUnzippedBytes);
  return "text" in read
    ? { text: tidyText(read.text).trim(), format: "xlsx", issues: [] }
    : failed("xlsx", "invalid-xlsx", read.refused, fileName);
}

async function decodePdf(
  bytes: Uint8Array,
  fileName: string,
  limits: DecodeLimits,
): Promise<DecodedDocument> {
  if (!startsWith(bytes, "%PDF-")) {
    return failed("pdf", "invalid-pdf", `文件“${fileName}”不是有效的 PDF 文件`, fileName);
  }
  let pdf: Awaited<ReturnType<typeof getDocumentProxy>>;
  try {
    // pdf.js takes ownership of the buffer it is given: pass a copy.
    pdf = await getDocumentProxy(new Uint8Array(bytes));
  } catch {
    return failed("pdf", "invalid-pdf", `文件“${fileName}”已损坏或无法读取的 PDF 文件`, fileName);
  }
  try {
    if (pdf.numPages > limits.maxPdfPages) {
      return failed(
        "pdf",
        "pdf-too-many-pages",
        `文件“${fileName}”共 ${String(pdf.numPages)} 页，超过 ${String(limits.maxPdfPages)} 页上限。请只上传规划正文`,
        fileName,
      );
    }
    // Page by page, so that the text bound stops a huge PDF at the page that passes it.
    const pages: string[] = [];
    let chars = 0;
    for (let n = 1; n <= pdf.numPages; n++) {
      const page = await pdf.getPage(n);
      const content = await page.getTextContent();
      const text = content.items
        .map((item) => ("str" in item ? item.str + (item.hasEOL ? "\n" : "") : ""))
        .join("");
      page.cleanup();
      chars += text.length;
      if (chars > limits.maxTextChars) {
        return failed(
          "pdf",
          "text-too-long",
          `文件“${fileName}”到第 ${String(n)} 页文字已超过 ${String(limits.maxTextChars)} 字上限。请只上传规划正文`,
          fileName,
          { page: n },
        );
      }
      pages.push(text);
    }
    const merged = pages
      .join("\n")
      .replace(/[^\S\n]+/g, " ")
      .replace(/ ?\n ?/g, "\n")
      .replace(/\n{3,}/g, "\n\n");
    const clean = tidyText(merged.replaceAll("\u0000", "")).trim();
    if (clean.length === 0) {
      return failed(
        "pdf",
        "pdf-without-text",
        `文件“${fileName}”没有文字层（可能是扫描件），请先进行文字识别（OCR）或上传 Word 版本`,
        fileName,
      );
    }
    return { text: clean, format: "pdf", issues: [] };
  } catch {
    return failed("pdf", "invalid-pdf", `文件“${fileName}”已损坏或无法读取的 PDF 文件`, fileName);
  } finally {
    await pdf.destroy();
  }
}

/**
 * Decodes an uploaded document within `limits`. Never throws for bad input: an unreadable file gives
 * empty text and an `error` issue (`file-too-large`, `file-empty`, `binary-file`, `unsupported-format`,
 * `invalid-docx`, `docx-too-large`, `invalid-pdf`, `pdf-without-text`, `pdf-too-many-pages`,
 * `html-too-deep`, `text-too-long`, `nul-characters`, `encoding-garbled`) whose `where` names the file
 * and, where it can, the line, page or part. Decoding cost is bounded by the limits; the time and memory
 * it may take in all are bounded by running it in a worker (see read-document.ts).
 */
export async function decodeDocument(
  bytes: Uint8Array,
  fileName: string,
  limits: DecodeLimits = DEFAULT_DOCUMENT_LIMITS,
): Promise<DecodedDocument> {
  const format = formatOf(bytes, fileName);
  const reported: DocumentFormat = format === "unknown" ? "txt" : format;
  if (bytes.length > limits.maxBytes) {
    return failed(
      reported,
      "file-too-large",
      `文件“${fileName}”大小为 ${megabytes(bytes.length)} MB，超过 ${megabytes(limits.maxBytes)} MB 上限`,
      fileName,
    );
  }
  if (bytes.length === 0) {
    return failed(reported, "file-empty", `文件“${fileName}”是空文件`, fileName);
  }
  if (format === "doc") {
    return decodeLegacyWord(bytes, fileName);
  }
  if (format === "unknown") {
    return failed(
      "txt",
      "unsupported-format",
      `文件“${fileName}”的格式无法识别，请上传 .txt、.html、.docx、.doc、.wps、.xlsx 或 .pdf`,
      fileName,
    );
  }
  let decoded: DecodedDocument;
  switch (format) {
    case "docx":
      decoded = await decodeDocx(bytes, fileName, limits.maxUnzippedBytes);
      break;
    case "xlsx":
      decoded = await decodeXlsx(bytes, fileName, limits);
      break;
    case "pdf":
      decoded = await decodePdf(bytes, fileName, limits);
      break;
    case "html":
      decoded = decodeHtml(bytes, fileName, limits.maxHtmlDepth);
      break;
    default:
      decoded = decodeTxt(bytes, fileName);
  }
  if (decoded.text.length > limits.maxTextChars) {
    return failed(
      format,
      "text-too-long",
      `文件“${fileName}”有 ${String(decoded.text.length)} 字，超过 ${String(limits.maxTextChars)} 字上限。请只上传规划正文`,
      fileName,
    );
  }
  if (decoded.text.trim().length === 0 && !decoded.issues.some((i) => i.severity === "error")) {
    return failed(format, "file-empty", `文件“${fileName}”没有可读取的文字`, fileName);
  }
  return decoded;
}
