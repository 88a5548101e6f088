/**
 * Evidence files (佐证材料) of supervision attestations: the same whitelist, 10 MB limit, magic-byte
 * check and content-hash storage as the ledger's attachments (task-report.service.ts keeps its checker
 * private, so the check lives here; the files go to the same folder).
 */
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { AppError } from "../errors.ts";
import { MAX_ATTACHMENT_BYTES, sanitizeFileName } from "./task-report.service.ts";

/** Evidence types by extension, with the bytes each must start with. */
const ALLOWED: Record<string, { mediaType: string; magic: number[] }> = {
  pdf: { mediaType: "application/pdf", magic: [0x25, 0x50, 0x44, 0x46] },
  png: { mediaType: "image/png", magic: [0x89, 0x50, 0x4e, 0x47] },
  jpg: { mediaType: "image/jpeg", magic: [0xff, 0xd8, 0xff] },
  jpeg: { mediaType: "image/jpeg", magic: [0xff, 0xd8, 0xff] },
  docx: {
    mediaType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    magic: [0x50, 0x4b, 0x03, 0x04],
  },
  xlsx: {
    mediaType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    magic: [0x50, 0x4b, 0x03, 0x04],
  },
};

/** A checked evidence file, ready to store. */
export interface CheckedEvidence {
  fileName: string;
  mediaType: string;
  bytes: Buffer;
  sha256: string;
}

/**
 * Decodes and checks an uploaded file: allowed extension, 1 byte … 10 MB, content matching the
 * extension. Throws `validation-failed` naming the file and what is wrong.
 */
export function checkEvidence(rawName: string, contentBase64: string): CheckedEvidence {
  const fileName = sanitizeFileName(rawName);
  const bytes = Buffer.from(contentBase64, "base64");
  const ext = /\.([a-z0-9]+)$/i.exec(fileName)?.[1]?.toLowerCase() ?? "";
  const kind = ALLOWED[ext];
  if (kind === undefined) {
    throw new AppError(
      "validation-failed",
      `佐证材料“${fileName}”的类型不允许：只接受 pdf、图片（png/jpg）、docx、xlsx`,
      { fields: [{ path: "body.fileName", message: "文件类型不允许" }] },
    );
  }
  if (bytes.length === 0 || bytes.length > MAX_ATTACHMENT_BYTES) {
    const what = bytes.length === 0 ? "是空文件" : "超过 10 MB";
    throw new AppError("validation-failed", `佐证材料“${fileName}”${what}`, {
      fields: [{ path: "body.contentBase64", message: what }],
    });
  }
  if (!kind.magic.every((b, i) => bytes[i] === b)) {
    throw new AppError("validation-failed", `佐证材料“${fileName}”的内容与扩展名不符`, {
      fields: [{ path: "body.contentBase64", message: "内容与扩展名不符" }],
    });
  }
  return {
    fileName,
    mediaType: kind.mediaType,
    bytes,
    sha256: createHash("sha256").update(bytes).digest("hex"),
  };
}

function dirOf(dataDir: string): string {
  return join(dataDir, "attachments");
}

/** Writes the file under the data folder by its hash (once; never executable, never served statically). */
export function storeEvidence(dataDir: string, file: CheckedEvidence): void {
  const dir = dirOf(dataDir);
  mkdirSync(dir, { recursive: true });
  const path = join(dir, file.sha256);
  if (!existsSync(path)) {
    writeFileSync(path, file.bytes, { mode: 0o600 });
  }
}

/** The stored bytes of a file by hash. */
export function loadEvidence(dataDir: string, sha256: string): Buffer {
  if (!/^[0-9a-f]{64}$/.test(sha256)) {
    throw new AppError("not-found", "佐证材料不存在");
  }
  const path = join(dirOf(dataDir), sha256);
  if (!existsSync(path)) {
    throw new AppError("not-found", "佐证材料的文件已不在存储目录中");
  }
  return readFileSync(path);
}
