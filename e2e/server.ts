import { spawn, type ChildProcess } from "node:child_process";
import { E2E_AUDIT_KEY, E2E_FIELD_KEY } from "./audit-key.ts";
import { cpSync, mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { inject } from "vitest";

const CLI = fileURLToPath(new URL("../packages/cli/bin/luoshi.js", import.meta.url));

/**
 * A luoshi server started the way a user starts it: `luoshi serve --demo` on a data folder of its own
 * that already holds the demo county (a copy of the one the run loaded once), or plain `luoshi serve`
 * on an empty folder, an installation waiting for its first-run setup.
 */
export interface RunningServer {
  url: string;
  logins: Map<string, string>;
  dataDir: string;
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      const port = typeof address === "object" && address !== null ? address.port : 0;
      probe.close(() => {
        resolve(port);
      });
    });
  });
}

/** How long a fresh server may take to migrate, load the demo county and answer `/api/health`. */
const START_DEADLINE_MS = 90_000;
/** Pause between two health probes. */
const PROBE_INTERVAL_MS = 250;

const sleep = (ms: number) =>
  new Promise<void>((resolve) => {
    setTimeout(resolve, ms);
  });

/** True once `GET {url}/api/health` answers 200 with `status: "ok"`. */
async function isHealthy(url: string): Promise<boolean> {
  try {
    const response = await fetch(`${url}/api/health`, { signal: AbortSignal.timeout(2_000) });
    if (!response.ok) {
      return false;
    }
    const body = (await response.json()) as { status?: unknown };
    return body.status === "ok";
  } catch {
    return false; // not listening yet
  }
}

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
  const port = await freePort();
  const url = `http://127.0.0.1:${String(port)}`;
  const child: ChildProcess = spawn(process.execPath, [CLI, "serve", ...(demo ? ["--demo"] : [])], {
    env: {
      ...process.env,
      LUOSHI_DATA_DIR: dataDir,
      PORT: String(port),
      LOG_LEVEL: "warn",
      LUOSHI_AUDIT_KEY: E2E_AUDIT_KEY,
      LUOSHI_FIELD_KEY: E2E_FIELD_KEY,
      // the browser tests of other features sign administrators in with a password only
      LUOSHI_REQUIRE_TOTP: "false",
      ...extraEnv,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  let exitCode: number | null | undefined;
  const onData = (chunk: Buffer) => {
    output += chunk.toString();
  };
  child.stdout?.on("data", onData);
  child.stderr?.on("data", onData);
  child.once("exit", (code) => {
    exitCode = code;
  });
  const fail = (message: string): Error => {
    child.kill("SIGTERM");
    rmSync(dataDir, { recursive: true, force: true });
    return new Error(`${message}\n--- server output ---\n${output}`);
  };

  const deadline = Date.now() + START_DEADLINE_MS;
  for (;;) {
    if (exitCode !== undefined) {
      throw fail(`the server exited with ${String(exitCode)} before answering ${url}/api/health`);
    }
    if (await isHealthy(url)) {
      break;
    }
    if (Date.now() > deadline) {
      throw fail(`${url}/api/health did not answer within ${String(START_DEADLINE_MS / 1000)} s`);
    }
    await sleep(PROBE_INTERVAL_MS);
  }

  // Everything printed before listen is in the pipe by now; let the stream deliver it.
  let logins = parseLogins(output);
  while (demo && logins.size === 0 && !output.includes("演示数据已存在") && Date.now() < deadline) {
    await sleep(20);
    logins = parseLogins(output);
  }
  return {
    url,
    logins,
    dataDir,
    async stop() {
      if (exitCode === undefined) {
        const exited = new Promise((resolve) => child.once("exit", resolve));
        child.kill("SIGTERM");
        await exited;
      }
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
