/**
 * Uploaded bytes → document text for the parser (I/O edge). Handles .txt in any encoding bureaus use,
 * .html pages, .docx and text-layer .pdf. Failures do not throw: they come back as error issues with a
 * stable kebab-case code and a Chinese message naming the file, and an empty text.
 */
import type { Issue } from "@luoshi/domain";
import { extractText, getDocumentProxy } from "unpdf";
import mammoth from "mammoth";
import iconv from "iconv-lite";
import { declaredCharset, htmlToText } from "./html-text.ts";
import { decodeTextBytes, replacementShare } from "./text-encoding.ts";

/** Formats the decoder reads. */
export type DocumentFormat = "txt" | "html" | "docx" | "pdf";

/** Decoded text, the format it was read as, and what went wrong or looked doubtful. */
export interface DecodedDocument {
  text: string;
  format: DocumentFormat;
  issues: Issue[];
}

/** Upload limit: larger files are refused before any decoding. */
export const MAX_DOCUMENT_BYTES = 20 * 1024 * 1024;

/** Stable codes of the errors and warnings this module reports. */
export const DECODE_ISSUE_CODES = [
  "file-too-large",
  "file-empty",
  "binary-file",
  "unsupported-format",
  "invalid-docx",
  "invalid-pdf",
  "pdf-without-text",
  "encoding-guessed",
  "encoding-doubtful",
  "docx-warning",
] as const;
/** One of {@link DECODE_ISSUE_CODES}. */
export type DecodeIssueCode = (typeof DECODE_ISSUE_CODES)[number];

function issue(code: DecodeIssueCode, severity: Issue["severity"], message: string, fileName: string): Issue {
  return { code, severity, message, where: { file: fileName } };
}

function failed(
  format: DocumentFormat,
  code: DecodeIssueCode,
  message: string,
  fileName: string,
): DecodedDocument {
  return { text: "", format, issues: [issue(code, "error", message, fileName)] };
}

function startsWith(bytes: Uint8Array, ascii: string): boolean {
  for (let i = 0; i < ascii.length; i++) {
    if (bytes[i] !== ascii.charCodeAt(i)) {
      return false;
    }
  }
  return true;
}

/** The format from the file name, or from the bytes when the name says nothing useful. */
function formatOf(bytes: Uint8Array, fileName: string): DocumentFormat | "doc" | "unknown" {
  const ext = /\.([a-z0-9]+)$/i.exec(fileName)?.[1]?.toLowerCase();
  switch (ext) {
    case "txt":
    case "text":
      return "txt";
    case "html":
    case "htm":
    case "shtml":
      return "html";
    case "docx":
      return "docx";
    case "pdf":
      return "pdf";
    case "doc":
    case "wps":
      return "doc";
    default:
      break;
  }
  if (startsWith(bytes, "%PDF-")) {
    return "pdf";
  }
  if (startsWith(bytes, "PK\u0003\u0004")) {
    return "docx";
  }
  const head = new TextDecoder("latin1").decode(bytes.subarray(0, 512)).toLowerCase();
  return head.includes("<html") || head.includes("<!doctype html")
    ? "html"
    : ext === undefined
      ? "txt"
      : "unknown";
}

function megabytes(n: number): string {
  return (n / 1024 / 1024).toFixed(1);
}

/** Normalises line ends and strips a leading BOM, the same for every format. */
function tidyText(text: string): string {
  return text.replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n");
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
  if (replacementShare(decoded.text) > 0.01) {
    issues.push(
      issue("encoding-doubtful", "warning", `文件“${fileName}”有较多无法识别的字符，请确认编码`, fileName),
    );
  } else if (decoded.isGuessed && decoded.encoding !== "utf-8") {
    issues.push(
      issue(
        "encoding-guessed",
        "info",
        `文件“${fileName}”按 ${decoded.encoding.toUpperCase()} 编码读取`,
        fileName,
      ),
    );
  }
  return { text: tidyText(decoded.text), format: "txt", issues };
}

function decodeHtml(bytes: Uint8Array, fileName: string): DecodedDocument {
  const charset = declaredCharset(bytes);
  let html: string;
  if (charset !== null && charset !== "utf-8" && charset !== "utf8" && iconv.encodingExists(charset)) {
    html = iconv.decode(bytes, charset.startsWith("gb") ? "gb18030" : charset);
  } else {
    const decoded = decodeTextBytes(bytes);
    if (!decoded.ok) {
      return failed("html", "binary-file", `文件“${fileName}”不是文本网页，无法读取`, fileName);
    }
    html = decoded.text;
  }
  return { text: tidyText(htmlToText(html)), format: "html", issues: [] };
}

async function decodeDocx(bytes: Uint8Array, fileName: string): Promise<DecodedDocument> {
  if (!startsWith(bytes, "PK\u0003\u0004")) {
    return failed("docx", "invalid-docx", `文件“${fileName}”不是有效的 Word（.docx）文件`, fileName);
  }
  try {
    // Raw text keeps one paragraph per line (table cells are paragraphs, so they become lines too).
    const result = await mammoth.extractRawText({ buffer: Buffer.from(bytes) });
    const issues = result.messages.map((m) =>
      issue("docx-warning", "warning", `文件“${fileName}”：${m.message}`, fileName),
    );
    const text = tidyText(result.value)
      .replace(/\n{3,}/g, "\n\n")
      .trim();
    return { text, format: "docx", issues };
  } catch {
    return failed("docx", "invalid-docx", `文件“${fileName}”已损坏或不是有效的 Word（.docx）文件`, fileName);
  }
}

async function decodePdf(bytes: Uint8Array, fileName: string): Promise<DecodedDocument> {
  if (!startsWith(bytes, "%PDF-")) {
    return failed("pdf", "invalid-pdf", `文件“${fileName}”不是有效的 PDF 文件`, fileName);
  }
  try {
    // pdf.js takes ownership of the buffer it is given: pass a copy.
    const pdf = await getDocumentProxy(new Uint8Array(bytes));
    const { text } = await extractText(pdf, { mergePages: true });
    const clean = tidyText(text).trim();
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
  }
}

/**
 * Decodes an uploaded document. Never throws for bad input: an unreadable file gives empty text and an
 * `error` issue (`file-too-large`, `file-empty`, `binary-file`, `unsupported-format`, `invalid-docx`,
 * `invalid-pdf`, `pdf-without-text`).
 */
export async function decodeDocument(bytes: Uint8Array, fileName: string): Promise<DecodedDocument> {
  const format = formatOf(bytes, fileName);
  const reported: DocumentFormat = format === "doc" || format === "unknown" ? "txt" : format;
  if (bytes.length > MAX_DOCUMENT_BYTES) {
    return failed(
      reported,
      "file-too-large",
      `文件“${fileName}”大小为 ${megabytes(bytes.length)} MB，超过 ${megabytes(MAX_DOCUMENT_BYTES)} MB 上限`,
      fileName,
    );
  }
  if (bytes.length === 0) {
    return failed(reported, "file-empty", `文件“${fileName}”是空文件`, fileName);
  }
  if (format === "doc") {
    return failed(
      "txt",
      "unsupported-format",
      `文件“${fileName}”是旧版 Word/WPS 格式，请另存为 .docx 后再上传`,
      fileName,
    );
  }
  if (format === "unknown") {
    return failed(
      "txt",
      "unsupported-format",
      `文件“${fileName}”的格式无法识别，请上传 .txt、.html、.docx 或 .pdf`,
      fileName,
    );
  }
  let decoded: DecodedDocument;
  switch (format) {
    case "docx":
      decoded = await decodeDocx(bytes, fileName);
      break;
    case "pdf":
      decoded = await decodePdf(bytes, fileName);
      break;
    case "html":
      decoded = decodeHtml(bytes, fileName);
      break;
    default:
      decoded = decodeTxt(bytes, fileName);
  }
  if (decoded.text.trim().length === 0 && !decoded.issues.some((i) => i.severity === "error")) {
    return failed(format, "file-empty", `文件“${fileName}”没有可读取的文字`, fileName);
  }
  return decoded;
}
