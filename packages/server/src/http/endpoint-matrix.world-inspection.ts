/** The 督导 records each side's 督导室 plants for the matrix's 督导 rows to address. */
import { addTestAccount, TestClient, type TestServer } from "../testing.ts";

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

const PNG =
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==";

/** What a side's planted visit left: the visit, its photo, its finding and the 整改通知书. */
export interface PlantedVisit {
  visit: string;
  photo: string;
  finding: string;
  notice: string;
}

/**
 * A 督学 of the side (an extra account, off the roster: the jurisdiction is its scope) visits the side's
 * school with the side's checklist, records one finding with a photo and issues the 整改通知书.
 */
export async function plantVisit(
  server: TestServer,
  side: "A" | "B",
  at: { school: string; checklist: string; label: string; bureauCode: string },
): Promise<PlantedVisit> {
  const login = side === "A" ? "kt.visitor" : "jc.visitor";
  await addTestAccount(server, { login, role: "inspector", unitCode: at.bureauCode });
  const inspector = new TestClient(server.app);
  await inspector.login(login);
  const detail = await inspector.request("GET", `/api/inspection/checklists/${at.checklist}`);
  const itemId = detail.json<{ items: { id: string }[] }>().items[0]?.id ?? "";
  const sent = await inspector.request("POST", "/api/inspection/visits", {
    schoolId: at.school,
    checklistId: at.checklist,
    visitedOn: new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10),
    clientKey: `plant-${side}-0001`,
    answers: [{ itemId, value: false, note: "" }],
    findings: [{ itemId, area: "消防", text: `${at.label}消防通道堵塞`, severity: "minor" }],
    photos: [{ itemId: null, findingIndex: 0, fileName: "通道.png", contentBase64: PNG }],
  });
  if (sent.statusCode !== 201) {
    throw new Error(`planting a visit: ${String(sent.statusCode)} ${sent.body}`);
  }
  const visit = sent.json<{ id: string; photos: { id: string }[] }>();
  const issued = await inspector.request("POST", `/api/inspection/visits/${visit.id}/notice`);
  if (issued.statusCode !== 201) {
    throw new Error(`planting a notice: ${String(issued.statusCode)} ${issued.body}`);
  }
  const done = issued.json<{ noticeId: string; findings: { id: string }[] }>();
  return {
    visit: visit.id,
    photo: visit.photos[0]?.id ?? "",
    finding: done.findings[0]?.id ?? "",
    notice: done.noticeId,
  };
}
