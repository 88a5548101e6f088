/**
 * The CLI as its tests run it: the real binary in a child process on a data folder of the test's own.
 * Child processes are slow on a busy 2-core machine; the budget makes only a hung command fail on time.
 */
import { spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { inject } from "vitest";
import { formatFieldKeyring } from "@luoshi/db";
import { TEST_FIELD_KEYRING } from "@luoshi/db/testing";

const CLI = fileURLToPath(new URL("../bin/luoshi.js", import.meta.url));

/** The audit key of the CLI tests' runs (tests only). */
export const CLI_TEST_AUDIT_KEY = "luoshi-cli-test-audit-key-not-for-production";

/**
 * The field keyring of the CLI tests' runs (tests only): the key-file text of `TEST_FIELD_KEYRING`, one
 * line, so that no key file is left beside a test's folder.
 */
const CLI_TEST_FIELD_KEY = formatFieldKeyring(TEST_FIELD_KEYRING, { oneLine: true });

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
    env: {
      ...process.env,
      LUOSHI_DATA_DIR: dataDir,
      LOG_LEVEL: "silent",
      // one audit key for every run (and the shared demo folder they copy): no key file left beside
      // the test's folder
      LUOSHI_AUDIT_KEY: CLI_TEST_AUDIT_KEY,
      LUOSHI_FIELD_KEY: CLI_TEST_FIELD_KEY,
      ...options.env,
    },
    encoding: "utf8",
    timeout: RUN_TIMEOUT,
    // `indicators --all-units --json` prints one line per unit and year.
    maxBuffer: 64 * 1024 * 1024,
    ...(options.input === undefined ? {} : { input: options.input }),
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

/** Blocks the (test) thread for `ms` milliseconds. */
function pause(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/**
 * Fills the empty folder `dataDir` with the demo county, as `luoshi demo` leaves it. The county is loaded
 * once per test run (by whichever test file asks first; the others wait for it) and copied after that.
 */
export function copyDemoData(dataDir: string): void {
  const root = inject("cliDemoRoot");
  const template = join(root, "data");
  const ready = join(root, "ready");
  if (claim(join(root, "lock"))) {
    const r = runCli(template, ["demo"]);
    if (r.code !== 0) {
      throw new Error(`luoshi demo failed (${String(r.code)}):\n${r.out}\n${r.err}`);
    }
    writeFileSync(ready, "");
  }
  const deadline = Date.now() + 2 * RUN_TIMEOUT;
  while (!existsSync(ready)) {
    if (Date.now() > deadline) {
      throw new Error("the shared demo data folder was not ready in time");
    }
    pause(250);
  }
  cpSync(template, dataDir, { recursive: true });
}

/** True for the one caller that creates the folder `lock`; false for every caller after it. */
function claim(lock: string): boolean {
  try {
    mkdirSync(lock);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EEXIST") {
      return false;
    }
    throw error;
  }
}
