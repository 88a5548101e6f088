/** The pupil each side's planner imports into the side's school, for the matrix's 学籍 rows to address. */
import type { LightMyRequestResponse } from "fastify";
import { idNumberCheckChar } from "@luoshi/domain/pii";
import type { TestClient } from "../testing.ts";

/** A one-pupil 学籍 file of `schoolCode` (synthetic region 620899). */
function pupilCsv(schoolCode: string, first17: string): string {
  const id = `${first17}${idNumberCheckChar(first17)}`;
  return `全国学籍号,身份证件号,姓名,性别,出生日期,学校标识码,年级,班级\nG${id},${id},王测试安,男,${first17.slice(6, 10)}-${first17.slice(10, 12)}-${first17.slice(12, 14)},${schoolCode},二年级,1班\n`;
}

export const registryImportBody = (year: number, schoolCode: string, first17: string, preview: boolean) => ({
  fileName: "学籍.csv",
  schoolYear: year,
  term: 1,
  asOf: `${year}-09-30`,
  preview,
  contentBase64: Buffer.from(pupilCsv(schoolCode, first17)).toString("base64"),
});

/** Imports one pupil into the side's school as its planner; returns the pupil's id. */
export async function plantPupil(
  planner: TestClient,
  year: number,
  side: "A" | "B",
  schoolCode: string,
): Promise<string> {
  const first17 = side === "A" ? "62089920120417123" : "62089920120418133";
  const check = (r: LightMyRequestResponse) => {
    if (r.statusCode >= 300) {
      throw new Error(`planting a pupil: ${r.statusCode} ${r.body}`);
    }
    return r;
  };
  check(
    await planner.request(
      "POST",
      "/api/registry/imports",
      registryImportBody(year, schoolCode, first17, false),
    ),
  );
  const list = check(await planner.request("GET", "/api/registry/students")).json<{
    items: { id: string }[];
  }>();
  const id = list.items[0]?.id;
  if (id === undefined) {
    throw new Error("the planted pupil is not listed");
  }
  return id;
}

/** Opens a 控辍 case for the planted pupil as the side's planner; returns the case's id. */
export async function plantCase(planner: TestClient, studentId: string): Promise<string> {
  const res = await planner.request("POST", "/api/dropout/cases", { studentId, cause: "dropout" });
  if (res.statusCode !== 201) {
    throw new Error(`planting a case: ${String(res.statusCode)} ${res.body}`);
  }
  return res.json<{ id: string }>().id;
}
