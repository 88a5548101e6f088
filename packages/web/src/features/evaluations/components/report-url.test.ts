import { describe, expect, it } from "vitest";
import { balanceReportUrl } from "./report-url.ts";

describe("balanceReportUrl", () => {
  it("asks for the evaluation the page shows: unit, year, and the policy and rule set when chosen", () => {
    expect(balanceReportUrl("xlsx", { orgUnitId: "u1", year: 2024 })).toBe(
      "/api/evaluations/balance/report.xlsx?orgUnitId=u1&year=2024",
    );
    expect(
      balanceReportUrl("docx", {
        orgUnitId: "u1",
        year: 2024,
        policy: "exclude-below-50",
        ruleSet: "cn-hebei",
      }),
    ).toBe(
      "/api/evaluations/balance/report.docx?orgUnitId=u1&year=2024&policy=exclude-below-50&ruleSet=cn-hebei",
    );
  });
});
