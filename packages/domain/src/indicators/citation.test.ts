import { describe, expect, it } from "vitest";
import { STANDARD_INDICATORS } from "./catalogue.ts";
import { citationOf } from "./citation.ts";

describe("citationOf", () => {
  it("cites the 2017 办法 by title, article and item", () => {
    expect(citationOf("standards §1.1a #1 [C]")).toBe(
      "《县域义务教育优质均衡发展督导评估办法》（教督〔2017〕6号）第六条（资源配置）第1项",
    );
  });

  it("says 同办法 for a second part of the same document and spells out its notes", () => {
    expect(citationOf("standards §1.1a #4, §1.1b 拆分 [C]")).toBe(
      "《县域义务教育优质均衡发展督导评估办法》（教督〔2017〕6号）第六条（资源配置）第4项；同办法差异系数计算方法（一贯制学校按学段拆分）",
    );
  });

  it("keeps Chinese notes, drops register ids, reliability marks and cautions", () => {
    expect(citationOf("standards §4 生师比 [U]")).toBe("教育事业统计指标口径（生师比）");
    expect(citationOf("standards §1.1a 注 (教师法规定学历) [S]")).toBe(
      "《县域义务教育优质均衡发展督导评估办法》（教督〔2017〕6号）第六条（资源配置）（注：教师法规定学历）",
    );
    expect(citationOf("standards §1.1a #1, §6.1 [S]")).not.toMatch(/§|6\.1/);
  });

  it("returns a source without the notation as it is", () => {
    expect(citationOf("崆峒区“十四五”规划 教师队伍目标")).toBe("崆峒区“十四五”规划 教师队伍目标");
  });

  it("leaves no internal code in any catalogue citation", () => {
    for (const d of STANDARD_INDICATORS) {
      expect(citationOf(d.source), d.code).not.toMatch(/standards|§|\(S\d+|\[[SCU]\]|#\d|[A-Za-z]{3,}/);
    }
  });
});
