import { describe, expect, it } from "vitest";
import { toQueryString } from "./query-string.ts";

describe("toQueryString", () => {
  it("should leave out undefined, null and blank values", () => {
    expect(toQueryString({ actor: "", entityType: undefined, from: null, page: 1 })).toBe("?page=1");
  });

  it("should return an empty string when nothing is set", () => {
    expect(toQueryString({ q: "  " })).toBe("");
  });

  it("should encode Chinese search words and trim them", () => {
    expect(toQueryString({ q: " 崆峒 ", pageSize: 200 })).toBe("?q=%E5%B4%86%E5%B3%92&pageSize=200");
  });
});
