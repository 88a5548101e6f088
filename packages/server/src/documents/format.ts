/** Which kind of document the uploaded bytes are: by the file name, else by the bytes. */

/** Formats the decoder reads. */
export type DocumentFormat = "txt" | "html" | "docx" | "doc" | "pdf" | "xlsx";

/** True when the bytes begin with `ascii` (a magic number such as %PDF- or PK). */
export function startsWith(bytes: Uint8Array, ascii: string): boolean {
  for (let i = 0; i < ascii.length; i++) {
    if (bytes[i] !== ascii.charCodeAt(i)) {
      return false;
    }
  }
  return true;
}

/** The format from the file name, or from the bytes when the name says nothing useful. */
export function formatOf(bytes: Uint8Array, fileName: string): DocumentFormat | "unknown" {
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
    case "xlsx":
      return "xlsx";
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
