/** The 督导 records each side's 督导室 plants for the matrix's 督导 rows to address. */
import type { TestClient } from "../testing.ts";

/** Imports a one-item checklist of the side (named after it) as its 督导室; returns the version's id. */
export async function plantChecklist(supervisor: TestClient, label: string): Promise<string> {
  const res = await supervisor.request("POST", "/api/inspection/checklists/imports", {
    fileName: "检查表.csv",
    code: "matrix-plant",
    title: `${label}校园安全检查表`,
    kind: "safety",
    contentBase64: Buffer.from("编号,类别,检查内容,评判方式\nP1,消防,通道畅通,是否\n").toString("base64"),
  });
  if (res.statusCode !== 201) {
    throw new Error(`planting a checklist: ${String(res.statusCode)} ${res.body}`);
  }
  return res.json<{ id: string }>().id;
}
