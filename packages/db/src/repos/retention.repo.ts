/**
 * Retention of the 学籍: pupils who left the county's schools (学籍状态 转出 or 毕业) longer ago than the
 * configured period are anonymised — their sealed values replaced by a placeholder, their blind indexes
 * dropped — keeping the clear columns the statistics count (school, 学段, grade, sex, birth year, status)
 * and the movements. Their closed 控辍 cases are anonymised likewise. A pupil with a case still open is
 * kept (docs/dropout-cases.md).
 */
import { sql } from "kysely";
import type { Db } from "../db.ts";
import { encryptField } from "../field-crypto.ts";

/** What anonymising leaves of a pupil's sealed values. */
export const ANONYMISED_NAME = "已匿名";

const CHUNK = 1000;

export const retentionRepo = {
  /**
   * Pupils whose leaving (the latest 转出 or 毕业 movement, else their last update) lies before `leftBefore`,
   * not yet anonymised and with no open case.
   */
  async candidates(db: Db, leftBefore: string): Promise<{ id: string; birthYear: number }[]> {
    const rows = await sql<{ id: string; birth_year: number }>`
      SELECT s.id, s.birth_year
      FROM students s
      WHERE s.status IN ('transferredOut', 'graduated')
        AND s.student_no_index NOT LIKE 'anon:%'
        AND COALESCE(
              (SELECT max(m.occurred_on) FROM student_movements m
                WHERE m.student_id = s.id AND m.kind IN ('transferOut', 'graduation')),
              (s.updated_at AT TIME ZONE 'Asia/Shanghai')::date
            ) < ${leftBefore}::date
        AND NOT EXISTS (SELECT 1 FROM dropout_cases d WHERE d.student_id = s.id AND d.state <> 'closed')
      ORDER BY s.id
    `.execute(db);
    return rows.rows.map((r) => ({ id: r.id, birthYear: r.birth_year }));
  },

  /** Anonymises these pupils and their closed cases; returns how many cases were anonymised. */
  async anonymise(db: Db, pupils: readonly { id: string; birthYear: number }[]): Promise<number> {
    let cases = 0;
    for (let i = 0; i < pupils.length; i += CHUNK) {
      const chunk = pupils.slice(i, i + CHUNK).map((p) => ({
        i: p.id,
        p: encryptField(
          db,
          JSON.stringify({
            studentNo: ANONYMISED_NAME,
            idNumber: null,
            name: ANONYMISED_NAME,
            birthDate: `${String(p.birthYear)}-01-01`,
            hukou: "",
            guardianName: null,
            guardianPhone: null,
          }),
        ),
      }));
      await sql`
        UPDATE students s SET personal = x.p, student_no_index = 'anon:' || s.id::text, id_number_index = NULL,
          class_name = '', updated_at = now()
        FROM jsonb_to_recordset(${JSON.stringify(chunk)}::jsonb) AS x(i uuid, p text)
        WHERE s.id = x.i
      `.execute(db);
      const ids = chunk.map((c) => c.i);
      const closed = await db
        .selectFrom("dropout_cases")
        .select("id")
        .where("student_id", "in", ids)
        .where("state", "=", "closed")
        .execute();
      for (const c of closed) {
        await db
          .updateTable("dropout_cases")
          .set({
            personal: encryptField(
              db,
              JSON.stringify({ name: ANONYMISED_NAME, idNumber: null, causeNote: "", plan: "", people: {} }),
            ),
            id_number_index: null,
            updated_at: sql<Date>`now()`,
          })
          .where("id", "=", c.id)
          .execute();
        await db
          .updateTable("dropout_case_steps")
          .set({ record: null })
          .where("case_id", "=", c.id)
          .execute();
      }
      cases += closed.length;
    }
    return cases;
  },
};
