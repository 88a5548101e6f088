import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "../client.ts";
import type { OrgUnitRow } from "../schema.ts";
import { createTestDatabase, testEngines } from "../testing.ts";
import { attendanceRepo } from "./attendance.repo.ts";
import { orgUnitRepo } from "./org-unit.repo.ts";
import { studentRepo } from "./student.repo.ts";

const personal = (n: number) => ({
  studentNo: `L${String(620899000 + n)}`,
  idNumber: null,
  name: `王测试${String(n)}`,
  birthDate: "2015-03-01",
  hukou: "",
  guardianName: null,
  guardianPhone: null,
});

describe.each(testEngines())("daily absences in bulk on %s", (engine) => {
  let handle: DatabaseHandle;
  let school: OrgUnitRow;
  let pupils: string[];
  beforeAll(async () => {
    handle = await createTestDatabase(engine);
    const db = handle.db;
    const county = await orgUnitRepo.insert(db, { code: "620899", name: "测试县", kind: "county" }, null);
    school = await orgUnitRepo.insert(
      db,
      { code: "1620899001", name: "测试小学", kind: "school", school_type: "primary", parent_id: county.id },
      county,
    );
    const importId = await studentRepo.insertImport(db, {
      scope_unit_id: county.id,
      file_name: "学籍.csv",
      sha256: "",
      school_year: 2024,
      term: 1,
      as_of: "2024-09-30",
      row_count: 3,
      summary: "{}",
    });
    pupils = await studentRepo.upsertMany(
      db,
      [0, 1, 2].map((n) => ({
        unitId: school.id,
        personal: personal(n),
        sex: "M",
        level: "primary",
        grade: 3,
        className: "1班",
        migrant: false,
        leftBehind: n === 0,
        disabled: false,
        status: "enrolled",
      })),
      { importId, schoolYear: 2024, term: 1 },
    );
    await attendanceRepo.ensurePartitions(db, "2024-11-01", "2024-11-30");
  });
  afterAll(async () => {
    await handle.close();
  });

  it("writes a day's absences and reads each absent pupil's look-back within the county", async () => {
    const db = handle.db;
    const [a, b, c] = pupils;
    for (const day of ["2024-11-06", "2024-11-07"]) {
      await attendanceRepo.insertAbsences(db, "620899", day, [
        { unitId: school.id, studentId: a ?? "", reason: "truant" },
      ]);
    }
    await attendanceRepo.insertAbsences(db, "620899", "2024-11-08", [
      { unitId: school.id, studentId: a ?? "", reason: "unknown" },
      { unitId: school.id, studentId: b ?? "", reason: "sick" },
    ]);
    await attendanceRepo.insertReports(db, "620899", "2024-11-08", [
      {
        unitId: school.id,
        expected: 3,
        present: 1,
        classes: [{ className: "1班", expected: 3, present: 1 }],
      },
    ]);
    const history = await attendanceRepo.historyOfAbsent(db, "620899", null, "2024-11-08", "2024-10-01");
    expect(history.map((h) => [h.studentId, h.day, h.reason, h.leftBehind])).toEqual(
      [
        [a, "2024-11-06", "truant", true],
        [a, "2024-11-07", "truant", true],
        [a, "2024-11-08", "unknown", true],
        [b, "2024-11-08", "sick", false],
      ].sort((x, y) => String(x[0]).localeCompare(String(y[0]))),
    );
    // another county's day is not this county's
    expect(await attendanceRepo.historyOfAbsent(db, "620800", null, "2024-11-08", "2024-10-01")).toEqual([]);
    expect(c).toBeDefined();
  });

  it("refuses an absence of a pupil who is not in the registry, writing none of the chunk", async () => {
    const db = handle.db;
    await expect(
      attendanceRepo.insertAbsences(db, "620899", "2024-11-11", [
        { unitId: school.id, studentId: pupils[2] ?? "", reason: "sick" },
        { unitId: school.id, studentId: randomUUID(), reason: "sick" },
      ]),
    ).rejects.toThrow(/not in the registry/);
    const left = await attendanceRepo.historyOfAbsent(db, "620899", null, "2024-11-11", "2024-11-11");
    expect(left).toEqual([]);
  });
});
