import type { RouteOptions } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, type DatabaseHandle } from "@luoshi/db";
import { parseConfig } from "../config.ts";
import { buildApp } from "./app.ts";

/**
 * Routes that answer a file, not JSON: their body is bytes with a content-disposition, so there is no JSON
 * response schema to declare. Each is named here on purpose; a new download joins this list explicitly.
 */
const BINARY_DOWNLOADS: readonly string[] = [
  "GET /api/audit/export.csv",
  "GET /api/plans/:id/export.xlsx",
  "GET /api/stats/template.xlsx",
  "GET /api/org-units/registry/template.xlsx",
  "GET /api/indicators/table.xlsx",
  "GET /api/tasks/export.xlsx",
  "GET /api/ledger/bulletin.docx",
  "GET /api/ledger/bulletins/:id/docx",
  "GET /api/ledger/assessment.xlsx",
  "GET /api/ledger/assessment.docx",
  "GET /api/tasks/:id/notice.docx",
  "GET /api/tasks/:id/urge.docx",
  "GET /api/attachments/:id",
  "GET /api/evaluations/balance/report.xlsx",
  "GET /api/evaluations/balance/report.docx",
  "GET /api/evaluations/evidence/:id",
  "GET /api/plans/:id/report.docx",
  "GET /api/plans/:id/implementation-report.docx",
  "GET /api/dropout/report.docx",
  "POST /api/users/bulk",
  "GET /api/aid/batches/:id/bank-file.xlsx",
  "GET /api/inspection/schools/:id/card.docx",
  "GET /api/inspection/photos/:id",
  "GET /api/inspection/notices/:id/docx",
];

/** Swagger UI's own pages and assets: served by the plugin, not by us. */
const isSwaggerUi = (url: string) => url === "/api/docs" || url.startsWith("/api/docs/");

/** "GET /api/users" for each method of a route (HEAD twins of GET routes left out). */
function routeNames(route: RouteOptions): string[] {
  const methods = Array.isArray(route.method) ? route.method : [route.method];
  return methods.filter((m) => m !== "HEAD").map((m) => `${m} ${route.url}`);
}

/** True when the route declares a response schema for a success status (200, 201, 204, "2xx" …). */
function hasSuccessSchema(route: RouteOptions): boolean {
  const response: unknown = route.schema?.response;
  return (
    typeof response === "object" &&
    response !== null &&
    Object.keys(response).some((status) => /^2(\d\d|xx)$/.test(status))
  );
}

describe("route declarations", () => {
  const routes: RouteOptions[] = [];
  let handle: DatabaseHandle;
  beforeAll(async () => {
    // Registering routes runs no query: an empty in-memory database is enough.
    handle = await openDatabase({ engine: "pglite", dataDir: null });
    const parsed = parseConfig({ LUOSHI_DATA_DIR: "/tmp/luoshi-test-unused", NODE_ENV: "test" });
    if (parsed.config === undefined) {
      throw new Error(parsed.problems.join("; "));
    }
    const app = await buildApp(
      { handle, config: parsed.config, now: () => new Date() },
      {
        cookieSecret: "x".repeat(32),
        webDir: null,
        logger: false,
        version: "test",
        onRoute: (r) => routes.push(r),
      },
    );
    await app.ready();
    await app.close();
  }, 120_000);
  afterAll(async () => {
    await handle.close();
  });

  const apiRoutes = () =>
    routes
      .filter((r) => r.url.startsWith("/api/") && !isSwaggerUi(r.url))
      .flatMap((r) => routeNames(r).map((name) => ({ name, route: r })));

  it("sees the API's routes", () => {
    const names = apiRoutes().map((r) => r.name);
    expect(names).toContain("GET /api/health");
    expect(names).toContain("POST /api/auth/login");
    expect(names).toContain("GET /api/users/");
  });

  it("gives every JSON route a response schema for its success status", () => {
    const missing = apiRoutes()
      .filter(({ name, route }) => !hasSuccessSchema(route) && !BINARY_DOWNLOADS.includes(name))
      .map(({ name }) => name);
    expect(missing).toEqual([]);
  });

  it("keeps the exemption list honest: every entry names a route", () => {
    const names = new Set(apiRoutes().map(({ name }) => name));
    for (const name of BINARY_DOWNLOADS) {
      expect(names.has(name), `${name} is not a route`).toBe(true);
    }
  });
});
