/**
 * A folder for the CLI tests' shared demo county (run-cli.ts builds it there on first use, so that a run
 * without CLI tests pays nothing), removed when the run ends.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { TestProject } from "vitest/node";

declare module "vitest" {
  export interface ProvidedContext {
    /** Where the CLI tests' demo data folder is built once and copied from. */
    cliDemoRoot: string;
  }
}

export default function setup(project: TestProject): () => void {
  const root = mkdtempSync(join(tmpdir(), "luoshi-cli-demo-"));
  project.provide("cliDemoRoot", root);
  return () => {
    rmSync(root, { recursive: true, force: true });
  };
}
