/**
 * Loads the demo county once per browser-test run, into a folder every test's server starts from a copy
 * of: loading it (migrations, 357 schools, nine years of statistics) is most of a server's start.
 */
import { spawnSync } from "node:child_process";
import { E2E_AUDIT_KEY, E2E_FIELD_KEY } from "./audit-key.ts";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { TestProject } from "vitest/node";

const CLI = fileURLToPath(new URL("../packages/cli/bin/luoshi.js", import.meta.url));

declare module "vitest" {
  export interface ProvidedContext {
    /** A data folder holding the loaded demo county; copy it, never open it. */
    demoDataDir: string;
  }
}

export default function setup(project: TestProject): () => void {
  const root = mkdtempSync(join(tmpdir(), "luoshi-e2e-demo-"));
  const dataDir = join(root, "data");
  const r = spawnSync(process.execPath, [CLI, "demo"], {
    env: {
      ...process.env,
      LUOSHI_DATA_DIR: dataDir,
      LOG_LEVEL: "silent",
      LUOSHI_AUDIT_KEY: E2E_AUDIT_KEY,
      LUOSHI_FIELD_KEY: E2E_FIELD_KEY,
    },
    encoding: "utf8",
    timeout: 300_000,
  });
  if (r.status !== 0) {
    rmSync(root, { recursive: true, force: true });
    throw new Error(`luoshi demo failed (${String(r.status)}):\n${r.stdout}\n${r.stderr}`);
  }
  project.provide("demoDataDir", dataDir);
  return () => {
    rmSync(root, { recursive: true, force: true });
  };
}
