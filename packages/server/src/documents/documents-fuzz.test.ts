import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { planRepo, WHOLE_TREE } from "@luoshi/db";
import { testEngines } from "@luoshi/db/testing";
import type { PlanDetail } from "@luoshi/contracts";
import { createTestServer, TestClient, type TestServer } from "../testing.ts";
import {
  damage,
  hostileDocuments,
  seedFiles,
  seededRandom,
  uploadAndCheck,
  type Damage,
  type FuzzDocument,
} from "./fuzz-corpus.ts";

// Bounded for CI: the named hostile files and a few dozen damaged seeds per engine. The longer run is
// scripts/bench-fuzz-docs.ts (≥ 1,000 uploads, with timings).
const DAMAGED_RUNS = 12;

describe.each(testEngines())("uploading hostile policy documents on %s", { timeout: 240_000 }, (engine) => {
  let server: TestServer;
  let planner: TestClient;
  let seeds: FuzzDocument[];
  beforeAll(async () => {
    server = await createTestServer(engine);
    planner = new TestClient(server.app);
    await planner.login("bureauplanner");
    seeds = await seedFiles();
  }, 180_000);
  afterAll(async () => {
    await server.close();
  });

  it("refuses each hostile file of issue 14 with its file and where, and writes nothing", async () => {
    for (const doc of await hostileDocuments()) {
      const before = await planRepo.listInScope(server.handle.db, WHOLE_TREE);
      const res = await planner.request("POST", "/api/plans", {
        fileName: doc.fileName,
        contentBase64: Buffer.from(doc.bytes).toString("base64"),
      });
      expect([doc.label, res.statusCode]).toEqual([doc.label, doc.expect.status]);
      if (doc.expect.status !== 201) {
        const error = res.json<{
          error: { message: string; details: { issues: { code: string; where: object }[] } };
        }>().error;
        expect(error.message).toContain(doc.fileName);
        expect(error.details.issues[0]?.code).toBe(doc.expect.code);
        expect(Object.keys(error.details.issues[0]?.where ?? {}).sort()).toEqual(
          [...(doc.expect.where ?? [])].sort(),
        );
        expect(await planRepo.listInScope(server.handle.db, WHOLE_TREE)).toHaveLength(before.length);
      }
    }
  });

  it("reads a UTF-8 file with six stray bytes as UTF-8, with all its items and a warning", async () => {
    const doc = (await hostileDocuments(1)).find((d) => d.fileName === "六处.txt");
    const res = await planner.request("POST", "/api/plans", {
      fileName: "六处.txt",
      contentBase64: Buffer.from(doc?.bytes ?? []).toString("base64"),
    });
    expect(res.statusCode).toBe(201);
    const plan = res.json<PlanDetail>();
    expect(plan.nodes.length).toBeGreaterThanOrEqual(43);
    expect(plan.parseIssues).toContainEqual(expect.objectContaining({ code: "encoding-repaired" }));
  });

  it("keeps its promises for truncated, bit-flipped, padded and random files", async () => {
    const problems: string[] = [];
    await fc.assert(
      fc.asyncProperty(
        fc.nat({ max: 1000 }),
        fc.constantFrom<Damage>("truncate", "flip", "insert", "random"),
        fc.integer(),
        async (which, kind, seed) => {
          const from = seeds[which % seeds.length];
          if (from === undefined) return;
          const doc = {
            label: `${from.label} (${kind}, seed ${String(seed)})`,
            fileName: from.fileName,
            bytes: damage(from.bytes, kind, seededRandom(seed)),
          };
          problems.push(...(await uploadAndCheck(planner, server.handle.db, doc)).problems);
        },
      ),
      { numRuns: DAMAGED_RUNS, seed: 14 },
    );
    expect(problems).toEqual([]);
    // the list still answers with every draft the damaged files made
    const list = await planner.request("GET", "/api/plans");
    expect(list.statusCode).toBe(200);
  });
});
