import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import { existsSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { installationRepo, orgUnitRepo } from "@luoshi/db";
import type { ServiceDeps } from "../../context.ts";

/** The file in the data folder that holds the first-run page's setup token (mode 600). */
export const SETUP_TOKEN_FILE = "setup-token.txt";

const tokenFile = (dataDir: string) => join(dataDir, SETUP_TOKEN_FILE);

/**
 * The setup token for an empty database: kept in the data folder (so a restart shows the same one) and
 * printed by `luoshi serve`, so that only someone with access to the server can claim the installation
 * on the first-run page. Null — and the file removed — once the database holds a jurisdiction.
 */
export async function prepareSetupToken(deps: ServiceDeps): Promise<string | null> {
  const { db } = deps.handle;
  const file = tokenFile(deps.config.dataDir);
  if ((await installationRepo.get(db)) !== undefined || (await orgUnitRepo.count(db)) > 0) {
    discardSetupToken(deps.config.dataDir);
    return null;
  }
  if (existsSync(file)) {
    const kept = readFileSync(file, "utf8").trim();
    if (kept !== "") {
      return kept;
    }
  }
  const token = randomBytes(18).toString("base64url");
  writeFileSync(file, `${token}\n`, { mode: 0o600 });
  return token;
}

/** Removes the token file once it has served (initialisation done). */
export function discardSetupToken(dataDir: string): void {
  rmSync(tokenFile(dataDir), { force: true });
}

const digest = (s: string) => createHash("sha256").update(s, "utf8").digest();

/** Compares a presented token with the expected one in constant time; false when there is none. */
export function setupTokenMatches(expected: string | null | undefined, presented: string): boolean {
  if (expected === null || expected === undefined || expected === "") {
    return false;
  }
  return timingSafeEqual(digest(expected), digest(presented.trim()));
}
