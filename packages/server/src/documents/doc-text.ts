/**
 * Word 97–2003 (.doc) and WPS (.wps, Kingsoft's Word-compatible binary) documents as text, read with
 * `word-extractor` from the OLE compound file. Paragraphs become lines; a table's rows become lines of
 * tab-separated cells, the shape the task-table reader takes.
 */
import WordExtractor from "word-extractor";

/** The OLE compound file signature every .doc and .wps starts with. */
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

/** True when the bytes are an OLE compound file (a .doc, .wps, .xls …). */
export function isOleFile(bytes: Uint8Array): boolean {
  return OLE_MAGIC.every((b, i) => bytes[i] === b);
}

/**
 * Word ends each table cell with a cell mark and each row with one more: the extractor turns them into
 * tabs, so a row is a line of tab-separated cells with one tab too many at its end.
 */
function tableRows(text: string): string {
  return text.replace(/\t$/gm, "");
}

/** The document's body text, or why it could not be read. */
export async function legacyWordText(bytes: Uint8Array): Promise<{ text: string } | { refused: string }> {
  try {
    const doc = await new WordExtractor().extract(Buffer.from(bytes));
    return { text: tableRows(doc.getBody()) };
  } catch {
    return { refused: "已损坏或不是有效的 Word 97–2003（.doc）或 WPS 文件" };
  }
}
