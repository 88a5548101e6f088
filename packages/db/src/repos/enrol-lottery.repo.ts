/**
 * 超员摇号 (enrol_lotteries): one county's draw per year, with its frozen inputs and published result, and
 * the inputs a freeze reads (the approved applications and the schools' catchments). Reads are limited to
 * the scope through the area.
 */
import type { Db } from "../db.ts";
import { inScope, type Scope } from "../scope.ts";

/** A lottery as stored. */
export interface LotteryRow {
  id: string;
  schoolYear: number;
  status: "frozen" | "drawn";
  labels: string;
  listSha256: string;
  applicants: unknown;
  schools: unknown;
  entropy: string | null;
  resultCsv: string | null;
  outcome: unknown;
  frozenAt: Date;
  drawnAt: Date | null;
}

export const enrolLotteryRepo = {
  /** The area's lottery of the year, when the area lies in the scope. */
  async find(db: Db, scope: Scope, areaUnitId: string, year: number): Promise<LotteryRow | undefined> {
    const r = await db
      .selectFrom("enrol_lotteries as l")
      .innerJoin("org_units as u", "u.id", "l.area_unit_id")
      .selectAll("l")
      .where("l.area_unit_id", "=", areaUnitId)
      .where("l.school_year", "=", year)
      .where(inScope("u.path", scope))
      .executeTakeFirst();
    return r === undefined
      ? undefined
      : {
          id: r.id,
          schoolYear: r.school_year,
          status: r.status,
          labels: r.labels,
          listSha256: r.list_sha256,
          applicants: r.applicants,
          schools: r.schools,
          entropy: r.entropy,
          resultCsv: r.result_csv,
          outcome: r.outcome,
          frozenAt: r.frozen_at,
          drawnAt: r.drawn_at,
        };
  },

  /** The approved applications of the area's year: number, school code, tier (in number order). */
  async approved(db: Db, areaUnitId: string, year: number) {
    return db
      .selectFrom("enrol_applications as a")
      .innerJoin("org_units as s", "s.id", "a.school_unit_id")
      .select(["a.application_no", "s.code as school_code", "a.tier"])
      .where("a.area_unit_id", "=", areaUnitId)
      .where("a.school_year", "=", year)
      .where("a.status", "=", "approved")
      .orderBy("a.application_no")
      .execute();
  },

  /** Sex and documents of the area's applications of the year, by application number (for 编班). */
  async pupilFacts(
    db: Db,
    areaUnitId: string,
    year: number,
  ): Promise<Map<string, { sex: "M" | "F"; documents: unknown }>> {
    const rows = await db
      .selectFrom("enrol_applications")
      .select(["application_no", "sex", "documents"])
      .where("area_unit_id", "=", areaUnitId)
      .where("school_year", "=", year)
      .execute();
    return new Map(rows.map((r) => [r.application_no, { sex: r.sex, documents: r.documents }]));
  },

  /** The sealed personal values of the area's applications of the year, by application number. */
  async sealedByNumber(db: Db, areaUnitId: string, year: number): Promise<Map<string, string>> {
    const rows = await db
      .selectFrom("enrol_applications")
      .select(["application_no", "personal"])
      .where("area_unit_id", "=", areaUnitId)
      .where("school_year", "=", year)
      .execute();
    return new Map(rows.map((r) => [r.application_no, r.personal]));
  },

  async insertFrozen(
    db: Db,
    row: {
      areaUnitId: string;
      year: number;
      labels: string;
      listSha256: string;
      applicants: unknown;
      schools: unknown;
      userId: string | null;
    },
  ): Promise<string> {
    const r = await db
      .insertInto("enrol_lotteries")
      .values({
        area_unit_id: row.areaUnitId,
        school_year: row.year,
        status: "frozen",
        labels: row.labels,
        list_sha256: row.listSha256,
        applicants: JSON.stringify(row.applicants),
        schools: JSON.stringify(row.schools),
        frozen_by: row.userId,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    return r.id;
  },

  /** Stores the draw; only a frozen lottery is drawn (a second draw finds none and changes nothing). */
  async recordDraw(
    db: Db,
    id: string,
    draw: { entropy: string; resultCsv: string; outcome: unknown; userId: string | null },
  ): Promise<boolean> {
    const r = await db
      .updateTable("enrol_lotteries")
      .set({
        status: "drawn",
        entropy: draw.entropy,
        result_csv: draw.resultCsv,
        outcome: JSON.stringify(draw.outcome),
        drawn_by: draw.userId,
        drawn_at: new Date(),
      })
      .where("id", "=", id)
      .where("status", "=", "frozen")
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  },
};
