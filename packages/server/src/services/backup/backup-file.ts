import {
  createCipheriv,
  createDecipheriv,
  createHash,
  createHmac,
  hkdfSync,
  randomBytes,
  scryptSync,
  timingSafeEqual,
} from "node:crypto";
import { z } from "zod";
import { AppError } from "../../errors.ts";

/**
 * The encrypted backup file (docs/backup.md):
 *
 *     LUOSHI-BACKUP 1\n
 *     {header as JSON}\n
 *     ciphertext ‖ tag
 *
 * The header names the algorithm, the key's id and how the key was made; it is authenticated with the
 * content (additional data), so it cannot be changed without the file being refused. The content key is
 * derived per file (HKDF-SHA256 with the file's salt) from a 32-byte key, or from a passphrase through
 * scrypt. Two algorithms: AES-256-GCM, and for 国密 SM4-CTR with HMAC-SM3 (encrypt-then-MAC; Node's
 * OpenSSL offers no SM4-GCM).
 */

const MAGIC = "LUOSHI-BACKUP 1\n";

/** The ciphers a backup can be written with. */
export const BACKUP_ALGORITHMS = ["aes-256-gcm", "sm4-ctr-hmac-sm3"] as const;
export type BackupAlgorithm = (typeof BACKUP_ALGORITHMS)[number];

/** Where the key comes from: 32 bytes of key material, or a passphrase. */
export type BackupKey = { kind: "key"; material: Buffer } | { kind: "passphrase"; passphrase: string };

const SCRYPT = { N: 2 ** 15, r: 8, p: 1 } as const;

const Header = z.object({
  format: z.literal("luoshi-backup"),
  algorithm: z.enum(BACKUP_ALGORITHMS),
  key: z.object({
    source: z.enum(["key", "passphrase"]),
    id: z.string(),
    kdf: z.object({ name: z.literal("scrypt"), N: z.number(), r: z.number(), p: z.number() }).optional(),
  }),
  salt: z.string(),
  iv: z.string(),
  createdAt: z.string(),
  engine: z.string(),
  migrations: z.array(z.string()),
  rows: z.record(z.string(), z.number()),
});
/** What a backup file says about itself, readable without the key. */
export type BackupHeader = z.infer<typeof Header>;
/** The header fields the writer supplies (the crypto fields are filled in here). */
export type BackupHeaderInput = Omit<BackupHeader, "format" | "algorithm" | "key" | "salt" | "iv">;

/** Reads a key file or key text: 64 hex digits, or exactly 32 raw bytes. */
export function parseBackupKey(bytes: Buffer): Buffer {
  const text = bytes.toString("utf8").trim();
  if (/^[0-9a-fA-F]{64}$/.test(text)) {
    return Buffer.from(text, "hex");
  }
  if (bytes.length === 32) {
    return bytes;
  }
  throw new AppError(
    "validation-failed",
    "备份密钥应为 64 位十六进制数字（32 字节），或恰好 32 字节的密钥文件",
  );
}

/** The master key for one file, and the id that names it (a fingerprint, not the key). */
function master(key: BackupKey, salt: Buffer): { bytes: Buffer; id: string } {
  const bytes =
    key.kind === "key"
      ? key.material
      : scryptSync(key.passphrase.normalize("NFC"), salt, 32, { ...SCRYPT, maxmem: 64 * 1024 * 1024 });
  const id = createHash("sha256").update("luoshi-backup-key-id\0").update(bytes).digest("hex").slice(0, 16);
  return { bytes, id };
}

function contentKeys(
  algorithm: BackupAlgorithm,
  masterKey: Buffer,
  salt: Buffer,
): { enc: Buffer; mac: Buffer } {
  const okm = Buffer.from(hkdfSync("sha256", masterKey, salt, `luoshi-backup ${algorithm}`, 64));
  return algorithm === "aes-256-gcm"
    ? { enc: okm.subarray(0, 32), mac: Buffer.alloc(0) }
    : { enc: okm.subarray(0, 16), mac: okm.subarray(32, 64) };
}

/** Encrypts `content` into a backup file with `header`. */
export function sealBackup(
  content: Buffer,
  header: BackupHeaderInput,
  key: BackupKey,
  algorithm: BackupAlgorithm,
): { file: Buffer; header: BackupHeader } {
  const salt = randomBytes(16);
  const m = master(key, salt);
  const iv = randomBytes(algorithm === "aes-256-gcm" ? 12 : 16);
  const full: BackupHeader = {
    format: "luoshi-backup",
    algorithm,
    key: {
      source: key.kind,
      id: m.id,
      ...(key.kind === "passphrase" ? { kdf: { name: "scrypt" as const, ...SCRYPT } } : {}),
    },
    salt: salt.toString("base64"),
    iv: iv.toString("base64"),
    ...header,
  };
  const head = Buffer.from(`${MAGIC}${JSON.stringify(full)}\n`, "utf8");
  const keys = contentKeys(algorithm, m.bytes, salt);
  let body: Buffer;
  let tag: Buffer;
  if (algorithm === "aes-256-gcm") {
    const cipher = createCipheriv("aes-256-gcm", keys.enc, iv);
    cipher.setAAD(head);
    body = Buffer.concat([cipher.update(content), cipher.final()]);
    tag = cipher.getAuthTag();
  } else {
    const cipher = createCipheriv("sm4-ctr", keys.enc, iv);
    body = Buffer.concat([cipher.update(content), cipher.final()]);
    tag = createHmac("sm3", keys.mac).update(head).update(body).digest();
  }
  return { file: Buffer.concat([head, body, tag]), header: full };
}

/** The header of a backup file, or a clear refusal when the file is not one. */
export function readBackupHeader(file: Buffer): { header: BackupHeader; headLength: number } {
  const magic = Buffer.from(MAGIC, "utf8");
  if (file.length < magic.length || !file.subarray(0, magic.length).equals(magic)) {
    throw new AppError("validation-failed", "不是落实备份文件（文件开头不是 LUOSHI-BACKUP 1）");
  }
  const end = file.indexOf(0x0a, magic.length);
  const parsed = end < 0 ? undefined : safeJson(file.subarray(magic.length, end).toString("utf8"));
  const header = Header.safeParse(parsed);
  if (end < 0 || !header.success) {
    throw new AppError("validation-failed", "备份文件头已损坏，无法读取（第 2 行）");
  }
  return { header: header.data, headLength: end + 1 };
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/**
 * Decrypts a backup file; refuses a wrong key (its id differs from the header's) or a file whose
 * integrity check fails, before anything is read from the content.
 */
export function openBackup(file: Buffer, key: BackupKey): { header: BackupHeader; content: Buffer } {
  const { header, headLength } = readBackupHeader(file);
  if (header.key.source !== key.kind) {
    throw new AppError(
      "validation-failed",
      header.key.source === "key"
        ? "该备份用密钥加密：请给出密钥（LUOSHI_BACKUP_KEY 或 --key-file），而不是口令"
        : "该备份用口令加密：请给出口令（LUOSHI_BACKUP_PASSPHRASE 或 --passphrase-stdin），而不是密钥",
    );
  }
  const salt = Buffer.from(header.salt, "base64");
  const m = master(key, salt);
  if (m.id !== header.key.id) {
    throw new AppError(
      "validation-failed",
      key.kind === "key"
        ? `密钥不对：该备份用标识为 ${header.key.id} 的密钥加密，给出的密钥标识为 ${m.id}；未恢复任何数据`
        : "口令不对：无法解密该备份；未恢复任何数据",
    );
  }
  const tagLength = 32;
  const gcmTag = 16;
  const head = file.subarray(0, headLength);
  const keys = contentKeys(header.algorithm, m.bytes, salt);
  const iv = Buffer.from(header.iv, "base64");
  const corrupted = () =>
    new AppError("validation-failed", "备份文件已损坏或被改动（完整性校验未通过）；未恢复任何数据");
  try {
    if (header.algorithm === "aes-256-gcm") {
      if (file.length < headLength + gcmTag) {
        throw corrupted();
      }
      const decipher = createDecipheriv("aes-256-gcm", keys.enc, iv);
      decipher.setAAD(head);
      decipher.setAuthTag(file.subarray(file.length - gcmTag));
      const body = file.subarray(headLength, file.length - gcmTag);
      return { header, content: Buffer.concat([decipher.update(body), decipher.final()]) };
    }
    if (file.length < headLength + tagLength) {
      throw corrupted();
    }
    const body = file.subarray(headLength, file.length - tagLength);
    const expected = createHmac("sm3", keys.mac).update(head).update(body).digest();
    if (!timingSafeEqual(expected, file.subarray(file.length - tagLength))) {
      throw corrupted();
    }
    const decipher = createDecipheriv("sm4-ctr", keys.enc, iv);
    return { header, content: Buffer.concat([decipher.update(body), decipher.final()]) };
  } catch (error) {
    if (error instanceof AppError) {
      throw error;
    }
    throw corrupted();
  }
}
