/**
 * HTTP shapes of what the 督查室 issues: 已印发通报, the 印发 form's defaults, 年度考核 with its scheme.
 */
import type {
  Assessment,
  BulletinIssueDraft,
  IssuedBulletin,
  IssuedBulletinDetail,
  RankedUnitRow,
} from "@luoshi/contracts";
import { MonthlyBulletin } from "@luoshi/contracts";
import type { RankedUnitRow as DomainRankedRow } from "@luoshi/domain/ledger";
import type { IssuedBulletinListRow, IssuedBulletinRow } from "@luoshi/db";
import type { IssueDraft, IssuedSnapshot } from "../../services/ledger/issue-bulletin.ts";
import type { AssessmentReport } from "../../reports/assessment-export.ts";

function presentRanked(rows: readonly DomainRankedRow[]): RankedUnitRow[] {
  return rows.map((u) => ({ ...u, unit: { id: u.unit.id, name: u.unit.name } }));
}

/** One line of the 已印发 list. */
export function presentIssued(row: IssuedBulletinListRow & { issuer_name?: string | null }): IssuedBulletin {
  return {
    id: row.id,
    month: row.month,
    year: row.year,
    serial: row.serial,
    docNumber: row.doc_number,
    title: row.title,
    recipients: Array.isArray(row.recipients) ? row.recipients.map(String) : [],
    sha256: row.sha256,
    issuedAt: row.issued_at.toISOString(),
    issuedBy: row.issuer_name ?? null,
  };
}

/** An issued bulletin with its frozen figures, read back from the stored snapshot as it was issued. */
export function presentIssuedDetail(row: IssuedBulletinRow): IssuedBulletinDetail {
  const snapshot = row.snapshot as IssuedSnapshot;
  return {
    ...presentIssued(row),
    bulletin: MonthlyBulletin.parse(snapshot.bulletin),
    ranked: snapshot.ranked,
    praise: snapshot.praise,
    criticism: snapshot.criticism,
  };
}

/** The 印发 form's defaults for a month. */
export function presentIssueDraft(d: IssueDraft): BulletinIssueDraft {
  return {
    month: d.view.bulletin.month,
    serial: d.serial,
    docNumber: d.docNumber,
    recipients: d.settings.recipients,
    praise: d.praise,
    criticism: d.criticism,
    ranked: presentRanked(d.ranked),
    issued: d.issued === null ? null : presentIssued(d.issued),
    blocked: d.blocked,
  };
}

/** 年度考核 with its scheme, ranked. */
export function presentAssessment(r: AssessmentReport): Assessment {
  return {
    year: r.year,
    asOf: r.asOf,
    scheme: r.scheme,
    rows: r.rows.map((a) => ({
      rank: a.rank,
      score: a.score,
      unit: { id: a.row.unit.id, name: a.row.unit.name },
      tally: { ...a.row, unit: { id: a.row.unit.id, name: a.row.unit.name } },
      counts: a.counts,
      deductions: a.deductions,
    })),
  };
}
