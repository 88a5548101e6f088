import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const CLI = fileURLToPath(new URL("../packages/cli/bin/luoshi.js", import.meta.url));

/** A luoshi server started the way a user starts it: `luoshi serve --demo` on a fresh data folder. */
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

/** Starts the server and waits until it listens; collects the printed demo logins. */
export async function startServer(extraEnv: Record<string, string> = {}): Promise<RunningServer> {
  const dataDir = mkdtempSync(join(tmpdir(), "luoshi-e2e-"));
  const port = await freePort();
  const child: ChildProcess = spawn(process.execPath, [CLI, "serve", "--demo"], {
    env: { ...process.env, LUOSHI_DATA_DIR: dataDir, PORT: String(port), LOG_LEVEL: "warn", ...extraEnv },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  const logins = new Map<string, string>();
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => {
      reject(new Error(`server did not start in time:\n${output}`));
    }, 90_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes("已启动")) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout?.on("data", onData);
    child.stderr?.on("data", onData);
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${String(code)}:\n${output}`));
    });
  });
  for (const line of output.split("\n")) {
    const m = /^(\w+)\s+(\S{14})\s+/.exec(line);
    if (m?.[1] !== undefined && m[2] !== undefined) {
      logins.set(m[1], m[2]);
    }
  }
  return {
    url: `http://127.0.0.1:${port}`,
    logins,
    dataDir,
    async stop() {
      child.removeAllListeners("exit");
      const exited = new Promise((resolve) => child.once("exit", resolve));
      child.kill("SIGTERM");
      await exited;
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
