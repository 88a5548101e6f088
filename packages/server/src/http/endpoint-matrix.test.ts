/**
 * The endpoint × role matrix: every operation of /api/openapi.json × every role (and the other county's
 * staff) × {own county, the other county, the city above}, against records planted in both counties.
 * It fails on an operation without a row (so no endpoint ships untested), a row without an operation,
 * a 2xx without the permission, a 5xx, a write into the other county that succeeds, and any 2xx answer
 * that carries the other county's ids, codes or names. How to add a row: endpoint-matrix.rows.ts.
 */
import JSZip from "jszip";
import type { LightMyRequestResponse } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { can, type Role } from "@luoshi/domain/auth";
import { testEngines } from "@luoshi/db/testing";
import { TestClient } from "../testing.ts";
import { READ_ROWS, type MatrixRequest, type Need, type Row, type Target } from "./endpoint-matrix.rows.ts";
import { createMatrixWorld, type Account, type MatrixWorld, type Side } from "./endpoint-matrix.world.ts";
import { WRITE_ROWS } from "./endpoint-matrix.write-rows.ts";
import { ADMIN_READ_ROWS } from "./endpoint-matrix.admin-rows.ts";
import {
  ATTENDANCE_READ_ROWS,
  DROPOUT_READ_ROWS,
  REGISTRY_READ_ROWS,
} from "./endpoint-matrix.registry-rows.ts";
import { APPLICATION_READ_ROWS, ENROLMENT_READ_ROWS } from "./endpoint-matrix.enrolment-rows.ts";
import { AID_READ_ROWS } from "./endpoint-matrix.aid-rows.ts";
import { INSPECTION_READ_ROWS, INSPECTION_WRITE_ROWS } from "./endpoint-matrix.inspection-rows.ts";

const METHODS = ["get", "post", "put", "patch", "delete"] as const;
type Method = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

/** "GET /api/tasks/{id}" for every operation of the OpenAPI document. */
function operations(doc: { paths: Record<string, Record<string, unknown>> }): string[] {
  return Object.entries(doc.paths).flatMap(([path, item]) =>
    METHODS.filter((m) => m in item).map((m) => `${m.toUpperCase()} ${path}`),
  );
}

const allows = (need: Need, role: Role): boolean =>
  need === "public" ||
  need === "authenticated" ||
  (typeof need === "string" ? can(role, need) : need.includes(role));

/** One side's records as `role` addresses them. */
function targetFor(side: Side, role: Role): Target {
  const byUnit = role === "unitUser";
  const bySchool = role === "schoolUser";
  return {
    ...side,
    home: byUnit ? side.department : bySchool ? side.school : side.county,
    task: bySchool ? side.schoolTask : side.departmentTask,
    attachment: bySchool ? side.schoolAttachment : side.departmentAttachment,
  };
}

/** The answer as text to scan, or null for a file served back as uploaded. */
async function textOf(row: Row, res: LightMyRequestResponse): Promise<string | null> {
  const kind = row.body ?? "json";
  if (kind === "file") {
    return null;
  }
  if (kind === "xlsx" || kind === "docx") {
    const zip = await JSZip.loadAsync(res.rawPayload);
    const parts = await Promise.all(
      Object.values(zip.files)
        .filter((f) => f.name.endsWith(".xml"))
        .map((f) => f.async("string")),
    );
    return parts.join("\n");
  }
  return res.body;
}

const short = (res: LightMyRequestResponse) => `${res.statusCode} ${res.body.slice(0, 160)}`;

/** Sends one probe; returns the answer. */
function send(client: TestClient, method: Method, req: MatrixRequest) {
  return client.request(method, req.url, req.body, req.headers);
}

/** Runs a row for every account; returns what went wrong, one line each. */
async function probe(world: MatrixWorld, anon: TestClient, row: Row): Promise<string[]> {
  const problems: string[] = [];
  const method = row.op.split(" ")[0] as Method;
  const isWrite = method !== "GET" && row.computes !== true;
  const anonRes = await send(anon, method, row.req(targetFor(world.sides.A, "bureauPlanner")));
  if (row.need === "public") {
    if (anonRes.statusCode >= 500) {
      problems.push(`anonymous: ${short(anonRes)}`);
    }
    return problems; // public routes need no session; the login rate limit forbids more calls
  }
  if (anonRes.statusCode !== 401) {
    problems.push(`anonymous: expected 401, got ${short(anonRes)}`);
  }
  const ownDone = new Set<string>();
  for (const account of world.accounts) {
    // a costly row's own-county answer is the same for every role of one scope: fetch it once per scope
    const scopeKind = `${account.side} ${targetFor(world.sides.A, account.role).home}`;
    const skipOwn = row.costly === true && allows(row.need, account.role) && ownDone.has(scopeKind);
    if (allows(row.need, account.role)) {
      ownDone.add(scopeKind);
    }
    problems.push(...(await probeAccount(world, row, { method, isWrite, skipOwn }, account)));
  }
  return problems;
}

/** The target as a proxy that notes which of its fields a row's request reads. */
function tracked(t: Target): { target: Target; used: Set<string | symbol> } {
  const used = new Set<string | symbol>();
  const target = new Proxy(t, {
    get(object, key, receiver) {
      used.add(key);
      return Reflect.get(object, key, receiver) as unknown;
    },
  });
  return { target, used };
}

interface ProbeMode {
  method: Method;
  isWrite: boolean;
  /** Leave out the own-county request (a costly row already made it for this scope). */
  skipOwn: boolean;
}

async function probeAccount(
  world: MatrixWorld,
  row: Row,
  { method, isWrite, skipOwn }: ProbeMode,
  account: Account,
): Promise<string[]> {
  const problems: string[] = [];
  const mine = account.side === "A" ? world.sides.A : world.sides.B;
  const theirs = account.side === "A" ? world.sides.B : world.sides.A;
  const who = `${account.name} (${mine.label})`;
  const own = targetFor(mine, account.role);
  const probeOwn = tracked(own);
  const ownReq = row.req(probeOwn.target);
  const usesTarget = probeOwn.used.size > 0;
  const usesUnit = probeOwn.used.has("home") || probeOwn.used.has("county");
  if (skipOwn) {
    problems.push(...(await crossCases()));
    return problems;
  }
  const ownRes = await send(account.client, method, ownReq);
  if (ownRes.statusCode >= 500) {
    problems.push(`${who} own: ${short(ownRes)}`);
  }
  if (!allows(row.need, account.role)) {
    if (![403, ...(row.denied ?? [])].includes(ownRes.statusCode)) {
      problems.push(`${who} lacks ${String(row.need)}: expected 403, got ${short(ownRes)}`);
    }
    return problems;
  }
  const refused = row.ownRefused?.includes(account.role) === true;
  if (!isWrite && !refused && ownRes.statusCode >= 300) {
    problems.push(`${who} own: expected 2xx, got ${short(ownRes)}`);
  }
  if (isWrite && [401, 403].includes(ownRes.statusCode) && !refused) {
    problems.push(`${who} own write refused: ${short(ownRes)}`);
  }
  problems.push(...(await check(row, ownRes, theirs, `${who} own`)));
  problems.push(...(await crossCases()));
  return problems;

  /** A unit or school user asking for the records of the other unit of its own county. */
  async function siblingCase(): Promise<string[]> {
    if (account.role !== "unitUser" && account.role !== "schoolUser") {
      return [];
    }
    const siblingRole = account.role === "unitUser" ? "schoolUser" : "unitUser";
    const req = row.req(targetFor(mine, siblingRole));
    if (JSON.stringify(req) === JSON.stringify(ownReq)) {
      return []; // the request names nothing of a unit (a county record, or no record at all)
    }
    const sibling = { ...mine, secrets: mine.unitSecrets[siblingRole] };
    const res = await send(account.client, method, req);
    return crossCheck(row, res, isWrite, sibling, `${who} → ${siblingRole} of ${mine.label}`);
  }

  /** The other county's records, and the city above in place of the own county. */
  async function crossCases(): Promise<string[]> {
    const found: string[] = [];
    if (!usesTarget || !allows(row.need, account.role)) {
      return found; // the request names nothing of a county: the own case said it all
    }
    const otherRes = await send(account.client, method, row.req(targetFor(theirs, account.role)));
    found.push(...(await crossCheck(row, otherRes, isWrite, theirs, `${who} → ${theirs.label}`)));
    for (const mixed of row.mixed ?? []) {
      const req = mixed(own, targetFor(theirs, account.role));
      const res = await send(account.client, method, req);
      // an answer may echo what the request named ("找不到学校 …"): only what it adds counts
      const echo = JSON.stringify(req);
      const unsent = { ...theirs, secrets: theirs.secrets.filter((secret) => !echo.includes(secret)) };
      found.push(...(await crossCheck(row, res, isWrite, unsent, `${who} own, naming ${theirs.label}`)));
    }
    found.push(...(await siblingCase()));
    if (usesUnit) {
      const aboveRes = await send(
        account.client,
        method,
        row.req({ ...own, home: world.city, county: world.city }),
      );
      found.push(...(await crossCheck(row, aboveRes, isWrite, theirs, `${who} → 平凉市`)));
    }
    return found;
  }
}

/** A request outside the own county: refused, or an answer without the other county's records. */
async function crossCheck(
  row: Row,
  res: LightMyRequestResponse,
  isWrite: boolean,
  theirs: Side,
  label: string,
): Promise<string[]> {
  if (res.statusCode >= 500) {
    return [`${label}: ${short(res)}`];
  }
  if (isWrite && res.statusCode < 300) {
    return [`${label}: a write across the county border succeeded: ${short(res)}`];
  }
  if (row.body === "file" && res.statusCode < 300) {
    return [`${label}: served another unit's file: ${res.statusCode}`];
  }
  return check(row, res, theirs, label);
}

/** A 2xx answer must not name the other county: its ids, codes, names. */
async function check(row: Row, res: LightMyRequestResponse, theirs: Side, label: string): Promise<string[]> {
  if (res.statusCode >= 300 || row.scan === false) {
    return [];
  }
  const text = await textOf(row, res);
  if (text === null) {
    return /json/.test(String(res.headers["content-type"])) ? [`${label}: a file answered as JSON`] : [];
  }
  const leaked = theirs.secrets.filter((s) => text.includes(s));
  return leaked.length === 0 ? [] : [`${label}: ${res.statusCode} carries ${leaked.join(", ")}`];
}

describe.each(testEngines())("endpoint × role matrix on %s", (engine) => {
  let world: MatrixWorld;
  let anon: TestClient;
  beforeAll(async () => {
    world = await createMatrixWorld(engine);
    anon = new TestClient(world.server.app);
    const csrf = await anon.request("GET", "/api/auth/csrf");
    anon.csrfToken = csrf.json<{ csrfToken: string }>().csrfToken;
  }, 180_000);
  afterAll(async () => {
    await world.server.close();
  });

  it("has a row for every operation of the OpenAPI document, and an operation for every row", async () => {
    const doc = await world.server.app.inject({ method: "GET", url: "/api/openapi.json" });
    const ops = operations(doc.json());
    const rows = [
      ...READ_ROWS,
      ...ADMIN_READ_ROWS,
      ...REGISTRY_READ_ROWS,
      ...DROPOUT_READ_ROWS,
      ...ATTENDANCE_READ_ROWS,
      ...ENROLMENT_READ_ROWS,
      ...APPLICATION_READ_ROWS,
      ...AID_READ_ROWS,
      ...INSPECTION_READ_ROWS,
      // before WRITE_ROWS, which end with logout; the 督导 writes change nothing the other rows use
      ...INSPECTION_WRITE_ROWS,
      ...WRITE_ROWS,
    ].map((r) => r.op);
    expect(
      ops.filter((op) => !rows.includes(op)),
      "operations without a row",
    ).toEqual([]);
    expect(
      rows.filter((op) => !ops.includes(op)),
      "rows without an operation",
    ).toEqual([]);
    expect(
      rows.filter((op, i) => rows.indexOf(op) !== i),
      "rows given twice",
    ).toEqual([]);
  });

  it.each(
    [
      ...READ_ROWS,
      ...ADMIN_READ_ROWS,
      ...REGISTRY_READ_ROWS,
      ...DROPOUT_READ_ROWS,
      ...ATTENDANCE_READ_ROWS,
      ...ENROLMENT_READ_ROWS,
      ...APPLICATION_READ_ROWS,
      ...AID_READ_ROWS,
      ...INSPECTION_READ_ROWS,
      // before WRITE_ROWS, which end with logout; the 督导 writes change nothing the other rows use
      ...INSPECTION_WRITE_ROWS,
      ...WRITE_ROWS,
    ].map((row) => [row.op, row] as const),
  )(
    "%s",
    async (_op, row) => {
      expect(await probe(world, anon, row)).toEqual([]);
    },
    60_000,
  );
});
