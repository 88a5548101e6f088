/**
 * Benchmark of 学籍导入: the demo county's units, a synthetic registry of N pupils (default 200,000: the
 * demo statistics' pupils by school and grade, scaled) written as one .csv, then `importRegistry` timed
 * end to end — reading, checking, sealing (SM4 + HMAC-SM3 per pupil, two blind indexes) and writing — for
 * a first import and a re-import of the same file (every pupil matched and rewritten). Also prints the
 * cost of sealing alone. Goal: ≥ 50,000 rows/s.
 * Run: node scripts/bench-registry-import.ts [rows=200000] [pglite|postgres]
 * (postgres uses TEST_DATABASE_URL, default postgres://postgres@127.0.0.1:5432/postgres).
 */
import { blindIndex, encryptField, orgUnitRepo, scopeOf } from "@luoshi/db";
import { createTestDatabase } from "@luoshi/db/testing";
import { generateDemoCounty } from "@luoshi/domain/demo";
import { generateDemoStatistics } from "@luoshi/domain/stats";
import {
  DEMO_REGISTRY_YEAR,
  generateSyntheticRegistry,
  gradeCountsFromStatistics,
  gradeLabel,
} from "@luoshi/domain/registry";
import { importOrgUnits, importRegistry, parseConfig, systemActor, type ServiceDeps } from "@luoshi/server";

const rows = Number(process.argv[2] ?? 200_000);
const engine = process.argv[3] === "postgres" ? "postgres" : "pglite";
if (engine === "postgres") {
  process.env.TEST_DATABASE_URL ??= "postgres://postgres@127.0.0.1:5432/postgres";
}

const county = generateDemoCounty();
const stats = generateDemoStatistics(county, [DEMO_REGISTRY_YEAR]);
const counts = gradeCountsFromStatistics(stats.records);
const total = counts.reduce((s, c) => s + c.pupils, 0);
const scale = rows / total;
const records = generateSyntheticRegistry({
  seed: county.seed,
  year: DEMO_REGISTRY_YEAR,
  countyCode: county.countyCode,
  schools: county.units.flatMap((u) =>
    u.school === undefined
      ? []
      : [
          {
            code: u.code,
            schoolType: u.school.schoolType,
            urbanRural: u.school.urbanRural,
            homes: ["甘肃省平凉市崆峒区"],
          },
        ],
  ),
  counts: counts.map((c) => ({ ...c, pupils: Math.round(c.pupils * scale) })),
});
const header = "全国学籍号,身份证件号,姓名,性别,出生日期,学校标识码,年级,班级,是否留守儿童";
const lines = records.map((r) =>
  [
    r.studentNo,
    r.idNumber ?? "",
    r.name,
    r.sex === "M" ? "男" : "女",
    r.birthDate,
    r.schoolCode,
    r.grade.level === "special" ? "一年级" : gradeLabel(r.grade),
    r.className,
    r.leftBehind ? "是" : "否",
  ].join(","),
);
const bytes = Buffer.from(`${header}\n${lines.join("\n")}\n`, "utf8");
console.log(
  `学籍导入 on ${engine}: ${records.length} pupils, ${(bytes.length / 1048576).toFixed(1)} MB of CSV`,
);

const handle = await createTestDatabase(engine);
try {
  const parsed = parseConfig({ LUOSHI_DATA_DIR: "/tmp/luoshi-bench-unused", NODE_ENV: "test" });
  if (parsed.config === undefined) {
    throw new Error(parsed.problems.join("; "));
  }
  const deps: ServiceDeps = { handle, config: parsed.config, now: () => new Date() };
  await importOrgUnits(deps, systemActor("bench"), county.units);
  const root = await orgUnitRepo.findByCode(handle.db, county.countyCode);
  if (root === undefined) {
    throw new Error("no demo county");
  }
  const actor = { ...systemActor("bench"), role: "bureauPlanner" as const, scope: scopeOf(root.path) };

  let t = performance.now();
  for (const r of records) {
    encryptField(handle.db, JSON.stringify({ studentNo: r.studentNo, idNumber: r.idNumber, name: r.name }));
    blindIndex(handle.db, "studentNo", r.studentNo);
    blindIndex(handle.db, "idNumber", r.idNumber ?? "");
  }
  const sealMs = performance.now() - t;
  console.log(
    `sealing alone: ${Math.round(records.length / (sealMs / 1000)).toLocaleString("en")} rows/s (${(sealMs / 1000).toFixed(1)} s)`,
  );

  for (const run of ["first import", "re-import"]) {
    t = performance.now();
    const result = await importRegistry(deps, actor, {
      fileName: "学籍.csv",
      bytes,
      schoolYear: DEMO_REGISTRY_YEAR,
      term: 1,
      asOf: `${DEMO_REGISTRY_YEAR}-09-30`,
      preview: false,
    });
    const s = (performance.now() - t) / 1000;
    console.log(
      `${run}: ${result.rows} rows (added ${result.added}, updated ${result.updated}) in ${s.toFixed(1)} s = ${Math.round(result.rows / s).toLocaleString("en")} rows/s (goal ≥ 50,000)`,
    );
  }
} finally {
  await handle.close();
}
