import mammoth from "mammoth";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { orgUnitRepo, scopeOf, type DatabaseHandle } from "@luoshi/db";
import { changeLedgerBench, seedLedgerBench } from "@luoshi/db/bench";
import { createTestDatabase, testEngines } from "@luoshi/db/testing";
import { parseConfig } from "../../config.ts";
import { systemActor, type Actor, type ServiceDeps } from "../../context.ts";
import { importOrgUnits } from "../org/org-import.service.ts";
import { bulletinDocxFor } from "./bulletin.ts";
import { issueBulletin, issuedBulletinDocx, listIssuedBulletins } from "./issue-bulletin.ts";

const MONTHS = ["2026-04", "2026-05", "2026-06"];

// Issue 12, at a small size (scripts/bench-bulletins.ts runs 60 tasks × 12 months): every issued
// bulletin downloads byte-identical after titles, unit names and reports changed, a year on.
describe.each(testEngines())("issued bulletins stay frozen on %s", (engine) => {
  let handle: DatabaseHandle;
  let now = new Date("2026-07-10T10:00:00+08:00");
  let deps: ServiceDeps;
  let actor: Actor;

  beforeAll(async () => {
    handle = await createTestDatabase(engine);
    const parsed = parseConfig({ LUOSHI_DATA_DIR: "/tmp/luoshi-test-unused", NODE_ENV: "test" });
    if (parsed.config === undefined) {
      throw new Error("config");
    }
    deps = { handle, config: parsed.config, now: () => now };
    await importOrgUnits(deps, systemActor("test"), [
      { code: "620802", name: "崆峒区", kind: "county" },
      ...Array.from({ length: 30 }, (_, i) => ({
        code: `620802-d${String(i)}`,
        name: `合成部门${String(i + 1)}`,
        kind: "department" as const,
        parentCode: "620802",
      })),
    ]);
    const county = await orgUnitRepo.findByCode(handle.db, "620802");
    if (county === undefined) {
      throw new Error("county");
    }
    await seedLedgerBench(handle, county.id, { tasks: 12, periods: 60 });
    actor = { ...systemActor("test"), role: "bureauSupervisor", scope: scopeOf(county.path) };
  });
  afterAll(async () => {
    await handle.close();
  });

  it("numbers the months in order and returns each one's bytes unchanged after the data changed", async () => {
    const issued = new Map<string, { id: string; bytes: Buffer }>();
    for (const month of MONTHS) {
      const row = await issueBulletin(deps, actor, { month });
      issued.set(month, {
        id: row.id,
        bytes: Buffer.from((await issuedBulletinDocx(deps, actor, row.id)).docx),
      });
    }
    expect((await listIssuedBulletins(deps, actor)).map((b) => [b.month, b.doc_number])).toEqual([
      ["2026-06", "崆峒区教督通〔2026〕3号"],
      ["2026-05", "崆峒区教督通〔2026〕2号"],
      ["2026-04", "崆峒区教督通〔2026〕1号"],
    ]);
    const text = async (buffer: Buffer) => (await mammoth.extractRawText({ buffer })).value;
    expect(await text(await bulletinDocxFor(deps, actor, "2026-05"))).not.toContain("（更名）");

    await changeLedgerBench(handle);
    now = new Date("2027-07-10T10:00:00+08:00");
    for (const month of MONTHS) {
      const entry = issued.get(month);
      const again = Buffer.from((await issuedBulletinDocx(deps, actor, entry?.id ?? "")).docx);
      expect(again.equals(entry?.bytes ?? Buffer.alloc(0))).toBe(true);
      expect(await text(again)).not.toContain("（更名）");
    }
    // the live bulletin of the same month follows the data: the freeze is what keeps the issued one
    expect(await text(await bulletinDocxFor(deps, actor, "2026-05"))).toContain("（更名）");
  });
});
