/**
 * Uploaded files kept as evidence — the ledger's report attachments and the evaluations' 佐证材料:
 * one type whitelist checked against the file's first bytes, one 10 MB limit, one safe file name, and
 * one store under the data folder keyed by content hash (never executable, never served statically).
 */
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { AppError } from "../../errors.ts";

/** Allowed types by extension, with the bytes each must start with. */
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

/** 10 MB per file. */
const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;

/** A file name safe to show and to send back: no path, no control characters, at most 100 characters. */
function sanitizeFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? "";
  const printable = Array.from(base, (c) =>
    c.charCodeAt(0) < 0x20 || c.charCodeAt(0) === 0x7f ? "" : c,
  ).join("");
  const clean = printable.replace(/[<>:"|?*]/g, "_").trim();
  return (clean === "" || clean.startsWith(".") ? `file${clean}` : clean).slice(-100);
}

/** A checked upload, ready to store. */
export interface CheckedFile {
  fileName: string;
  mediaType: string;
  bytes: Buffer;
  sha256: string;
}

/**
 * Decodes and checks an upload: allowed extension, 1 byte … 10 MB, content matching the extension.
 * Throws `validation-failed` naming the file (`label` is 附件 or 佐证材料) and the request field
 * (`field` is the path of the upload in the body: `body.attachments.0`, `body`).
 */
export function checkUpload(
  rawName: string,
  contentBase64: string,
  where: { label: string; field: string },
): CheckedFile {
  const fileName = sanitizeFileName(rawName);
  const bytes = Buffer.from(contentBase64, "base64");
  const ext = /\.([a-z0-9]+)$/i.exec(fileName)?.[1]?.toLowerCase() ?? "";
  const kind = ALLOWED[ext];
  const { label, field } = where;
  if (kind === undefined) {
    throw new AppError(
      "validation-failed",
      `${label}“${fileName}”的类型不允许：只接受 pdf、图片（png/jpg）、docx、xlsx`,
      { fields: [{ path: `${field}.fileName`, message: `${label}类型不允许` }] },
    );
  }
  if (bytes.length === 0 || bytes.length > MAX_ATTACHMENT_BYTES) {
    const what = bytes.length === 0 ? "空文件" : "超过 10 MB";
    throw new AppError(
      "validation-failed",
      `${label}“${fileName}”${bytes.length === 0 ? "是空文件" : what}`,
      {
        fields: [{ path: `${field}.contentBase64`, message: what }],
      },
    );
  }
  if (!kind.magic.every((b, i) => bytes[i] === b)) {
    throw new AppError("validation-failed", `${label}“${fileName}”的内容与扩展名不符`, {
      fields: [{ path: `${field}.contentBase64`, message: "内容与扩展名不符" }],
    });
  }
  return {
    fileName,
    mediaType: kind.mediaType,
    bytes,
    sha256: createHash("sha256").update(bytes).digest("hex"),
  };
}

function storeDir(dataDir: string): string {
  return join(dataDir, "attachments");
}

/** Writes the file under the data folder by its hash, once, readable by the owner only. */
export function storeUpload(dataDir: string, file: CheckedFile): void {
  const dir = storeDir(dataDir);
  mkdirSync(dir, { recursive: true });
  const path = join(dir, file.sha256);
  if (!existsSync(path)) {
    writeFileSync(path, file.bytes, { mode: 0o600 });
  }
}

/** The stored bytes of a file by hash; `not-found` when the hash is malformed or the file is gone. */
export function loadUpload(dataDir: string, sha256: string): Buffer {
  if (!/^[0-9a-f]{64}$/.test(sha256)) {
    throw new AppError("not-found", "文件不存在");
  }
  const path = join(storeDir(dataDir), sha256);
  if (!existsSync(path)) {
    throw new AppError("not-found", "文件已不在存储目录中");
  }
  return readFileSync(path);
}
