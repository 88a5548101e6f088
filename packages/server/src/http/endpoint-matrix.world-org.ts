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

/** Two pending previews of the county, by its system administrator. */
export async function plantRegistry(
  admin: TestClient,
  county: { id: string; code: string; label: string },
): Promise<{ registryImport: string; registryDiscard: string }> {
  const preview = async (start: number) => {
    const res = await admin.request(
      "POST",
      registryPreviewUrl(county.id),
      registryCsv(county.code, county.label, start),
      { "content-type": "application/octet-stream" },
    );
    expect(res.statusCode, res.body).toBe(201);
    return res.json<RegistryImport>().id;
  };
  return { registryImport: await preview(50), registryDiscard: await preview(60) };
}
