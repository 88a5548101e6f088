import { cpSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { inject } from "vitest";
import {
  buildApp,
  cookieSecretFor,
  loadDemo,
  openServices,
  parseConfig,
  VERSION,
  WEB_DIST,
} from "@luoshi/server";
import { E2E_AUDIT_KEY, E2E_FIELD_KEY } from "./audit-key.ts";
import type { RunningServer } from "./server.ts";

/** A demo server whose clock the test sets: the services' `now` is the real time plus an offset. */
export interface ClockServer extends RunningServer {
  /** From now on the server's clock reads `at` (and runs on from there); null: the real time. */
  setClock(at: Date | null): void;
  /** The server's clock. */
  now(): Date;
}

/**
 * The demo county served in this process rather than by `luoshi serve`, so that a test can move the
 * services' clock between steps — a 督查室's month (立项 at its start, 催办 after the 25th, the 月通报
 * once it has ended) walked in minutes. Everything else is what `luoshi serve --demo` builds: the same
 * copy of the run's demo folder, migrations, app, web pages and logins.
 */
export async function startClockServer(): Promise<ClockServer> {
  const dataDir = mkdtempSync(join(tmpdir(), "luoshi-e2e-clock-"));
  cpSync(inject("demoDataDir"), dataDir, { recursive: true });
  const parsed = parseConfig({
    LUOSHI_DATA_DIR: dataDir,
    LUOSHI_AUDIT_KEY: E2E_AUDIT_KEY,
    LUOSHI_FIELD_KEY: E2E_FIELD_KEY,
    LUOSHI_REQUIRE_TOTP: "false",
    PORT: "1",
  });
  if (parsed.config === undefined) {
    rmSync(dataDir, { recursive: true, force: true });
    throw new Error(parsed.problems.join("; "));
  }
  const config = parsed.config;
  let offset = 0;
  const now = () => new Date(Date.now() + offset);
  const opened = await openServices(config);
  const deps = { ...opened, now };
  const { logins } = await loadDemo(deps);
  const app = await buildApp(deps, {
    setupToken: null,
    cookieSecret: cookieSecretFor(config),
    webDir: WEB_DIST,
    logger: false,
    version: VERSION,
  });
  const address = await app.listen({ port: 0, host: "127.0.0.1" });
  return {
    url: address,
    logins: new Map(logins.map((l) => [l.login, l.password])),
    dataDir,
    // served in this process with the logger off: it prints nothing
    output: () => "",
    now,
    setClock(at) {
      offset = at === null ? 0 : at.getTime() - Date.now();
    },
    async stop() {
      await app.close();
      await deps.handle.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
