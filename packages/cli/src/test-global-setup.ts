/**
 * Once per unit-test run: the databases every data and API test file copies instead of migrating its
 * own (a PGlite dump, and a PostgreSQL template database when TEST_DATABASE_URL is set), and a folder
 * for the CLI tests' shared demo county (run-cli.ts builds it there on first use, so that a run without
 * CLI tests pays nothing). Both are removed when the run ends.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { TestProject } from "vitest/node";
import { prepareMigratedTemplates } from "@luoshi/db/testing";

declare module "vitest" {
  export interface ProvidedContext {
    /** Where the CLI tests' demo data folder is built once and copied from. */
    cliDemoRoot: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const root = mkdtempSync(join(tmpdir(), "luoshi-cli-demo-"));
  project.provide("cliDemoRoot", root);
  const templates = mkdtempSync(join(tmpdir(), "luoshi-test-templates-"));
  const dropTemplates = await prepareMigratedTemplates(templates);
  return async () => {
    await dropTemplates();
    rmSync(root, { recursive: true, force: true });
    rmSync(templates, { recursive: true, force: true });
  };
}
