import type { Insertable, Kysely, Transaction } from "kysely";
import type { AttestationPart } from "@luoshi/domain/evaluation";
import type {
  Database,
  SupervisionAttestationRow,
  SupervisionEvidenceRow,
  SupervisionEvidenceTable,
  SupervisionSettingsRow,
  SupervisionSurveyRow,
} from "../schema.ts";

type Db = Kysely<Database> | Transaction<Database>;

/** A claim to write (the review columns are reset to 待审核 by every write). */
export interface AttestationWrite {
  orgUnitId: string;
  year: number;
  part: AttestationPart;
  code: string;
  claimMet: boolean;
  claimedValue: number | null;
  note: string;
  submittedBy: string;
  submittedAt: Date;
}

/** One respondent group's survey figures to write. */
export interface SurveyWrite {
  group: string;
  respondents: number;
  satisfied: number;
}

/** Reads and writes 督导评估 attestations, their evidence, survey results and settings. */
export const supervisionRepo = {
  /** The attestations of one county and year (every part), in code order. */
  async listAttestations(db: Db, orgUnitId: string, year: number): Promise<SupervisionAttestationRow[]> {
    return db
      .selectFrom("supervision_attestations")
      .selectAll()
      .where("org_unit_id", "=", orgUnitId)
      .where("year", "=", year)
      .orderBy("code")
      .execute();
  },

  async findAttestation(db: Db, id: string): Promise<SupervisionAttestationRow | undefined> {
    return db.selectFrom("supervision_attestations").selectAll().where("id", "=", id).executeTakeFirst();
  },

  async findAttestationByCode(
    db: Db,
    orgUnitId: string,
    year: number,
    code: string,
  ): Promise<SupervisionAttestationRow | undefined> {
    return db
      .selectFrom("supervision_attestations")
      .selectAll()
      .where("org_unit_id", "=", orgUnitId)
      .where("year", "=", year)
      .where("code", "=", code)
      .executeTakeFirst();
  },

  /** Inserts or replaces the claim of (county, year, code); the review goes back to 待审核. */
  async upsertAttestation(db: Db, w: AttestationWrite): Promise<SupervisionAttestationRow> {
    const claim = {
      claim_met: w.claimMet,
      claimed_value: w.claimedValue,
      note: w.note,
      submitted_by: w.submittedBy,
      submitted_at: w.submittedAt,
      review_state: "pending",
      reviewed_by: null,
      review_comment: null,
      reviewed_at: null,
    };
    return db
      .insertInto("supervision_attestations")
      .values({ org_unit_id: w.orgUnitId, year: w.year, part: w.part, code: w.code, ...claim })
      .onConflict((oc) => oc.columns(["org_unit_id", "year", "code"]).doUpdateSet(claim))
      .returningAll()
      .executeTakeFirstOrThrow();
  },

  /** Records a review decision. */
  async setReview(
    db: Db,
    id: string,
    r: {
      state: "confirmed" | "returned" | "pending";
      reviewedBy: string | null;
      comment: string | null;
      at: Date | null;
    },
  ): Promise<SupervisionAttestationRow> {
    return db
      .updateTable("supervision_attestations")
      .set({ review_state: r.state, reviewed_by: r.reviewedBy, review_comment: r.comment, reviewed_at: r.at })
      .where("id", "=", id)
      .returningAll()
      .executeTakeFirstOrThrow();
  },

  /** Evidence of the given attestations, oldest first. */
  async listEvidence(db: Db, attestationIds: readonly string[]): Promise<SupervisionEvidenceRow[]> {
    if (attestationIds.length === 0) {
      return [];
    }
    return db
      .selectFrom("supervision_evidence")
      .selectAll()
      .where("attestation_id", "in", attestationIds)
      .orderBy("uploaded_at")
      .orderBy("file_name")
      .execute();
  },

  async insertEvidence(db: Db, row: Insertable<SupervisionEvidenceTable>): Promise<SupervisionEvidenceRow> {
    return db.insertInto("supervision_evidence").values(row).returningAll().executeTakeFirstOrThrow();
  },

  async findEvidence(db: Db, id: string): Promise<SupervisionEvidenceRow | undefined> {
    return db.selectFrom("supervision_evidence").selectAll().where("id", "=", id).executeTakeFirst();
  },

  async listSurveys(db: Db, orgUnitId: string, year: number): Promise<SupervisionSurveyRow[]> {
    return db
      .selectFrom("supervision_surveys")
      .selectAll()
      .where("org_unit_id", "=", orgUnitId)
      .where("year", "=", year)
      .execute();
  },

  /** Replaces the survey results of one county and year. */
  async replaceSurveys(
    db: Db,
    orgUnitId: string,
    year: number,
    groups: readonly SurveyWrite[],
    by: string,
    at: Date,
  ): Promise<void> {
    await db
      .deleteFrom("supervision_surveys")
      .where("org_unit_id", "=", orgUnitId)
      .where("year", "=", year)
      .execute();
    if (groups.length > 0) {
      await db
        .insertInto("supervision_surveys")
        .values(
          groups.map((g) => ({
            org_unit_id: orgUnitId,
            year,
            respondent_group: g.group,
            respondents: g.respondents,
            satisfied: g.satisfied,
            updated_by: by,
            updated_at: at,
          })),
        )
        .execute();
    }
  },

  async findSettings(db: Db, orgUnitId: string, year: number): Promise<SupervisionSettingsRow | undefined> {
    return db
      .selectFrom("supervision_settings")
      .selectAll()
      .where("org_unit_id", "=", orgUnitId)
      .where("year", "=", year)
      .executeTakeFirst();
  },

  /** Writes the settings of one county and year; absent fields keep their stored value. */
  async upsertSettings(
    db: Db,
    orgUnitId: string,
    year: number,
    s: { aggregation?: string; basicBalanceYear?: number | null },
    by: string,
    at: Date,
  ): Promise<SupervisionSettingsRow> {
    const set = {
      ...(s.aggregation === undefined ? {} : { aggregation: s.aggregation }),
      ...(s.basicBalanceYear === undefined ? {} : { basic_balance_year: s.basicBalanceYear }),
      updated_by: by,
      updated_at: at,
    };
    return db
      .insertInto("supervision_settings")
      .values({ org_unit_id: orgUnitId, year, ...set })
      .onConflict((oc) => oc.columns(["org_unit_id", "year"]).doUpdateSet(set))
      .returningAll()
      .executeTakeFirstOrThrow();
  },
};
