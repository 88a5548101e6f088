/**
 * What the supervision and 学前 API tests share: the three signed-in roles of a review (submitter,
 * reviewer, a planner without evaluation.write), a public 普惠 kindergarten in 中街街道, and a small PDF.
 */
import { orgUnitRepo } from "@luoshi/db";
import { TestClient, type TestServer } from "../../testing.ts";

/** The kindergarten's 学校标识码. */
const KG = "1620802003";

/** A small PDF, base64: starts with %PDF like every real one. */
export const PDF = Buffer.from("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n").toString("base64");

/** The supervisor who submits, the inspector who reviews, and a planner. */
export async function signInReviewRoles(
  server: TestServer,
): Promise<{ supervisor: TestClient; inspector: TestClient; planner: TestClient }> {
  const supervisor = new TestClient(server.app);
  const inspector = new TestClient(server.app);
  const planner = new TestClient(server.app);
  await supervisor.login("bureausupervisor");
  await inspector.login("inspector");
  await planner.login("bureauplanner");
  return { supervisor, inspector, planner };
}

/** Adds 崆峒区第1幼儿园 (public, 普惠, urban) under 中街街道; returns its unit id. */
export async function addKindergarten(server: TestServer): Promise<string> {
  const { db } = server.handle;
  const township = await orgUnitRepo.findByCode(db, "620802001");
  if (township === undefined) {
    throw new Error("no township");
  }
  const kindergarten = await orgUnitRepo.insert(
    db,
    {
      parent_id: township.id,
      kind: "school",
      code: KG,
      name: "崆峒区第1幼儿园",
      aliases: [],
      school_type: "kindergarten",
      ownership: "public",
      is_inclusive: true,
      urban_rural: "urban",
      parent_school_id: null,
    },
    township,
  );
  return kindergarten.id;
}
