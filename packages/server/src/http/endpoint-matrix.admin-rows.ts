/**
 * The matrix rows of installation and administration work (how to add a row: endpoint-matrix.rows.ts):
 * first-run setup, the installation's jurisdiction, the unit registry import, bulk accounts and the
 * life of a unit (new, edit, move, close, reopen, merge). Reads join the other reads; writes run after
 * every other write, in list order.
 */
import { qs, UNIT_SCOPED, type Row, type Target } from "./endpoint-matrix.rows.ts";
import { registryCsv, registryPreviewUrl } from "./endpoint-matrix.world-org.ts";

const registry = (id: string) => `/api/org-units/registry/${id}`;

/** Reads: setup (public; the matrix world holds units, so it is closed), installation, previews. */
export const ADMIN_READ_ROWS: readonly Row[] = [
  { op: "GET /api/setup/", need: "public", req: () => ({ url: "/api/setup" }) },
  // 409 here (the world holds units): the division list is for the first run only
  { op: "GET /api/setup/divisions", need: "public", req: () => ({ url: "/api/setup/divisions" }) },
  { op: "GET /api/installation/", need: "org.read", req: () => ({ url: "/api/installation" }) },
  {
    op: "GET /api/org-units/registry/template.xlsx",
    need: "org.write",
    costly: true,
    req: (t) => ({ url: `/api/org-units/registry/template.xlsx${qs({ countyId: t.county })}` }),
    body: "xlsx",
  },
  {
    op: "GET /api/org-units/registry/{id}",
    need: "org.write",
    req: (t) => ({ url: registry(t.registryImport) }),
  },
  {
    op: "GET /api/org-units/{id}/changes",
    need: "org.read",
    // the throwaway school of the county (its 开办 row): outside a department's or school's subtree
    ownRefused: UNIT_SCOPED,
    req: (t) => ({ url: `/api/org-units/${t.spare}/changes` }),
  },
  {
    op: "GET /api/users/bulk/preview",
    need: "user.write",
    req: (t) => ({ url: `/api/users/bulk/preview${qs({ unitId: t.home, kinds: "school,department" })}` }),
  },
];

const preview = (t: Target) => ({
  url: registryPreviewUrl(t.county),
  body: registryCsv(codeOf(t), t.label, 70),
  headers: { "content-type": "application/octet-stream" },
});

let serial = 0;
/** A fresh 学校标识码 of the side's county for a new school. */
const freshSchoolCode = (t: Target) => `1${codeOf(t)}${String(100 + (serial++ % 800))}`;
const unit = (id: string) => `/api/org-units/${id}`;

/** The county code of a side (its school code's digits 2–7). */
const codeOf = (t: Target) => t.schoolCode.slice(1, 7);

/**
 * Writes, after every other write. Setup answers 409 (installed already) whatever its token; the
 * registry apply adds two schools to the own county, and bulk accounts then opens theirs (and the
 * second school's): accounts no other row signs in with.
 */
export const ADMIN_WRITE_ROWS: readonly Row[] = [
  {
    op: "POST /api/setup/",
    need: "public",
    req: () => ({
      url: "/api/setup",
      body: {
        setupToken: "not-the-token",
        divisionCode: "620800",
        admin: { login: "matrix.setup", displayName: "矩阵", password: "Pl#2026-Liang" },
      },
    }),
  },
  { op: "POST /api/org-units/registry/preview", need: "org.write", req: preview },
  {
    op: "POST /api/org-units/registry/{id}/apply",
    need: "org.write",
    req: (t) => ({ url: `${registry(t.registryImport)}/apply`, body: { effectiveOn: "2025-09-01" } }),
  },
  {
    op: "POST /api/org-units/registry/{id}/discard",
    need: "org.write",
    req: (t) => ({ url: `${registry(t.registryDiscard)}/discard` }),
  },
  {
    op: "POST /api/users/bulk",
    need: "user.write",
    req: (t) => ({ url: "/api/users/bulk", body: { unitId: t.home, kinds: ["school"] } }),
    body: "xlsx",
  },
  // the life of a unit: on the two throwaway schools (no accounts), merge last
  {
    op: "POST /api/org-units/",
    need: "org.write",
    req: (t) => ({
      url: "/api/org-units/",
      body: {
        parentId: t.county,
        kind: "school",
        code: freshSchoolCode(t),
        name: `${t.label}矩阵新校`,
        schoolType: "primary",
      },
    }),
  },
  {
    op: "PATCH /api/org-units/{id}",
    need: "org.write",
    req: (t) => ({ url: unit(t.spare), body: { name: `${t.label}矩阵更名学校`, reason: "矩阵" } }),
  },
  {
    op: "POST /api/org-units/{id}/move",
    need: "org.write",
    req: (t) => ({ url: `${unit(t.spare)}/move`, body: { parentId: t.county } }),
    mixed: [(t, o) => ({ url: `${unit(t.spare)}/move`, body: { parentId: o.county } })],
  },
  {
    op: "POST /api/org-units/{id}/close",
    need: "org.write",
    req: (t) => ({ url: `${unit(t.spare)}/close`, body: { reason: "矩阵" } }),
  },
  {
    op: "POST /api/org-units/{id}/reopen",
    need: "org.write",
    req: (t) => ({ url: `${unit(t.spare)}/reopen`, body: {} }),
  },
  {
    op: "POST /api/org-units/{id}/merge",
    need: "org.write",
    req: (t) => ({ url: `${unit(t.spareMerged)}/merge`, body: { intoId: t.spare } }),
    // the own spare is still open (the own merge closed spareMerged): into the other county's school
    mixed: [(t, o) => ({ url: `${unit(t.spare)}/merge`, body: { intoId: o.spare } })],
  },
];
