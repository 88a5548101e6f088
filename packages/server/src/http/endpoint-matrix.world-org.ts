/**
 * The registry imports the endpoint × role matrix plants in each county (endpoint-matrix.world.ts):
 * two pending previews per county — one that the apply row applies, one that the discard row
 * discards — made through the API by that county's own system administrator.
 */
import { expect } from "vitest";
import { orgUnitRepo } from "@luoshi/db";
import { schoolListCsv, syntheticSchoolList } from "@luoshi/domain/org";
import type { RegistryImport } from "@luoshi/contracts";
import { addTestAccount, TestClient, type TestServer } from "../testing.ts";

/** The county's townships as a school list names them (a list places every school in one). */
const TOWNSHIPS: Record<string, { code: string; name: string }[]> = {
  "620802": [{ code: "620802001", name: "中街街道" }],
  "620821": [{ code: "620821100", name: "城关镇" }],
};

/** A valid school list of the county with `count` new schools numbered from `start`. */
export function registryCsv(countyCode: string, label: string, start: number): Buffer {
  const list = syntheticSchoolList(countyCode, label, TOWNSHIPS[countyCode] ?? [], {
    count: 2,
    seed: start,
    start,
  });
  return Buffer.from(schoolListCsv(list), "utf8");
}

/** The preview upload of a school list for a county (the file is the body). */
export const registryPreviewUrl = (countyId: string): string =>
  `/api/org-units/registry/preview?countyId=${countyId}&fileName=${encodeURIComponent("名录.csv")}`;

/**
 * Side B's system administrator, signed in: it plants that county's previews (not a matrix account).
 * 泾川县 gets the township its school lists place new schools in.
 */
export async function sideBAdmin(server: TestServer): Promise<TestClient> {
  const { db } = server.handle;
  const county = await orgUnitRepo.findByCode(db, "620821");
  await orgUnitRepo.insert(
    db,
    { kind: "township", code: "620821100", name: "城关镇", parent_id: county?.id ?? null },
    county ?? null,
  );
  await addTestAccount(server, { login: "jc.systemadmin", role: "systemAdmin", unitCode: "620821-jyj" });
  const admin = new TestClient(server.app);
  expect((await admin.login("jc.systemadmin")).statusCode).toBe(200);
  return admin;
}

/** What the org rows act on in one county. */
export interface PlantedOrg {
  registryImport: string;
  registryDiscard: string;
  spare: string;
  spareMerged: string;
}

/**
 * The county's throwaway schools (under its township, no accounts: the edit, move, close, reopen and
 * merge rows act on them), then two pending registry previews — after the schools, so that the
 * previews are not stale — all by the county's system administrator.
 */
export async function plantOrg(
  server: TestServer,
  admin: TestClient,
  county: { code: string; label: string },
): Promise<PlantedOrg> {
  const countyId = await server.unitId(county.code);
  const township = await server.unitId(TOWNSHIPS[county.code]?.[0]?.code ?? "");
  const school = async (n: number, name: string) => {
    const res = await admin.request("POST", "/api/org-units", {
      parentId: township,
      kind: "school",
      code: `1${county.code}${String(n).padStart(3, "0")}`,
      name: `${county.label}${name}`,
      schoolType: "primary",
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json<{ id: string }>().id;
  };
  const spare = await school(90, "矩阵备用学校");
  const spareMerged = await school(91, "矩阵撤并学校");
  const preview = async (start: number) => {
    const res = await admin.request(
      "POST",
      registryPreviewUrl(countyId),
      registryCsv(county.code, county.label, start),
      { "content-type": "application/octet-stream" },
    );
    expect(res.statusCode, res.body).toBe(201);
    return res.json<RegistryImport>().id;
  };
  return { registryImport: await preview(50), registryDiscard: await preview(60), spare, spareMerged };
}
