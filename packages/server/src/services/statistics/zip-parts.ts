/**
 * The parts of a zip (an .xlsx) within {@link FileLimits}: the central directory is read first — entry
 * count and declared sizes checked before anything is inflated — and each part is inflated as a stream
 * whose real size (against a budget shared by all parts) and CRC are checked as it goes. Text is decoded
 * with one streaming TextDecoder per part, so a UTF-8 character split across two inflated chunks stays
 * whole. Parts are found by name, whatever their order in the zip. {@link parsePart} parses a part's
 * XML as it inflates, refusing elements nested deeper than the bound.
 */
import { Readable } from "node:stream";
import { createInflateRaw, crc32 } from "node:zlib";
import { Parser } from "htmlparser2";
import { AppError } from "../../errors.ts";
import type { FileLimits } from "./file-limits.ts";

/** A located problem of a file (sheet "" and row 0: the file as a whole). */
export interface CellProblem {
  sheet: string;
  row: number;
  column: string;
  message: string;
}

/** One part as the central directory lists it. */
export interface ZipEntry {
  name: string;
  method: number;
  crc: number;
  compressedSize: number;
  size: number;
  localOffset: number;
}

/** The refusal of a file whose structure is broken, located at the file (or a part of it). */
export function fileRefusal(fileName: string, message: string, sheet = ""): AppError {
  const text = `文件“${fileName}”${message}`;
  return new AppError("validation-failed", text, {
    problems: [{ sheet, row: 0, column: "", message: text }],
    problemCount: 1,
  });
}

/** The refusal of a file that expands past a bound. */
export function limitRefusal(fileName: string, message: string, where: Partial<CellProblem> = {}): AppError {
  const text = `文件“${fileName}”${message}，已停止读取。请检查文件是否损坏，或拆分后再导入。`;
  return new AppError("too-complex", text, {
    problems: [{ sheet: where.sheet ?? "", row: where.row ?? 0, column: where.column ?? "", message: text }],
    problemCount: 1,
  });
}

/** The zip's entries, from its central directory; every bound on the directory checked. */
export function readCentralDirectory(
  zip: Buffer,
  fileName: string,
  limits: FileLimits,
): Map<string, ZipEntry> {
  const broken = (): AppError =>
    fileRefusal(fileName, "不是有效的 Excel（.xlsx）文件，或已损坏（无法读取压缩目录）");
  // End of central directory: 22 bytes plus a comment of up to 65,535 bytes, at the very end.
  let eocd = -1;
  for (let i = zip.length - 22; i >= Math.max(0, zip.length - 22 - 65_535); i--) {
    if (zip.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) {
    throw broken();
  }
  const count = zip.readUInt16LE(eocd + 10);
  const cdSize = zip.readUInt32LE(eocd + 12);
  const cdOffset = zip.readUInt32LE(eocd + 16);
  if (count === 0xffff || cdOffset === 0xffffffff) {
    throw fileRefusal(fileName, "使用了 ZIP64 格式，统计文件不会这么大；请用 Excel 另存后再导入");
  }
  if (count > limits.maxZipEntries) {
    throw limitRefusal(fileName, `包含 ${count} 个压缩部件，超过上限 ${limits.maxZipEntries}`);
  }
  if (cdOffset + cdSize > eocd) {
    throw broken();
  }
  const entries = new Map<string, ZipEntry>();
  let declared = 0;
  let p = cdOffset;
  for (let k = 0; k < count; k++) {
    if (p + 46 > eocd || zip.readUInt32LE(p) !== 0x02014b50) {
      throw broken();
    }
    const nameLength = zip.readUInt16LE(p + 28);
    const extraLength = zip.readUInt16LE(p + 30);
    const commentLength = zip.readUInt16LE(p + 32);
    const entry: ZipEntry = {
      method: zip.readUInt16LE(p + 10),
      crc: zip.readUInt32LE(p + 16),
      compressedSize: zip.readUInt32LE(p + 20),
      size: zip.readUInt32LE(p + 24),
      localOffset: zip.readUInt32LE(p + 42),
      name: zip.toString("utf8", p + 46, p + 46 + nameLength),
    };
    p += 46 + nameLength + extraLength + commentLength;
    declared += entry.size;
    if (declared > limits.maxUnzippedBytes) {
      throw limitRefusal(
        fileName,
        `解压后超过 ${Math.round(limits.maxUnzippedBytes / 1024 / 1024)} MB（按压缩目录所记大小）`,
      );
    }
    entries.set(entry.name.replace(/^\//, ""), entry);
  }
  return entries;
}

/** Budget of decompressed bytes shared by all parts of one file. */
export interface Budget {
  left: number;
}

/**
 * Inflates one part as a stream, handing decoded text to `sink` chunk by chunk; checks the real size
 * against the budget and the CRC at the end.
 */
async function inflateText(
  zip: Buffer,
  entry: ZipEntry,
  budget: Budget,
  fileName: string,
  limits: FileLimits,
  sink: (text: string) => void,
): Promise<void> {
  const broken = (): AppError => fileRefusal(fileName, `已损坏：部件 ${entry.name} 无法解压`);
  const at = entry.localOffset;
  if (at + 30 > zip.length || zip.readUInt32LE(at) !== 0x04034b50) {
    throw broken();
  }
  const start = at + 30 + zip.readUInt16LE(at + 26) + zip.readUInt16LE(at + 28);
  const end = start + entry.compressedSize;
  if (end > zip.length) {
    throw broken();
  }
  const data = zip.subarray(start, end);
  const decoder = new TextDecoder("utf-8");
  let crc = 0;
  const take = (chunk: Buffer): void => {
    budget.left -= chunk.length;
    if (budget.left < 0) {
      throw limitRefusal(fileName, `解压后超过 ${Math.round(limits.maxUnzippedBytes / 1024 / 1024)} MB`);
    }
    crc = crc32(chunk, crc);
    sink(decoder.decode(chunk, { stream: true }));
  };
  if (entry.method === 0) {
    take(data);
  } else if (entry.method === 8) {
    const inflater = createInflateRaw({ chunkSize: 64 * 1024 });
    try {
      for await (const chunk of Readable.from([data]).pipe(inflater)) {
        take(chunk as Buffer);
      }
    } catch (error) {
      inflater.destroy();
      throw error instanceof AppError ? error : broken();
    }
  } else {
    throw fileRefusal(fileName, `部件 ${entry.name} 使用了不支持的压缩方式`);
  }
  sink(decoder.decode());
  if (crc >>> 0 !== entry.crc >>> 0) {
    throw fileRefusal(fileName, `已损坏：部件 ${entry.name} 的校验值不符`);
  }
}

/** Callbacks of one XML part, with the depth bound enforced. */
export interface XmlHandlers {
  open(name: string, attrs: Record<string, string>): void;
  text(text: string): void;
  close(name: string): void;
}

/** Parses one part with `handlers`; more than `maxXmlDepth` nested elements stops it. */
export async function parsePart(
  zip: Buffer,
  entry: ZipEntry,
  budget: Budget,
  fileName: string,
  limits: FileLimits,
  handlers: XmlHandlers,
  sheet = "",
): Promise<void> {
  let depth = 0;
  // the parser's callbacks cannot throw through it: the first error is kept and rethrown
  const state: { failure: Error | null } = { failure: null };
  const guard = (fn: () => void): void => {
    if (state.failure !== null) {
      return;
    }
    try {
      fn();
    } catch (error) {
      state.failure = error instanceof Error ? error : new Error(String(error));
    }
  };
  const parser = new Parser(
    {
      onopentag(name, attrs) {
        guard(() => {
          depth++;
          if (depth > limits.maxXmlDepth) {
            throw limitRefusal(fileName, `的部件 ${entry.name} 嵌套超过 ${limits.maxXmlDepth} 层`, { sheet });
          }
          handlers.open(localName(name), attrs);
        });
      },
      ontext(text) {
        guard(() => {
          handlers.text(text);
        });
      },
      onclosetag(name) {
        guard(() => {
          depth--;
          handlers.close(localName(name));
        });
      },
    },
    { xmlMode: true, decodeEntities: true },
  );
  await inflateText(zip, entry, budget, fileName, limits, (text) => {
    if (state.failure === null && text !== "") {
      parser.write(text);
    }
    if (state.failure !== null) {
      throw state.failure;
    }
  });
  parser.end();
  if (state.failure !== null) {
    throw state.failure;
  }
}

/** `x:row` → `row`: some writers prefix the spreadsheet namespace. */
const localName = (name: string): string => {
  const i = name.indexOf(":");
  return i < 0 ? name : name.slice(i + 1);
};
