import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { attachAuditKey, auditRepo, migrate, openDatabase } from "@luoshi/db";
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
