import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { migrate, openDatabase } from "@luoshi/db";
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
  return { handle, config, now: () => new Date(), applied };
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
