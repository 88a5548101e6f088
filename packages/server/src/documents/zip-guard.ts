/**
 * A .docx is a zip archive; a 0.6 MB one can hold a part that inflates to gigabytes. Before the archive
 * is handed to mammoth, this reads the zip's central directory, adds up the sizes it declares, and then
 * inflates every part with a running budget, so that an archive whose directory lies is caught too. At
 * no point is more than the budget held in memory.
 */
import { inflateRawSync } from "node:zlib";

/** Why an archive was refused. */
export type ZipRefusal =
  | { kind: "not-zip" }
  | { kind: "too-many-entries"; entries: number }
  | { kind: "too-large"; entry: string; bytes: number }
  | { kind: "corrupt"; entry: string };

/** More parts than any Word document has. */
const MAX_ENTRIES = 10_000;

const EOCD_SIGNATURE = 0x06054b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const LOCAL_SIGNATURE = 0x04034b50;

interface Entry {
  name: string;
  method: number;
  compressedSize: number;
  uncompressedSize: number;
  localOffset: number;
}

function findEndOfCentralDirectory(view: DataView): number {
  const last = view.byteLength - 22;
  // the comment after the record is at most 65,535 bytes
  for (let i = last; i >= 0 && i >= last - 65_535; i--) {
    if (view.getUint32(i, true) === EOCD_SIGNATURE) {
      return i;
    }
  }
  return -1;
}

function readEntries(bytes: Uint8Array): Entry[] | ZipRefusal {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const eocd = findEndOfCentralDirectory(view);
  if (eocd < 0) {
    return { kind: "not-zip" };
  }
  const count = view.getUint16(eocd + 10, true);
  const dirOffset = view.getUint32(eocd + 16, true);
  if (count > MAX_ENTRIES) {
    return { kind: "too-many-entries", entries: count };
  }
  const decoder = new TextDecoder("utf-8");
  const entries: Entry[] = [];
  let p = dirOffset;
  for (let i = 0; i < count; i++) {
    if (p + 46 > view.byteLength || view.getUint32(p, true) !== CENTRAL_SIGNATURE) {
      return { kind: "corrupt", entry: `#${String(i + 1)}` };
    }
    const nameLength = view.getUint16(p + 28, true);
    const extraLength = view.getUint16(p + 30, true);
    const commentLength = view.getUint16(p + 32, true);
    entries.push({
      name: decoder.decode(bytes.subarray(p + 46, p + 46 + nameLength)),
      method: view.getUint16(p + 10, true),
      compressedSize: view.getUint32(p + 20, true),
      uncompressedSize: view.getUint32(p + 24, true),
      localOffset: view.getUint32(p + 42, true),
    });
    p += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/**
 * Checks that the zip archive in `bytes` decompresses to at most `maxBytes` in all, by its directory and
 * by actually inflating it. Returns null when it does, else why not.
 */
export function checkZipSize(bytes: Uint8Array, maxBytes: number): ZipRefusal | null {
  const entries = readEntries(bytes);
  if (!Array.isArray(entries)) {
    return entries;
  }
  let declared = 0;
  for (const e of entries) {
    declared += e.uncompressedSize;
    if (declared > maxBytes) {
      return { kind: "too-large", entry: e.name, bytes: declared };
    }
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let inflated = 0;
  for (const e of entries) {
    const at = e.localOffset;
    if (at + 30 > view.byteLength || view.getUint32(at, true) !== LOCAL_SIGNATURE) {
      return { kind: "corrupt", entry: e.name };
    }
    const start = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
    const data = bytes.subarray(start, start + e.compressedSize);
    if (e.method === 0) {
      inflated += data.length;
    } else if (e.method === 8) {
      try {
        inflated += inflateRawSync(data, { maxOutputLength: Math.max(1, maxBytes - inflated + 1) }).length;
      } catch (error) {
        if ((error as { code?: string }).code === "ERR_BUFFER_TOO_LARGE") {
          return { kind: "too-large", entry: e.name, bytes: maxBytes + 1 };
        }
        return { kind: "corrupt", entry: e.name };
      }
    }
    if (inflated > maxBytes) {
      return { kind: "too-large", entry: e.name, bytes: inflated };
    }
  }
  return null;
}
