import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "./client.ts";
import { inTransaction, type Db } from "./db.ts";
import type { OrgUnitRow } from "./schema.ts";
import { scopeOf, type Scope } from "./scope.ts";
import { createTestDatabase, testEngines } from "./testing.ts";
import { evaluationRepo } from "./repos/evaluation.repo.ts";
import { orgUnitRepo } from "./repos/org-unit.repo.ts";
import { planRepo } from "./repos/plan.repo.ts";
import { statsRepo } from "./repos/stats.repo.ts";
import { taskRepo, type TaskReach } from "./repos/task.repo.ts";
import { taskWriteRepo } from "./repos/task-write.repo.ts";
import { userRepo } from "./repos/user.repo.ts";

/** The year every planted statistics row and import belongs to. */
const YEAR = 2024;
/** Reports are planted on this day; the task loaders read those submitted from SINCE on. */
const SINCE = new Date("2024-01-01T00:00:00Z");

/** One county's planted rows: every id that may come back from a scoped read, and the county's name. */
interface County {
  name: string;
  county: OrgUnitRow;
  school: OrgUnitRow;
  department: OrgUnitRow;
  planId: string;
  targetId: string;
  taskId: string;
  userId: string;
  importId: string;
  /** Every id above: none of them may appear in another county's reads. */
  ids: string[];
}

/** Plants a county under `city` with a school, a department and one row of every scoped kind. */
async function plantCounty(db: Db, city: OrgUnitRow, name: string, code: string): Promise<County> {
  const county = await orgUnitRepo.insert(db, { code, name, kind: "county", parent_id: city.id }, city);
  const school = await orgUnitRepo.insert(
    db,
    { code: `${code}S`, name: `${name}小学`, kind: "school", school_type: "primary", parent_id: county.id },
    county,
  );
  const department = await orgUnitRepo.insert(
    db,
    { code: `${code}D`, name: `${name}教育局`, kind: "department", parent_id: county.id },
    county,
  );
  const user = await userRepo.insert(db, {
    login: `user-${code}`,
    display_name: `${name}用户`,
    role: "bureauSupervisor",
    org_unit_id: county.id,
    password_hash: "x",
    password_changed_at: new Date(),
  });
  const imported = await statsRepo.insertImport(db, {
    org_unit_id: county.id,
    year: YEAR,
    file_name: `${name}.csv`,
    sha256: code,
    rows: 1,
    imported_by: user.id,
  });
  await statsRepo.insertMany(
    db,
    "school_stats",
    [{ orgUnitId: school.id, year: YEAR, values: { "pupils.primary": 100 } }],
    { importId: imported.id, importedBy: user.id },
  );
  const planId = crypto.randomUUID();
  const targetId = crypto.randomUUID();
  await planRepo.insertTree(
    db,
    {
      id: planId,
      org_unit_id: county.id,
      title: `${name}教育发展规划`,
      source_file_name: `${name}.txt`,
      source_format: "text",
      source_text: "",
      source_sha256: code,
      created_by: user.id,
    },
    [],
    [],
    [
      {
        id: targetId,
        plan_id: planId,
        path: "1",
        text: `${name}目标`,
        metric: "入园率",
        comparator: ">=",
        value: 90,
        kind: "target",
        sort_order: 0,
      },
    ],
  );
  const taskId = crypto.randomUUID();
  await taskWriteRepo.insertTask(db, {
    task: {
      id: taskId,
      org_unit_id: county.id,
      plan_id: planId,
      source_kind: "plan",
      title: `${name}任务`,
      state: "inProgress",
      assigned_on: "2024-01-01",
      deadline: "2099-12-31",
      created_by: user.id,
    },
    unitIds: [department.id],
    milestones: [{ title: `${name}节点`, dueOn: "2099-06-30" }],
    planTargetIds: [targetId],
  });
  await taskWriteRepo.insertReport(db, {
    task_id: taskId,
    org_unit_id: department.id,
    period: "2024-06",
    progress: 50,
    text: `${name}进展`,
    submitted_by: user.id,
    submitted_at: new Date("2024-06-30T00:00:00Z"),
  });
  await taskWriteRepo.insertInstruction(db, {
    task_id: taskId,
    author_id: user.id,
    author_unit_id: county.id,
    text: `${name}批示`,
  });
  return {
    name,
    county,
    school,
    department,
    planId,
    targetId,
    taskId,
    userId: user.id,
    importId: imported.id,
    ids: [county.id, school.id, department.id, planId, targetId, taskId, user.id, imported.id],
  };
}

/** A repository read that takes a scope, and the row of the scope's own county it must return. */
interface ScopedRead {
  name: string;
  read: (db: Db, scope: Scope) => Promise<unknown>;
  /** The id of `own` the read must return for its own scope (the positive check). */
  expects: (own: County) => string;
}

describe.each(testEngines())("no repository reaches across units on %s", (engine) => {
  let handle: DatabaseHandle;
  let city: OrgUnitRow;
  let a: County;
  let b: County;
  beforeAll(async () => {
    handle = await createTestDatabase(engine);
    city = await orgUnitRepo.insert(handle.db, { code: "C", name: "市", kind: "city" }, null);
    a = await plantCounty(handle.db, city, "甲县", "A");
    b = await plantCounty(handle.db, city, "乙县", "B");
  });
  afterAll(async () => {
    await handle.close();
  });

  /** Fails when `result` carries any id or name of county `other`. */
  const expectNothingOf = (result: unknown, other: County): void => {
    const text = JSON.stringify(result);
    for (const id of other.ids) {
      expect(text).not.toContain(id);
    }
    expect(text).not.toContain(other.name);
  };

  const taskReads = (reach: TaskReach): ScopedRead[] => [
    {
      name: `taskRepo.loadBundle (${reach})`,
      read: (db, scope) => taskRepo.loadBundle(db, { scope, reach }),
      expects: (own) => own.taskId,
    },
    {
      name: `taskRepo.lightData (${reach})`,
      read: (db, scope) => taskRepo.lightData(db, { scope, reach }, SINCE, "2024-07-01"),
      expects: (own) => own.taskId,
    },
    {
      name: `taskRepo.reportsSince (${reach})`,
      read: (db, scope) => taskRepo.reportsSince(db, { scope, reach }, SINCE),
      expects: (own) => own.taskId,
    },
    {
      name: `taskRepo.openingInstructions (${reach})`,
      read: (db, scope) => taskRepo.openingInstructions(db, { scope, reach }),
      expects: (own) => own.taskId,
    },
  ];

  const reads: ScopedRead[] = [
    {
      name: "evaluationRepo.listBalanceSchools",
      read: (db, scope) => evaluationRepo.listBalanceSchools(db, scope, ["primary"], YEAR),
      expects: (own) => own.school.id,
    },
    {
      name: "evaluationRepo.listSchools",
      read: (db, scope) => evaluationRepo.listSchools(db, scope, YEAR),
      expects: (own) => own.school.name,
    },
    {
      name: "orgUnitRepo.list",
      read: (db, scope) => orgUnitRepo.list(db, { scope, limit: 100, offset: 0 }),
      expects: (own) => own.department.id,
    },
    {
      name: "orgUnitRepo.list (open today only)",
      read: (db, scope) => orgUnitRepo.list(db, { scope, activeOn: "2024-09-01", limit: 100, offset: 0 }),
      expects: (own) => own.department.id,
    },
    {
      name: "planRepo.registryUnits",
      read: (db, scope) => planRepo.registryUnits(db, scope),
      expects: (own) => own.department.id,
    },
    {
      name: "planRepo.findScopeRoot",
      read: (db, scope) => planRepo.findScopeRoot(db, scope),
      expects: (own) => own.county.id,
    },
    {
      name: "planRepo.listInScope",
      read: (db, scope) => planRepo.listInScope(db, scope),
      expects: (own) => own.planId,
    },
    {
      name: "statsRepo.listUnitsInScope",
      read: (db, scope) => statsRepo.listUnitsInScope(db, scope),
      expects: (own) => own.school.id,
    },
    {
      name: "statsRepo.listImports",
      read: (db, scope) => statsRepo.listImports(db, scope, { page: 1, pageSize: 100 }),
      expects: (own) => own.name,
    },
    {
      name: "statsRepo.listInScope",
      read: (db, scope) => statsRepo.listInScope(db, "school_stats", scope, YEAR, YEAR),
      expects: (own) => own.school.id,
    },
    {
      name: "statsRepo.listPackedInScope",
      read: (db, scope) => statsRepo.listPackedInScope(db, "school_stats", scope, YEAR, YEAR),
      expects: (own) => own.school.id,
    },
    {
      name: "statsRepo.listPackedTablesInScope",
      read: (_db, scope) =>
        statsRepo.listPackedTablesInScope(handle.db, scope, [
          { table: "school_stats", from: YEAR, to: YEAR },
        ]),
      expects: (own) => own.school.id,
    },
    {
      name: "userRepo.listInScope",
      read: (db, scope) => userRepo.listInScope(db, scope),
      expects: (own) => own.userId,
    },
    ...taskReads("owned"),
    ...taskReads("named"),
  ];

  it.each(reads.map((r) => [r.name, r] as const))("%s returns its own county's rows only", async (_, r) => {
    for (const [own, other] of [
      [a, b],
      [b, a],
    ] as const) {
      const result = await r.read(handle.db, scopeOf(own.county.path));
      expect(JSON.stringify(result)).toContain(r.expects(own));
      expectNothingOf(result, other);
    }
  });

  it("a named task reaches the scope of the unit it names, and no other unit's", async () => {
    const bundle = await taskRepo.loadBundle(handle.db, {
      scope: scopeOf(a.department.path),
      reach: "named",
    });
    expect(bundle.tasks.map((t) => t.id)).toEqual([a.taskId]);
    expectNothingOf(bundle, b);
    const school = await taskRepo.loadBundle(handle.db, { scope: scopeOf(a.school.path), reach: "named" });
    expect(school.tasks).toEqual([]);
  });

  /** Filters a caller sends that name county B's rows, read with county A's scope. */
  const filtersNamingB: { name: string; read: (db: Db) => Promise<unknown> }[] = [
    {
      name: "orgUnitRepo.list, parentId of B's county",
      read: (db) =>
        orgUnitRepo.list(db, { scope: scopeOf(a.county.path), parentId: b.county.id, limit: 100, offset: 0 }),
    },
    {
      name: "orgUnitRepo.list, search for B's name",
      read: (db) =>
        orgUnitRepo.list(db, { scope: scopeOf(a.county.path), search: b.name, limit: 100, offset: 0 }),
    },
    ...(["owned", "named"] as const).flatMap((reach) => [
      {
        name: `taskRepo.loadBundle (${reach}), unitId of B's department`,
        read: (db: Db) =>
          taskRepo.loadBundle(db, { scope: scopeOf(a.county.path), reach, unitId: b.department.id }),
      },
      {
        name: `taskRepo.loadBundle (${reach}), planId of B's plan`,
        read: (db: Db) => taskRepo.loadBundle(db, { scope: scopeOf(a.county.path), reach, planId: b.planId }),
      },
      {
        name: `taskRepo.loadBundle (${reach}), taskId of B's task`,
        read: (db: Db) => taskRepo.loadBundle(db, { scope: scopeOf(a.county.path), reach, taskId: b.taskId }),
      },
      {
        name: `taskRepo.loadBundle (${reach}), taskIds with B's task`,
        read: (db: Db) =>
          taskRepo.loadBundle(db, { scope: scopeOf(a.county.path), reach, taskIds: [b.taskId, a.taskId] }),
      },
      {
        name: `taskRepo.lightData (${reach}), unitId of B's department`,
        read: (db: Db) =>
          taskRepo.lightData(
            db,
            { scope: scopeOf(a.county.path), reach, unitId: b.department.id },
            SINCE,
            "2024-07-01",
          ),
      },
      {
        name: `taskRepo.reportsSince (${reach}), unitId of B's department`,
        read: (db: Db) =>
          taskRepo.reportsSince(db, { scope: scopeOf(a.county.path), reach, unitId: b.department.id }, SINCE),
      },
      {
        name: `taskRepo.openingInstructions (${reach}), taskId of B's task`,
        read: (db: Db) =>
          taskRepo.openingInstructions(db, { scope: scopeOf(a.county.path), reach, taskId: b.taskId }),
      },
    ]),
  ];

  it.each(filtersNamingB.map((f) => [f.name, f] as const))("%s: nothing of B", async (_, f) => {
    expectNothingOf(await f.read(handle.db), b);
  });

  it("deleteYearInScope deletes the scope's rows and leaves the sibling's", async () => {
    const rolledBack = new Error("roll back: the other tests read these rows");
    await expect(
      inTransaction(handle.db, async (trx) => {
        expect(await statsRepo.deleteYearInScope(trx, "school_stats", scopeOf(a.county.path), YEAR)).toBe(1);
        const left = await statsRepo.listInScope(trx, "school_stats", scopeOf(city.path), YEAR, YEAR);
        expect(left.map((r) => r.orgUnitId)).toEqual([b.school.id]);
        throw rolledBack;
      }),
    ).rejects.toBe(rolledBack);
    expect(await statsRepo.countYear(handle.db, "school_stats", YEAR)).toBe(2);
  });
});
