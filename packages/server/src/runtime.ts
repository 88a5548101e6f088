import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import {
  attachAuditKey,
  attachFieldKeyring,
  auditRepo,
  FieldCryptoError,
  formatFieldKeyring,
  migrate,
  newFieldKeyring,
  openDatabase,
  parseFieldKeyring,
  type FieldKeyring,
} from "@luoshi/db";
import { AppError } from "./errors.ts";
import type { Config } from "./config.ts";
import type { ServiceDeps } from "./context.ts";

/** The version shown by /api/health and the OpenAPI document. */
export const VERSION = "0.1.0";

/** Where the built web app lives in this checkout. */
export const WEB_DIST = fileURLToPath(new URL("../../web/dist/", import.meta.url));

/** Opens the configured database and applies pending migrations. */
export async function openServices(config: Config): Promise<ServiceDeps & { applied: string[] }> {
  mkdirSync(config.dataDir, { recursive: true });
  const handle = await openDatabase(config.database);
  const applied = await migrate(handle);
  const key = auditKeyFor(config);
  attachAuditKey(handle.db, key);
  await auditRepo.ensureGenesis(handle.db, key);
  attachFieldKeyring(handle.db, fieldKeyringFor(config));
  // the migrations ran as the owner; everything after acts as the application's role (security.md)
  await handle.useAppRole();
  return { handle, config, now: () => new Date(), applied };
}

/** Where the audit key is kept when the environment gives none: a file beside the data folder. */
export const auditKeyFile = (config: Config): string => `${config.dataDir}-audit.key`;

/**
 * The audit key: LUOSHI_AUDIT_KEY, else the key file beside the data folder (not inside it, so that a
 * copy of the data folder does not carry it), generated there (mode 600) on first start.
 */
export function auditKeyFor(config: Config): Buffer {
  if (config.auditKey !== undefined) {
    return Buffer.from(config.auditKey, "utf8");
  }
  const file = auditKeyFile(config);
  if (existsSync(file)) {
    return Buffer.from(readFileSync(file, "utf8").trim(), "utf8");
  }
  const key = randomBytes(32).toString("base64url");
  writeFileSync(file, key, { mode: 0o600, flag: "wx" });
  return Buffer.from(key, "utf8");
}

/** Where the field keyring is kept when the environment gives none: a file beside the data folder. */
export const fieldKeyFile = (config: Config): string => `${config.dataDir}-field.key`;

/**
 * The field keyring (docs/personal-data.md): LUOSHI_FIELD_KEY, else the key file beside the data folder
 * (not inside it, so that neither a copy of the folder nor a backup carries it), generated there (mode
 * 600) on first start. A key file that cannot be read stops the start with a message naming it.
 */
export function fieldKeyringFor(config: Config): FieldKeyring {
  const file = fieldKeyFile(config);
  const source = config.fieldKey !== undefined ? "LUOSHI_FIELD_KEY" : file;
  try {
    if (config.fieldKey !== undefined) {
      return parseFieldKeyring(config.fieldKey);
    }
    if (existsSync(file)) {
      return parseFieldKeyring(readFileSync(file, "utf8"));
    }
  } catch (error) {
    if (error instanceof FieldCryptoError) {
      throw new AppError("validation-failed", `字段密钥（${source}）有误：${error.message}`);
    }
    throw error;
  }
  const ring = newFieldKeyring();
  writeFileSync(file, formatFieldKeyring(ring), { mode: 0o600, flag: "wx" });
  return ring;
}

/**
 * Replaces the key file with `ring` (mode 600): written beside it first and renamed over it, so that a
 * crash leaves either the old file or the new one, never half of one.
 */
export function writeFieldKeyFile(file: string, ring: FieldKeyring): void {
  const tmp = `${file}.new`;
  writeFileSync(tmp, formatFieldKeyring(ring), { mode: 0o600 });
  renameSync(tmp, file);
}

/**
 * The cookie secret: from the configuration, else generated once into the data folder (mode 600), so
 * that restarts keep CSRF cookies valid without anyone having to invent a secret.
 */
export function cookieSecretFor(config: Config): string {
  if (config.cookieSecret !== undefined) {
    return config.cookieSecret;
  }
  const file = join(config.dataDir, "cookie-secret");
  if (existsSync(file)) {
    return readFileSync(file, "utf8").trim();
  }
  const secret = randomBytes(32).toString("base64url");
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}
