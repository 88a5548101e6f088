import { describe, expect, it } from "vitest";
import { readCsv } from "@luoshi/common";
import type { AuditRow } from "@luoshi/db";
import { auditCsvLine } from "./audit-query.service.ts";

/** An audit row whose object id a user could have typed as a spreadsheet formula. */
const row: AuditRow = {
  id: 7,
  at: new Date("2026-11-23T13:08:00Z"),
  actor_id: null,
  actor_login: "leader",
  actor_role: "leader",
  action: "user.login",
  entity_type: "user",
  entity_id: '=HYPERLINK("http://example.invalid","x")',
  result: "success",
  before: null,
  after: null,
  details: { note: "a, b" },
  client_ip: "127.0.0.1",
  request_id: "req-1",
  prev_hash: "0",
  hash: "abc",
};

describe("auditCsvLine", () => {
  it("writes a cell starting with = with a leading apostrophe (CSV injection)", () => {
    const [record] = readCsv(auditCsvLine(row)).records;
    expect(record?.fields[6]).toBe(`'${row.entity_id ?? ""}`);
  });

  it("writes the JSON columns as one quoted JSON text", () => {
    const [record] = readCsv(auditCsvLine(row)).records;
    expect(record?.fields[0]).toBe("7");
    expect(JSON.parse(record?.fields[10] ?? "")).toEqual({
      before: null,
      after: null,
      details: { note: "a, b" },
    });
  });
});
