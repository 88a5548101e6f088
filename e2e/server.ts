import { E2E_AUDIT_KEY, E2E_FIELD_KEY } from "./audit-key.ts";
import { cpSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { inject } from "vitest";
import { startServe, type ServeProcess } from "@luoshi/cli/serve-process";

/**
 * A luoshi server started the way a user starts it: `luoshi serve --demo` on a data folder of its own
 * that already holds the demo county (a copy of the one the run loaded once), or plain `luoshi serve`
 * on an empty folder, an installation waiting for its first-run setup.
 */
export interface RunningServer {
  url: string;
  logins: Map<string, string>;
  dataDir: string;
  /** Everything the server printed so far (its log lines): for tests that no personal value is logged. */
  output(): string;
  stop(): Promise<void>;
}

/** How long a fresh server may take to migrate, load the demo county and answer `/api/health`. */
const START_DEADLINE_MS = 90_000;

const sleep = (ms: number) =>
  new Promise<void>((resolve) => {
    setTimeout(resolve, ms);
  });

/** The demo logins the server printed: one line per account, login then its 14-character password. */
function parseLogins(output: string): Map<string, string> {
  const logins = new Map<string, string>();
  for (const line of output.split("\n")) {
    const m = /^(\w+)\s+(\S{14})\s+/.exec(line);
    if (m?.[1] !== undefined && m[2] !== undefined) {
      logins.set(m[1], m[2]);
    }
  }
  return logins;
}

/**
 * Starts the server and polls `GET /api/health` until it answers (or the deadline passes, or the
 * process exits: both fail with the server's output). The demo logins are printed before the server
 * listens, so they are read from the output once it is healthy.
 */
export async function startServer(
  extraEnv: Record<string, string> = {},
  options: { demo?: boolean } = {},
): Promise<RunningServer> {
  const demo = options.demo ?? true;
  const dataDir = mkdtempSync(join(tmpdir(), "luoshi-e2e-"));
  if (demo) {
    // The run's demo county, loaded once (global-setup.ts): the server finds it there and says so.
    cpSync(inject("demoDataDir"), dataDir, { recursive: true });
  }
  let server: ServeProcess;
  try {
    server = await startServe({
      dataDir,
      args: demo ? ["--demo"] : [],
      env: {
        LUOSHI_AUDIT_KEY: E2E_AUDIT_KEY,
        LUOSHI_FIELD_KEY: E2E_FIELD_KEY,
        // the browser tests of other features sign administrators in with a password only
        LUOSHI_REQUIRE_TOTP: "false",
        ...extraEnv,
      },
      deadlineMs: START_DEADLINE_MS,
    });
  } catch (error) {
    rmSync(dataDir, { recursive: true, force: true });
    throw error;
  }
  const deadline = Date.now() + START_DEADLINE_MS;

  // Everything printed before listen is in the pipe by now; let the stream deliver it.
  let logins = parseLogins(server.output());
  while (demo && logins.size === 0 && !server.output().includes("演示数据已存在") && Date.now() < deadline) {
    await sleep(20);
    logins = parseLogins(server.output());
  }
  return {
    url: server.url,
    logins,
    dataDir,
    output: () => server.output(),
    async stop() {
      await server.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
