// Issued bulletins benchmark (issue 12): 60 tasks with five years of monthly reports; the 12 bulletins
// of 2026 are issued (印发), the ledger is then changed (titles, unit names, half a year of reports),
// and every issued bulletin is downloaded again: each must be byte-identical to what was issued, while
// the live 月通报 of the same month is not. Prints issue and download times. Run:
// node scripts/bench-bulletins.ts
import { performance } from "node:perf_hooks";
import { attachAuditKey, migrate, openDatabase, orgUnitRepo, scopeOf } from "@luoshi/db";
import { changeLedgerBench, seedLedgerBench } from "@luoshi/db/bench";
import {
  bulletinFor,
  importOrgUnits,
  issueBulletin,
  issuedBulletinDocx,
  listIssuedBulletins,
  parseConfig,
  systemActor,
  type Actor,
  type ServiceDeps,
} from "@luoshi/server";

const BENCH_AUDIT_KEY = Buffer.from("luoshi-bench-audit-key-not-for-production");
const TASKS = 60;
const MONTHS = Array.from({ length: 12 }, (_, i) => `2026-${String(i + 1).padStart(2, "0")}`);

const handle = await openDatabase({ engine: "pglite", dataDir: null });
await migrate(handle);
attachAuditKey(handle.db, BENCH_AUDIT_KEY);
const parsed = parseConfig({ LUOSHI_DATA_DIR: "/tmp/luoshi-bench-bulletins" });
if (parsed.config === undefined) {
  throw new Error("config");
}
// a year later than the bulletins: every month of 2026 is over and may be issued
let now = new Date("2027-01-15T10:00:00+08:00");
const deps: ServiceDeps = { handle, config: parsed.config, now: () => now };
await importOrgUnits(deps, systemActor("bench"), [
  { code: "620802", name: "崆峒区", kind: "county" },
  ...Array.from({ length: 30 }, (_, i) => ({
    code: `620802-d${i}`,
    name: `部门${i + 1}`,
    kind: "department" as const,
    parentCode: "620802",
  })),
]);
const county = await orgUnitRepo.findByCode(handle.db, "620802");
if (county === undefined) {
  throw new Error("county");
}
const reports = await seedLedgerBench(handle, county.id, { tasks: TASKS, periods: 60 });
const actor: Actor = { ...systemActor("bench"), role: "bureauSupervisor", scope: scopeOf(county.path) };

const issueMs: number[] = [];
const issued = new Map<string, { id: string; bytes: Buffer }>();
for (const month of MONTHS) {
  const t0 = performance.now();
  const row = await issueBulletin(deps, actor, { month });
  issueMs.push(performance.now() - t0);
  issued.set(month, { id: row.id, bytes: Buffer.from((await issuedBulletinDocx(deps, actor, row.id)).docx) });
}

await changeLedgerBench(handle);
now = new Date("2028-01-15T10:00:00+08:00"); // a year on
const downloadMs: number[] = [];
let identical = 0;
for (const month of MONTHS) {
  const entry = issued.get(month);
  if (entry === undefined) {
    throw new Error(month);
  }
  const t0 = performance.now();
  const again = Buffer.from((await issuedBulletinDocx(deps, actor, entry.id)).docx);
  downloadMs.push(performance.now() - t0);
  identical += again.equals(entry.bytes) ? 1 : 0;
}
const live = await bulletinFor(deps, actor, "2026-07");
const liveRenamed = live.bulletin.perUnit.some((u) => u.unit.name.includes("（更名）"));
const list = await listIssuedBulletins(deps, actor);

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
const max = (xs: number[]) => Math.max(...xs);
console.log(
  `ledger: ${TASKS} tasks, ${reports} reports; ${list.length} bulletins issued (期号 ${list.map((b) => b.serial).join(",")})`,
);
console.log(
  `印发 (figures + .docx + store): median ${median(issueMs).toFixed(0)} ms, max ${max(issueMs).toFixed(0)} ms`,
);
console.log(
  `re-download a year later: median ${median(downloadMs).toFixed(1)} ms, max ${max(downloadMs).toFixed(1)} ms`,
);
console.log(`byte-identical after the data changed: ${identical} / ${MONTHS.length}`);
console.log(`the live 2026-07 月通报 names the renamed units: ${liveRenamed ? "yes" : "no"}`);
await handle.close();
if (identical !== MONTHS.length || list.length !== MONTHS.length) {
  process.exitCode = 1;
}
