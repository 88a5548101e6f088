import type { FastifyInstance, LightMyRequestResponse } from "fastify";
import type { OrgUnitSeed } from "@luoshi/domain/org";
import type { Role } from "@luoshi/domain/auth";
import { orgUnitRepo, type DatabaseHandle } from "@luoshi/db";
import { createTestDatabase } from "@luoshi/db/testing";
import { parseConfig } from "./config.ts";
import { AppError } from "./errors.ts";
import { systemActor, type ServiceDeps } from "./context.ts";
import { StatsImportJobs } from "./services/statistics/stats-import-jobs.ts";
import { buildApp } from "./http/app.ts";
import { importOrgUnits } from "./services/org/org-import.service.ts";
import { createUser } from "./services/accounts/create-user.service.ts";

/** A small two-county world: enough to test every role's scope. */
export const TEST_UNITS: OrgUnitSeed[] = [
  { code: "620000", name: "甘肃省", kind: "province" },
  { code: "620800", name: "平凉市", kind: "city", parentCode: "620000" },
  { code: "620802", name: "崆峒区", kind: "county", parentCode: "620800" },
  { code: "620821", name: "泾川县", kind: "county", parentCode: "620800" },
  {
    code: "620802-jyj",
    name: "崆峒区教育局",
    kind: "department",
    parentCode: "620802",
    aliases: ["区教育局"],
  },
  {
    code: "620802-czj",
    name: "崆峒区财政局",
    kind: "department",
    parentCode: "620802",
    aliases: ["区财政局"],
  },
  { code: "620821-jyj", name: "泾川县教育局", kind: "department", parentCode: "620821" },
  { code: "620802001", name: "中街街道", kind: "township", parentCode: "620802" },
  ...(["1620802001", "1620802002"] as const).map((code, i): OrgUnitSeed => ({
    code,
    name: `崆峒区第${i + 1}小学`,
    kind: "school",
    parentCode: "620802001",
    school: { schoolType: "primary", ownership: "public", isInclusive: true, urbanRural: "urban" },
  })),
  {
    code: "1620821001",
    name: "泾川县城关小学",
    kind: "school",
    parentCode: "620821",
    school: { schoolType: "primary", ownership: "public", isInclusive: true, urbanRural: "town" },
  },
];

/** Where each test account sits. */
export const TEST_ACCOUNTS: Record<Role, string> = {
  systemAdmin: "620802-jyj",
  securityAdmin: "620802-jyj",
  auditAdmin: "620802-jyj",
  bureauPlanner: "620802-jyj",
  bureauSupervisor: "620802-jyj",
  unitUser: "620802-czj",
  schoolUser: "1620802001",
  inspector: "620802-jyj",
  leader: "620802-jyj",
};

/** The password every test account gets (tests only; never a default in the product). */
export const TEST_PASSWORD = "Test#Pass2026";

/** A server for API tests: a fresh database, the two-county world, one account per role, a settable clock. */
export interface TestServer {
  app: FastifyInstance;
  deps: ServiceDeps;
  handle: DatabaseHandle;
  /** The server's background statistics imports: `await importJobs.waitFor(jobId)` instead of polling. */
  importJobs: StatsImportJobs;
  unitId(code: string): Promise<string>;
  /** Moves the clock forward. */
  advance(ms: number): void;
  close(): Promise<void>;
}

/**
 * Builds a {@link TestServer} on the given engine; `env` adds configuration variables (import limits …).
 */
export async function createTestServer(
  engine: "pglite" | "postgres",
  env: Record<string, string> = {},
  options: {
    /**
     * Hears every error the server answers with a 500 or a background import ends on as internal: the
     * long fuzz run prints it next to the input, so that a 500 is explained rather than only counted.
     */
    onInternalError?: (error: unknown) => void;
  } = {},
): Promise<TestServer> {
  const handle = await createTestDatabase(engine);
  const parsed = parseConfig({
    LUOSHI_DATA_DIR: "/tmp/luoshi-test-unused",
    NODE_ENV: "test",
    // the API tests of other features sign every role in with a password only; second-factor tests set it
    LUOSHI_REQUIRE_TOTP: "false",
    ...env,
  });
  if (parsed.config === undefined) {
    throw new Error(parsed.problems.join("; "));
  }
  let offset = 0;
  const deps: ServiceDeps = { handle, config: parsed.config, now: () => new Date(Date.now() + offset) };
  await importOrgUnits(deps, systemActor("test"), TEST_UNITS);
  const creator = { ...systemActor("test"), role: "securityAdmin" as const };
  for (const [role, code] of Object.entries(TEST_ACCOUNTS) as [Role, string][]) {
    const unit = await orgUnitRepo.findByCode(handle.db, code);
    if (unit === undefined) {
      throw new Error(`no unit ${code}`);
    }
    await createUser(
      deps,
      creator,
      { login: role.toLowerCase(), displayName: role, role, orgUnitId: unit.id },
      { mustChangePassword: false, password: TEST_PASSWORD },
    );
  }
  const importJobs = new StatsImportJobs(deps, options.onInternalError);
  const app = await buildApp(deps, {
    statsImportJobs: importJobs,
    cookieSecret: "x".repeat(32),
    webDir: null,
    logger: false,
    version: "test",
  });
  const onInternalError = options.onInternalError;
  if (onInternalError !== undefined) {
    app.addHook("onError", (_request, _reply, error, done) => {
      // what the error handler answers with a 500: an error nobody raised on purpose (a 4xx from
      // Fastify, such as a body that fails its schema, carries its own status)
      if (!(error instanceof AppError) && (error.statusCode ?? 500) >= 500) {
        onInternalError(error);
      }
      done();
    });
  }
  return {
    app,
    deps,
    handle,
    importJobs,
    async unitId(code) {
      const unit = await orgUnitRepo.findByCode(handle.db, code);
      if (unit === undefined) {
        throw new Error(`no unit ${code}`);
      }
      return unit.id;
    },
    advance(ms) {
      offset += ms;
    },
    async close() {
      await app.close();
      await handle.close();
    },
  };
}

/**
 * Adds one more account (the test password, no forced change) at the unit with `code`: for tests that
 * need users beyond the one-per-role set, such as the other county's staff. Returns the account's id.
 */
export async function addTestAccount(
  server: TestServer,
  account: { login: string; role: Role; unitCode: string },
): Promise<string> {
  const { user } = await createUser(
    server.deps,
    { ...systemActor("test"), role: "securityAdmin" },
    {
      login: account.login,
      displayName: account.login,
      role: account.role,
      orgUnitId: await server.unitId(account.unitCode),
    },
    { mustChangePassword: false, password: TEST_PASSWORD },
  );
  return user.id;
}

/** A cookie-keeping client over `app.inject`, the way a browser talks to the API. */
export class TestClient {
  private readonly app: FastifyInstance;
  private cookies = new Map<string, string>();
  csrfToken = "";

  constructor(app: FastifyInstance) {
    this.app = app;
  }

  private remember(res: LightMyRequestResponse): void {
    for (const c of res.cookies as { name: string; value: string; maxAge?: number; expires?: Date }[]) {
      const cleared = c.value === "" || (c.expires !== undefined && c.expires.getTime() < Date.now());
      if (cleared) {
        this.cookies.delete(c.name);
      } else {
        this.cookies.set(c.name, c.value);
      }
    }
  }

  /** A copy of the cookie jar (to replay a session after logout, as an attacker would). */
  snapshot(): Map<string, string> {
    return new Map(this.cookies);
  }

  restore(jar: Map<string, string>): void {
    this.cookies = new Map(jar);
  }

  /** Sends a request with the client's cookies and, for writes, its CSRF token. */
  async request(
    method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE",
    url: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<LightMyRequestResponse> {
    const res = await this.app.inject({
      method,
      url,
      cookies: Object.fromEntries(this.cookies),
      headers: { ...(method === "GET" ? {} : { "x-csrf-token": this.csrfToken }), ...headers },
      ...(body === undefined
        ? {}
        : typeof body === "string"
          ? { payload: body }
          : { payload: body as object }),
    });
    this.remember(res);
    return res;
  }

  /** Fetches a CSRF token, then logs in. */
  async login(login: string, password = TEST_PASSWORD): Promise<LightMyRequestResponse> {
    const csrf = await this.request("GET", "/api/auth/csrf");
    this.csrfToken = csrf.json<{ csrfToken: string }>().csrfToken;
    const res = await this.request("POST", "/api/auth/login", { login, password });
    if (res.statusCode === 200) {
      this.csrfToken = res.json<{ csrfToken: string }>().csrfToken;
    }
    return res;
  }
}

// the importers' fuzz corpus and checks, for the fuzz suite and scripts/bench-fuzz-stats.ts
export {
  csvBytes,
  FUZZ_ENV,
  hostileCorpus,
  mutation,
  registryFuzzBase,
  STATS_FUZZ_BASE,
  studentsFuzzBase,
  type FuzzBase,
  type FuzzInput,
} from "./services/statistics/fuzz-corpus.ts";
export { runFuzzInput, type FuzzImporter, type FuzzOutcome } from "./services/statistics/fuzz-harness.ts";
export { workbook as fuzzWorkbook } from "./services/statistics/hostile-files.ts";
