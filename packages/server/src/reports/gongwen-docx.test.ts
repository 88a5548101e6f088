import JSZip from "jszip";
import mammoth from "mammoth";
import { describe, expect, it } from "vitest";
import { chineseDate, gongwenDocument, mmToTwips } from "./gongwen-docx.ts";

async function unzip(buffer: Buffer): Promise<Record<string, string>> {
  const zip = await JSZip.loadAsync(buffer);
  const out: Record<string, string> = {};
  for (const name of Object.keys(zip.files)) {
    const file = zip.file(name);
    if (file !== null && name.endsWith(".xml")) {
      out[name] = await file.async("string");
    }
  }
  return out;
}

describe("gongwenDocument", () => {
  const build = (): Promise<Buffer> =>
    gongwenDocument({
      title: "关于做好2026年春季学期开学工作的通知",
      docNumber: "崆教发〔2026〕12号",
      issuer: "崆峒区教育局",
      date: "2026-02-20",
      sections: [
        { kind: "heading", level: 1, text: "一、总体要求" },
        { kind: "paragraph", text: "各学校要高度重视开学工作。" },
        { kind: "heading", level: 2, text: "（一）安全排查" },
        { kind: "table", header: ["序号", "学校"], rows: [["1", "崆峒区第一中学"]] },
      ],
    });

  it("converts millimetres to twips as Word stores them", () => {
    expect([37, 35, 28, 26].map(mmToTwips)).toEqual([2098, 1984, 1587, 1474]);
    expect(chineseDate("2026-04-03")).toBe("2026年4月3日");
  });

  it("lays out an A4 page with the GB/T 9704 margins and odd/even page-number footers", async () => {
    const xml = await unzip(await build());
    const doc = xml["word/document.xml"] ?? "";
    expect(doc).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    expect(doc).toMatch(/<w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1587"/);
    expect(doc).toMatch(/<w:footerReference w:type="default" r:id="[^"]+"\/>/);
    expect(doc).toMatch(/<w:footerReference w:type="even" r:id="[^"]+"\/>/);
    expect(xml["word/settings.xml"]).toContain("<w:evenAndOddHeaders/>");

    const footers = Object.entries(xml).filter(([name]) => /^word\/footer\d+\.xml$/.test(name));
    expect(footers).toHaveLength(2);
    const jc = footers.map(([, f]) => /<w:jc w:val="(\w+)"\/>/.exec(f)?.[1]).sort();
    expect(jc).toEqual(["left", "right"]);
    for (const [, f] of footers) {
      expect(f).toContain('w:eastAsia="宋体"');
      expect(f).toContain('<w:sz w:val="28"/>');
      expect(f).toMatch(/<w:t xml:space="preserve">— <\/w:t>.*PAGE.*<w:t xml:space="preserve"> —<\/w:t>/s);
    }
  });

  it("names the fonts and sizes: title 小标宋 2号, body 仿宋 3号 fixed 28.95 pt, headings 黑体/楷体", async () => {
    const xml = await unzip(await build());
    const doc = xml["word/document.xml"] ?? "";
    expect(doc).toMatch(
      /w:eastAsia="方正小标宋简体".*?<w:sz w:val="44"\/>.*?关于做好2026年春季学期开学工作的通知/s,
    );
    expect(doc).toMatch(/w:eastAsia="仿宋_GB2312".*?<w:sz w:val="32"\/>.*?各学校要高度重视开学工作。/s);
    expect(doc).toMatch(/<w:spacing[^>]* w:line="579" w:lineRule="exact"\/>/);
    expect(doc).toContain('<w:ind w:firstLine="640"/>');
    expect(doc).toMatch(/w:eastAsia="黑体".*?一、总体要求/s);
    expect(doc).toMatch(/w:eastAsia="楷体_GB2312".*?（一）安全排查/s);
    expect(doc).toMatch(/<w:sz w:val="24"\/>.*?崆峒区第一中学/s);
    expect(xml["word/styles.xml"]).toContain('w:eastAsia="仿宋_GB2312"');
    expect(xml["word/fontTable.xml"] ?? "").not.toContain("w:embedRegular");
  });

  it("reads back in order with signature and date", async () => {
    const { value } = await mammoth.extractRawText({ buffer: await build() });
    const lines = value.split("\n").filter((l) => l.trim() !== "");
    expect(lines[0]).toBe("崆教发〔2026〕12号");
    expect(lines[1]).toBe("关于做好2026年春季学期开学工作的通知");
    expect(lines.slice(-2)).toEqual(["崆峒区教育局", "2026年2月20日"]);
  });
});
