/**
 * The CLI as its tests run it: the real binary in a child process on a data folder of the test's own.
 * Child processes are slow on a busy 2-core machine; the budget makes only a hung command fail on time.
 */
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";

const CLI = fileURLToPath(new URL("../bin/luoshi.js", import.meta.url));

/** How long one command may take. */
export const RUN_TIMEOUT = 120_000;

/** What a command left behind: exit code and both streams. */
export interface CliRun {
  code: number | null;
  out: string;
  err: string;
}

/** What else a command gets: text on stdin and environment variables. */
export interface CliRunOptions {
  input?: string;
  env?: Record<string, string>;
}

/** Runs `luoshi …args` on the data folder `dataDir` with logging silenced. */
export function runCli(dataDir: string, args: readonly string[], options: CliRunOptions = {}): CliRun {
  const r = spawnSync(process.execPath, [CLI, ...args], {
    env: { ...process.env, LUOSHI_DATA_DIR: dataDir, LOG_LEVEL: "silent", ...options.env },
    encoding: "utf8",
    timeout: RUN_TIMEOUT,
    // `indicators --all-units --json` prints one line per unit and year.
    maxBuffer: 64 * 1024 * 1024,
    ...(options.input === undefined ? {} : { input: options.input }),
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}
