import { describe, expect, it } from "vitest";
import { parseConfig } from "./config.ts";

describe("the 控辍 销号 period in the configuration", () => {
  it("defaults to 20 working days and takes 0 (the second person's check alone), not a negative", () => {
    expect(parseConfig({}).config?.dropout.closeAfterDays).toBe(20);
    expect(parseConfig({ LUOSHI_DROPOUT_CLOSE_AFTER_DAYS: "0" }).config?.dropout.closeAfterDays).toBe(0);
    expect(parseConfig({ LUOSHI_DROPOUT_CLOSE_AFTER_DAYS: "-1" }).problems).toHaveLength(1);
  });
});
