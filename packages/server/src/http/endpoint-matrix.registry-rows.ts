/** The 学籍 rows of the endpoint × role matrix (how to add a row: endpoint-matrix.rows.ts). */
import { qs, type Row, type Target } from "./endpoint-matrix.rows.ts";
import { YEAR } from "./endpoint-matrix.world.ts";
import { registryImportBody } from "./endpoint-matrix.world-registry.ts";

export const REGISTRY_READ_ROWS: readonly Row[] = [
  { op: "GET /api/registry/imports", need: "pupil.read", req: () => ({ url: "/api/registry/imports" }) },
  {
    op: "GET /api/registry/students",
    need: "pupil.read",
    req: (t) => ({ url: `/api/registry/students${qs({ unitId: t.home })}` }),
    mixed: [(_t, o) => ({ url: `/api/registry/students${qs({ unitId: o.school })}` })],
  },
  {
    op: "GET /api/registry/students/{id}",
    need: "pupil.read",
    req: (t: Target) => ({ url: `/api/registry/students/${t.student}` }),
    denied: [404],
  },
  { op: "GET /api/registry/movements", need: "pupil.read", req: () => ({ url: "/api/registry/movements" }) },
  {
    op: "GET /api/registry/cross-check",
    need: "pupil.read",
    req: () => ({ url: `/api/registry/cross-check${qs({ year: YEAR })}` }),
  },
];

export const REGISTRY_WRITE_ROWS: readonly Row[] = [
  {
    op: "POST /api/registry/imports",
    need: "pupil.write",
    req: (t) => ({
      url: "/api/registry/imports",
      body: registryImportBody(YEAR, t.schoolCode, "62089920120419143", true),
    }),
  },
  {
    op: "POST /api/registry/students/{id}/unmask",
    need: "pupil.unmasked",
    req: (t) => ({ url: `/api/registry/students/${t.student}/unmask`, body: { reason: "矩阵核对学籍" } }),
    denied: [404],
  },
];
