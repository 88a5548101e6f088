import { describe, expect, it } from "vitest";
import { cleanText, toOriginalSpan } from "./clean.ts";

describe("cleanText", () => {
  it.each([
    ["關(guān)于印發(fā)", "关于印发"],
    ["改革創(chuàng )新", "改革创新"],
    ["輕(qing)松", "轻松"],
    ["小學(教學點42所)", "小学(教学点42所)"],
    ["a\r\nb", "a\nb"],
    ["推進(jìn)建設??茖W", "推进建设??茖W"],
  ])("%s → %s", (input, expected) => {
    expect(cleanText(input).clean.text).toBe(expected);
  });

  it("maps every clean character back to the original", () => {
    const original = "關(guān)于印發(fā)通知";
    const { clean } = cleanText(original);
    const at = clean.text.indexOf("印发");
    const span = toOriginalSpan(clean, at, at + 2);
    expect(original.slice(span.start, span.end)).toBe("印發");
  });

  it("does not count full-width punctuation as traditional characters", () => {
    expect(cleanText("各学校:现将方案印发给你们,请认真执行。").issues).toEqual([]);
    expect(cleanText("各学校：现将方案印发给你们，请认真执行（试行）；").issues).toEqual([]);
  });

  it.each([
    ["關(guān)于", "pinyin-removed", "info"],
    ["發展", "traditional-converted", "info"],
    ["建設??茖W", "mojibake", "warning"],
  ])("reports %s as %s", (input, code, severity) => {
    expect(cleanText(input).issues).toContainEqual(expect.objectContaining({ code, severity }));
  });
});
