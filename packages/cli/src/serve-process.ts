/**
 * `luoshi serve` in a child process on a free loopback port, started the way a user starts it and
 * awaited until `GET /api/health` answers: for the browser tests, the kill -9 test and the load
 * benchmark, which all need a real server process.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { createServer } from "node:net";
import { fileURLToPath } from "node:url";

const CLI = fileURLToPath(new URL("../bin/luoshi.js", import.meta.url));

/** Pause between two health probes. */
const PROBE_INTERVAL_MS = 250;

/** A running `luoshi serve`. */
export interface ServeProcess {
  child: ChildProcess;
  /** `http://127.0.0.1:<port>` */
  url: string;
  /** Everything the server printed so far (empty when its output goes to this process's own). */
  output(): string;
  /** Sends `signal` (SIGTERM unless told) and waits for the process to exit. */
  stop(signal?: NodeJS.Signals): Promise<void>;
}

/** What to start: the data folder, `serve`'s arguments, more environment, how long it may take. */
interface ServeOptions {
  dataDir: string;
  args?: readonly string[];
  /** Added to this process's environment after LUOSHI_DATA_DIR, PORT and LOG_LEVEL=warn. */
  env?: Record<string, string>;
  /** How long the server may take to answer its health check. */
  deadlineMs?: number;
  /** "inherit": the server writes to this process's output instead of a buffer. */
  stdio?: "pipe" | "inherit";
}

/** A TCP port nothing listens on at the moment (the OS picks it). */
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

/**
 * Starts `luoshi serve …args` and polls its health until it answers. Fails — with the server's output,
 * the process killed — when it exits first or the deadline passes.
 */
export async function startServe(options: ServeOptions): Promise<ServeProcess> {
  const port = await freePort();
  const url = `http://127.0.0.1:${String(port)}`;
  const stdio = options.stdio ?? "pipe";
  const child = spawn(process.execPath, [CLI, "serve", ...(options.args ?? [])], {
    env: {
      ...process.env,
      LUOSHI_DATA_DIR: options.dataDir,
      PORT: String(port),
      LOG_LEVEL: "warn",
      ...options.env,
    },
    stdio: ["ignore", stdio, stdio],
  });
  let output = "";
  const onData = (chunk: Buffer) => {
    output += chunk.toString();
  };
  child.stdout?.on("data", onData);
  child.stderr?.on("data", onData);
  const exited = new Promise<void>((resolve) => {
    child.once("exit", () => {
      resolve();
    });
  });
  const running = () => child.exitCode === null && child.signalCode === null;
  const stop = async (signal: NodeJS.Signals = "SIGTERM") => {
    if (running()) {
      child.kill(signal);
    }
    await exited;
  };
  const deadline = Date.now() + (options.deadlineMs ?? 120_000);
  for (;;) {
    if (!running()) {
      throw new Error(
        `luoshi serve exited with ${String(child.exitCode ?? child.signalCode)} before answering ${url}/api/health\n--- server output ---\n${output}`,
      );
    }
    if (await isHealthy(url)) {
      break;
    }
    if (Date.now() > deadline) {
      await stop("SIGKILL");
      throw new Error(
        `${url}/api/health did not answer within ${String(Math.round((options.deadlineMs ?? 120_000) / 1000))} s\n--- server output ---\n${output}`,
      );
    }
    await sleep(PROBE_INTERVAL_MS);
  }
  return { child, url, output: () => output, stop };
}
