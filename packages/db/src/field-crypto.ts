import {
  createCipheriv,
  createDecipheriv,
  createHmac,
  hkdfSync,
  randomBytes,
  timingSafeEqual,
} from "node:crypto";
import type { Kysely } from "kysely";
import { Sm3Mac, Sm4CbcStream } from "./field-crypto-fast.ts";
import type { Database } from "./schema.ts";

/**
 * Per-field encryption of personal data (docs/personal-data.md).
 *
 * A column that holds a child's or a family's 身份证号, phone, address or contacts stores
 * `encryptField(db, plain)`: a self-describing text `<key id>:<algorithm>:<base64 of iv ‖ ciphertext ‖ tag>`.
 * The key id names which key of the installation's keyring sealed it, so `decryptField` opens values of
 * any key still in the ring and a rotation can re-encrypt column by column. Two algorithms:
 *
 * - `sm4` (default, 国密, GB/T 39786): SM4-CBC with a random IV, then HMAC-SM3 over the prefix, IV and
 *   ciphertext (encrypt-then-MAC; Node's OpenSSL offers no SM4-GCM);
 * - `aes`: AES-256-GCM with the prefix as additional data.
 *
 * Each key in the ring is 32 bytes of master material; the cipher and MAC keys are derived from it by
 * HKDF-SM3 per algorithm, so one key never serves two purposes. The prefix is authenticated, so a value
 * cannot be moved to another key id or algorithm without being refused.
 *
 * `blindIndex` gives a keyed hash of a normalised value (HMAC-SM3 with the ring's separate index key), for
 * exact-match lookups and list matching without decrypting anything.
 *
 * The keyring lives outside the database (a key file beside the data folder, or LUOSHI_FIELD_KEY), and is
 * attached to the open database handle the way the audit key is.
 */

/** The ciphers a field can be sealed with. */
export const FIELD_ALGORITHMS = ["sm4", "aes"] as const;
export type FieldAlgorithm = (typeof FIELD_ALGORITHMS)[number];

/** An installation's field keys: the id new values are sealed with, every key still readable, the index key. */
export interface FieldKeyring {
  /** The key id new values are encrypted with. */
  readonly current: string;
  /** Every key id → 32 bytes of key material; older keys stay so that older values and backups open. */
  readonly keys: ReadonlyMap<string, Buffer>;
  /** The key of blind indexes (HMAC-SM3); not rotated with the field keys. */
  readonly indexKey: Buffer;
  /** The algorithm new values are sealed with; `sm4` when not given. */
  readonly algorithm?: FieldAlgorithm;
}

/** Raised when a stored value cannot be opened: unknown key id, bad format, or failed integrity check. */
export class FieldCryptoError extends Error {
  override readonly name = "FieldCryptoError";
}

const KEY_ID = /^[A-Za-z0-9_-]{1,32}$/;

const rings = new WeakMap<Kysely<Database>, FieldKeyring>();

/** Checks a keyring's shape: key ids, key lengths, and that the current key is in the ring. */
export function checkFieldKeyring(keyring: FieldKeyring): FieldKeyring {
  if (!keyring.keys.has(keyring.current)) {
    throw new FieldCryptoError(`字段密钥环中没有当前密钥 ${keyring.current}`);
  }
  for (const [id, key] of keyring.keys) {
    if (!KEY_ID.test(id)) {
      throw new FieldCryptoError(`字段密钥编号 ${id} 只能由字母、数字、- 和 _ 组成（至多 32 个字符）`);
    }
    if (key.length !== 32) {
      throw new FieldCryptoError(`字段密钥 ${id} 应为 32 字节，实际 ${String(key.length)} 字节`);
    }
  }
  if (keyring.indexKey.length !== 32) {
    throw new FieldCryptoError("盲索引密钥应为 32 字节");
  }
  return keyring;
}

/** Gives the open database its field keyring; every encrypted column read or written through it uses it. */
export function attachFieldKeyring(db: Kysely<Database>, keyring: FieldKeyring): void {
  rings.set(db, checkFieldKeyring(keyring));
}

/** The field keyring of a database or of a transaction on it; throws when none was attached. */
export function fieldKeyring(db: Kysely<Database>): FieldKeyring {
  const ring = rings.get(db);
  if (ring === undefined) {
    throw new FieldCryptoError("数据库未加载字段密钥（个人信息无法加密或解密）");
  }
  return ring;
}

/** Hands a database's keyring to a transaction on it. */
export function inheritFieldKeyring(from: Kysely<Database>, to: Kysely<Database>): void {
  const ring = rings.get(from);
  if (ring !== undefined) {
    rings.set(to, ring);
  }
}

interface SubKeys {
  enc: Buffer;
  mac: Buffer;
  /** SM4 only: the HMAC-SM3 of the tag and the CBC stream, set up once (field-crypto-fast.ts). */
  tag?: Sm3Mac;
  stream?: Sm4CbcStream;
}

const subKeyCache = new WeakMap<Buffer, Map<FieldAlgorithm, SubKeys>>();

function subKeys(master: Buffer, algorithm: FieldAlgorithm): SubKeys {
  let perAlg = subKeyCache.get(master);
  if (perAlg === undefined) {
    perAlg = new Map();
    subKeyCache.set(master, perAlg);
  }
  const cached = perAlg.get(algorithm);
  if (cached !== undefined) {
    return cached;
  }
  const okm = Buffer.from(hkdfSync("sm3", master, Buffer.alloc(0), `luoshi-field ${algorithm}`, 64));
  const keys: SubKeys =
    algorithm === "sm4"
      ? { enc: okm.subarray(0, 16), mac: okm.subarray(32, 64) }
      : { enc: okm.subarray(0, 32), mac: Buffer.alloc(0) };
  if (algorithm === "sm4") {
    keys.tag = new Sm3Mac(keys.mac);
    keys.stream = new Sm4CbcStream(keys.enc);
  }
  perAlg.set(algorithm, keys);
  return keys;
}

const SM4_IV = 16;
const SM3_TAG = 32;
const GCM_IV = 12;
const GCM_TAG = 16;

/** Encrypts one value with a keyring's current key (or the key id given). */
export function encryptWith(
  keyring: FieldKeyring,
  plain: string,
  keyId: string = keyring.current,
  algorithm: FieldAlgorithm = keyring.algorithm ?? "sm4",
): string {
  const master = keyring.keys.get(keyId);
  if (master === undefined) {
    throw new FieldCryptoError(`字段密钥环中没有密钥 ${keyId}`);
  }
  const prefix = `${keyId}:${algorithm}:`;
  const k = subKeys(master, algorithm);
  const data = Buffer.from(plain, "utf8");
  if (algorithm === "sm4" && k.stream !== undefined && k.tag !== undefined) {
    const { iv, ct } = k.stream.encrypt(data);
    const tag = k.tag.mac(prefix, iv, ct);
    return prefix + Buffer.concat([iv, ct, tag]).toString("base64");
  }
  const iv = randomBytes(GCM_IV);
  const cipher = createCipheriv("aes-256-gcm", k.enc, iv);
  cipher.setAAD(Buffer.from(prefix, "utf8"));
  const ct = Buffer.concat([cipher.update(data), cipher.final()]);
  return prefix + Buffer.concat([iv, ct, cipher.getAuthTag()]).toString("base64");
}

/** The key id and algorithm a stored value names, without opening it (for rotation and reports). */
export function describeField(stored: string): { keyId: string; algorithm: FieldAlgorithm } {
  const parts = stored.split(":");
  const [keyId, algorithm] = parts;
  if (parts.length !== 3 || keyId === undefined || !KEY_ID.test(keyId) || !isAlgorithm(algorithm)) {
    throw new FieldCryptoError("加密字段格式不对（应为 密钥编号:算法:密文）");
  }
  return { keyId, algorithm };
}

function isAlgorithm(a: string | undefined): a is FieldAlgorithm {
  return a === "sm4" || a === "aes";
}

/** Opens one value sealed with any key of the keyring. */
export function decryptWith(keyring: FieldKeyring, stored: string): string {
  const { keyId, algorithm } = describeField(stored);
  const master = keyring.keys.get(keyId);
  if (master === undefined) {
    throw new FieldCryptoError(`字段密钥环中没有密钥 ${keyId}（该值由另一把密钥加密）`);
  }
  const prefix = `${keyId}:${algorithm}:`;
  const blob = Buffer.from(stored.slice(prefix.length), "base64");
  const k = subKeys(master, algorithm);
  try {
    if (algorithm === "sm4") {
      if (blob.length < SM4_IV + 16 + SM3_TAG) {
        throw new FieldCryptoError("加密字段过短");
      }
      const iv = blob.subarray(0, SM4_IV);
      const ct = blob.subarray(SM4_IV, blob.length - SM3_TAG);
      const tag = blob.subarray(blob.length - SM3_TAG);
      const expected =
        k.tag?.mac(prefix, iv, ct) ?? createHmac("sm3", k.mac).update(prefix).update(iv).update(ct).digest();
      if (!timingSafeEqual(tag, expected)) {
        throw new FieldCryptoError("加密字段完整性校验失败（数据被改动或密钥不对）");
      }
      const decipher = createDecipheriv("sm4-cbc", k.enc, iv);
      return Buffer.concat([decipher.update(ct), decipher.final()]).toString("utf8");
    }
    if (blob.length < GCM_IV + GCM_TAG) {
      throw new FieldCryptoError("加密字段过短");
    }
    const decipher = createDecipheriv("aes-256-gcm", k.enc, blob.subarray(0, GCM_IV));
    decipher.setAAD(Buffer.from(prefix, "utf8"));
    decipher.setAuthTag(blob.subarray(blob.length - GCM_TAG));
    return Buffer.concat([
      decipher.update(blob.subarray(GCM_IV, blob.length - GCM_TAG)),
      decipher.final(),
    ]).toString("utf8");
  } catch (e) {
    if (e instanceof FieldCryptoError) {
      throw e;
    }
    throw new FieldCryptoError("加密字段完整性校验失败（数据被改动或密钥不对）");
  }
}

/** Encrypts one personal-data value with the database's current field key. */
export function encryptField(db: Kysely<Database>, plain: string): string {
  return encryptWith(fieldKeyring(db), plain);
}

/** Opens one stored personal-data value, whichever key of the ring sealed it. */
export function decryptField(db: Kysely<Database>, stored: string): string {
  return decryptWith(fieldKeyring(db), stored);
}

/**
 * The normal form a value is indexed in, per kind: an ID number trimmed, without inner spaces,
 * full-width characters folded and the check letter upper-cased; a phone number its digits without a
 * leading +86/0086; a name without spaces; anything else trimmed with full-width characters folded.
 */
export function normaliseForIndex(kind: string, value: string): string {
  const folded = value.normalize("NFKC").trim();
  switch (kind) {
    case "idNumber":
      return folded.replace(/\s+/g, "").toUpperCase();
    case "phone": {
      const digits = folded.replace(/\D+/g, "");
      return digits.replace(/^(0086|86)(?=1\d{10}$)/, "");
    }
    case "name":
      return folded.replace(/\s+/g, "").replace(/[\u00b7\u2022\u30fb.]/g, "·");
    default:
      return folded;
  }
}

/** A keyed hash of a value for exact-match lookups: HMAC-SM3 of `kind`, NUL and the normalised value. */
export function blindIndexWith(keyring: FieldKeyring, kind: string, value: string): string {
  let mac = indexMacs.get(keyring.indexKey);
  if (mac === undefined) {
    mac = new Sm3Mac(keyring.indexKey);
    indexMacs.set(keyring.indexKey, mac);
  }
  return mac.mac(kind, "\0", normaliseForIndex(kind, value)).toString("hex");
}

const indexMacs = new WeakMap<Buffer, Sm3Mac>();

/** A blind index of `value` with the database's index key (64 hex digits). */
export function blindIndex(db: Kysely<Database>, kind: string, value: string): string {
  return blindIndexWith(fieldKeyring(db), kind, value);
}

/** A new keyring with one key `k1` and an index key, from the system's random source. */
export function newFieldKeyring(): FieldKeyring {
  return { current: "k1", keys: new Map([["k1", randomBytes(32)]]), indexKey: randomBytes(32) };
}

/** The keyring with one more key, made current: `k<n+1>` after the highest `k<n>`. */
export function addFieldKey(keyring: FieldKeyring): FieldKeyring {
  let n = 0;
  for (const id of keyring.keys.keys()) {
    const m = /^k(\d+)$/.exec(id);
    if (m?.[1] !== undefined) {
      n = Math.max(n, Number(m[1]));
    }
  }
  const id = `k${String(n + 1)}`;
  return { ...keyring, current: id, keys: new Map([...keyring.keys, [id, randomBytes(32)]]) };
}

/**
 * The text of a key file or of LUOSHI_FIELD_KEY: `name=value` entries, one per line or separated by
 * `;` — `current=<id>`, `index=<64 hex>`, `algorithm=sm4|aes` (optional), and `key.<id>=<64 hex>` per key.
 * `oneLine` gives the `;`-separated form without the comment, for LUOSHI_FIELD_KEY.
 */
export function formatFieldKeyring(keyring: FieldKeyring, options: { oneLine?: boolean } = {}): string {
  const lines = [
    "# luoshi 字段密钥（个人信息加密）。保存在数据库和备份之外；丢失则加密的个人信息无法恢复。",
    `current=${keyring.current}`,
    ...(keyring.algorithm === undefined ? [] : [`algorithm=${keyring.algorithm}`]),
    `index=${keyring.indexKey.toString("hex")}`,
    ...[...keyring.keys].map(([id, key]) => `key.${id}=${key.toString("hex")}`),
  ];
  return options.oneLine === true ? lines.slice(1).join(";") : `${lines.join("\n")}\n`;
}

/** Reads the text {@link formatFieldKeyring} writes; throws a Chinese message naming what is wrong. */
export function parseFieldKeyring(text: string): FieldKeyring {
  let current: string | undefined;
  let indexKey: Buffer | undefined;
  let algorithm: FieldAlgorithm | undefined;
  const keys = new Map<string, Buffer>();
  const hex = (name: string, value: string): Buffer => {
    if (!/^[0-9a-fA-F]{64}$/.test(value)) {
      throw new FieldCryptoError(`字段密钥 ${name} 应为 64 位十六进制数字`);
    }
    return Buffer.from(value, "hex");
  };
  for (const raw of text.split(/[\n;]/)) {
    const entry = raw.trim();
    if (entry === "" || entry.startsWith("#")) {
      continue;
    }
    const eq = entry.indexOf("=");
    const name = eq < 0 ? entry : entry.slice(0, eq).trim();
    const value = eq < 0 ? "" : entry.slice(eq + 1).trim();
    if (name === "current") {
      current = value;
    } else if (name === "index") {
      indexKey = hex(name, value);
    } else if (name === "algorithm") {
      if (!isAlgorithm(value)) {
        throw new FieldCryptoError("字段密钥 algorithm 只能是 sm4 或 aes");
      }
      algorithm = value;
    } else if (name.startsWith("key.")) {
      keys.set(name.slice(4), hex(name, value));
    } else {
      throw new FieldCryptoError(`字段密钥中有无法识别的项 ${name}`);
    }
  }
  if (current === undefined || indexKey === undefined || keys.size === 0) {
    throw new FieldCryptoError("字段密钥不完整：需要 current=、index= 和至少一个 key.<编号>=");
  }
  return checkFieldKeyring({ current, keys, indexKey, ...(algorithm === undefined ? {} : { algorithm }) });
}
