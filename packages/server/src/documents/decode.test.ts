import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import iconv from "iconv-lite";
import JSZip from "jszip";
import { Document, Packer, Paragraph, Table, TableCell, TableRow } from "docx";
import { parseDocument } from "@luoshi/domain/parsing";
import { decodeDocument, MAX_DOCUMENT_BYTES } from "./decode.ts";
import { DEFAULT_DOCUMENT_LIMITS } from "./limits.ts";
import { makePdf } from "./fuzz-corpus.ts";

const SAMPLE =
  "一、总体要求\n到2025年，学前三年毛入园率达到95%以上。\n二、主要任务\n1.扩大学前教育资源。新建幼儿园3所。";

function utf8(text: string): Uint8Array {
  return new TextEncoder().encode(text);
}

describe("decodeDocument", () => {
  it.each([
    ["utf-8", utf8(SAMPLE)],
    ["utf-8 with BOM", new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(SAMPLE)])],
    ["GBK", new Uint8Array(iconv.encode(SAMPLE, "gbk"))],
    ["GB18030", new Uint8Array(iconv.encode(SAMPLE, "gb18030"))],
    ["UTF-16LE with BOM", new Uint8Array([0xff, 0xfe, ...iconv.encode(SAMPLE, "utf-16le")])],
    ["UTF-16BE with BOM", new Uint8Array([0xfe, 0xff, ...iconv.encode(SAMPLE, "utf-16be")])],
    ["UTF-16LE without BOM", new Uint8Array(iconv.encode(SAMPLE, "utf-16le"))],
  ])("reads a %s text file", async (_label, bytes) => {
    const decoded = await decodeDocument(bytes, "方案.txt");
    expect(decoded.format).toBe("txt");
    expect(decoded.text).toBe(SAMPLE);
    expect(decoded.issues.filter((i) => i.severity === "error")).toEqual([]);
  });

  it("refuses an empty file with a message naming it", async () => {
    const decoded = await decodeDocument(new Uint8Array(0), "空白.txt");
    expect(decoded.text).toBe("");
    expect(decoded.issues).toEqual([
      {
        code: "file-empty",
        severity: "error",
        message: "文件“空白.txt”是空文件",
        where: { file: "空白.txt" },
      },
    ]);
  });

  it("refuses a binary file as text", async () => {
    const bytes = new Uint8Array(4096).map((_, i) => (i * 37) % 256);
    const decoded = await decodeDocument(bytes, "照片.txt");
    expect(decoded.text).toBe("");
    expect(decoded.issues[0]?.code).toBe("binary-file");
    expect(decoded.issues[0]?.message).toContain("照片.txt");
  });

  it("refuses a 50 MB buffer before decoding it", async () => {
    const decoded = await decodeDocument(new Uint8Array(50 * 1024 * 1024), "大文件.txt");
    expect(decoded.text).toBe("");
    expect(decoded.issues[0]).toMatchObject({ code: "file-too-large", severity: "error" });
    expect(decoded.issues[0]?.message).toBe("文件“大文件.txt”大小为 50.0 MB，超过 20.0 MB 上限");
    expect(MAX_DOCUMENT_BYTES).toBe(20 * 1024 * 1024);
  });

  it("drops scripts, styles and navigation from an HTML page and keeps block lines", async () => {
    const html = `<!doctype html><html><head><meta charset="utf-8"><title>站点</title>
      <script>var a = "一、不要我";</script><style>p { color: red }</style></head>
      <body><nav><a href="/">首页</a> &gt; 教育督导</nav>
      <script type="text/javascript">document.write("二、也不要")</script>
      <div class="content"><p>一、总体要求</p><p>到2025年，学前三年毛入园率达到95%以上。</p>
      <p>二、主要任务</p><p>1.扩大学前教育资源。<br>新建幼儿园3所。</p>
      <table><tr><td>指标</td><td>目标值</td></tr><tr><td>毛入园率</td><td>95%</td></tr></table></div>
      <script>track()</script></body></html>`;
    const decoded = await decodeDocument(utf8(html), "page.html");
    expect(decoded.format).toBe("html");
    expect(decoded.text).not.toMatch(/不要|首页|color|track|站点/);
    expect(decoded.text.split("\n")).toEqual([
      "一、总体要求",
      "到2025年，学前三年毛入园率达到95%以上。",
      "二、主要任务",
      "1.扩大学前教育资源。",
      "新建幼儿园3所。",
      "指标\t目标值",
      "毛入园率\t95%",
    ]);
  });

  it("reads a 任务分解表 published as an HTML table by its columns, inside a layout table", async () => {
    // the shape of a county site's page: the article sits in a one-cell layout table, the task table
    // inside it has a header row of <th>, a cell of two paragraphs and an empty 配合单位 cell
    const html = `<html><body><table class="layout"><tr><td>
      <p>测试县教育局关于印发2024年教育重点工作任务分解表的通知</p><p>各学校：</p>
      <p>现将任务分解表印发给你们，请认真抓好落实。</p>
      <table border="1"><thead><tr><th>序号</th><th>重点工作任务</th><th>牵头单位</th><th>配合单位</th><th>完成时限</th></tr></thead>
      <tbody><tr><td>1</td><td><p>持续推进学前教育普及普惠，</p><p>学前三年毛入园率达到92%以上。</p></td>
      <td>县教育局</td><td>县财政局、县发展改革局</td><td>2024年12月底</td></tr>
      <tr><td>2</td><td>新建测试县第三幼儿园。</td><td>县教育局</td><td></td><td>2024年9月</td></tr></tbody></table>
      </td></tr></table></body></html>`;
    const decoded = await decodeDocument(utf8(html), "任务分解表.html");
    const lines = decoded.text.split("\n");
    expect(lines.slice(0, 3)).toEqual([
      "测试县教育局关于印发2024年教育重点工作任务分解表的通知",
      "各学校：",
      "现将任务分解表印发给你们，请认真抓好落实。",
    ]);
    expect(lines).toContain("序号\t重点工作任务\t牵头单位\t配合单位\t完成时限");
    expect(lines).toContain("2\t新建测试县第三幼儿园。\t县教育局\t\t2024年9月");
    const parsed = parseDocument(decoded.text);
    expect(parsed.nodes.map((n) => [n.title, n.lead, n.deadline])).toEqual([
      ["持续推进学前教育普及普惠", "县教育局", "2024年12月底"],
      ["新建测试县第三幼儿园", "县教育局", "2024年9月"],
    ]);
    expect(parsed.nodes[0]?.units).toEqual(["县教育局", "县财政局", "县发展改革局"]);
  });

  it("keeps a two-column layout row's article as lines, not as one row", async () => {
    const article = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"]
      .map((n, i) => `<p>（${n}）第${String(i + 1)}项工作。</p>`)
      .join("");
    const html = `<table><tr><td><a href="/">首页</a></td><td><p>一、主要任务</p>${article}</td></tr></table>`;
    const lines = (await decodeDocument(utf8(html), "page.html")).text.split("\n");
    expect(lines).toContain("一、主要任务");
    expect(lines).toContain("（十）第10项工作。");
    expect(lines.some((l) => l.includes("\t"))).toBe(false);
  });

  it("reads a GBK page that declares its charset", async () => {
    const html = `<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312"></head><body><p>一、总体要求</p></body></html>`;
    const decoded = await decodeDocument(new Uint8Array(iconv.encode(html, "gbk")), "page.htm");
    expect(decoded.text).toBe("一、总体要求");
  });

  it("reads a .docx with paragraphs and a table", async () => {
    const doc = new Document({
      sections: [
        {
          children: [
            new Paragraph("一、总体要求"),
            new Paragraph("到2025年，学前三年毛入园率达到95%以上。"),
            new Table({
              rows: [
                new TableRow({
                  children: [
                    new TableCell({ children: [new Paragraph("指标")] }),
                    new TableCell({ children: [new Paragraph("目标值")] }),
                  ],
                }),
                new TableRow({
                  children: [
                    new TableCell({ children: [new Paragraph("毛入园率")] }),
                    new TableCell({ children: [new Paragraph("95%")] }),
                  ],
                }),
              ],
            }),
            new Paragraph("二、主要任务"),
          ],
        },
      ],
    });
    const bytes = new Uint8Array(await Packer.toBuffer(doc));
    const decoded = await decodeDocument(bytes, "规划.docx");
    expect(decoded.format).toBe("docx");
    const lines = decoded.text.split("\n").filter((l) => l.trim().length > 0);
    expect(lines).toEqual([
      "一、总体要求",
      "到2025年，学前三年毛入园率达到95%以上。",
      "指标",
      "目标值",
      "毛入园率",
      "95%",
      "二、主要任务",
    ]);
  });

  it("refuses a .docx that is not one", async () => {
    const decoded = await decodeDocument(utf8("plain text"), "假的.docx");
    expect(decoded.issues[0]).toMatchObject({
      code: "invalid-docx",
      message: "文件“假的.docx”不是有效的 Word（.docx）文件",
    });
  });

  it("reads the text layer of a PDF", async () => {
    const decoded = await decodeDocument(makePdf("Hello luoshi 2025", 1), "plan.pdf");
    expect(decoded.format).toBe("pdf");
    expect(decoded.issues).toEqual([]);
    expect(decoded.text).toContain("Hello luoshi 2025");
  });

  it("refuses a file named .pdf that is not a PDF", async () => {
    const decoded = await decodeDocument(utf8(SAMPLE), "方案.pdf");
    expect(decoded.text).toBe("");
    expect(decoded.issues).toEqual([
      {
        code: "invalid-pdf",
        severity: "error",
        message: "文件“方案.pdf”不是有效的 PDF 文件",
        where: { file: "方案.pdf" },
      },
    ]);
  });

  it("refuses a broken .doc file with advice", async () => {
    const decoded = await decodeDocument(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 1, 2, 3]), "旧文件.doc");
    expect(decoded.issues[0]).toMatchObject({ code: "invalid-doc", severity: "error" });
    expect(decoded.issues[0]?.message).toContain("另存为 .docx");
  });

  it("reads a Word 97 (.doc) file, its table as rows of tab-separated cells", async () => {
    // a synthetic 任务分解表 saved as Word 97 (see fixtures/README.md)
    const bytes = new Uint8Array(readFileSync(new URL("./fixtures/task-table.doc", import.meta.url)));
    const decoded = await decodeDocument(bytes, "任务分解表.doc");
    expect(decoded.issues).toEqual([]);
    expect(decoded.format).toBe("doc");
    const lines = decoded.text.split("\n");
    expect(lines[0]).toBe("测试县教育局关于印发2024年教育重点工作任务分解表的通知");
    expect(lines).toContain("序号\t重点工作任务\t牵头单位\t配合单位\t完成时限");
    expect(lines).toContain("2\t新建测试县第三幼儿园。\t县教育局\t\t2024年9月");
    const parsed = parseDocument(decoded.text);
    expect(parsed.nodes.map((n) => [n.title, n.lead, n.deadline])).toEqual([
      ["持续推进学前教育普及普惠,学前三年毛入园率达到92%以上", "县教育局", "2024年12月底"],
      ["新建测试县第三幼儿园", "县教育局", "2024年9月"],
    ]);
  });

  it("refuses a file named .doc that is not one", async () => {
    const decoded = await decodeDocument(utf8("just text"), "假文件.doc");
    expect(decoded.issues[0]).toMatchObject({ code: "invalid-doc" });
  });

  it("gives the parser a document with no numbering, which it reads with a warning", async () => {
    const text = "为进一步加强学校体育工作，全区中小学生每天校园体育活动时间不少于1小时。各学校要认真落实。";
    const decoded = await decodeDocument(utf8(text), "通知.txt");
    const parsed = parseDocument(decoded.text);
    expect(parsed.nodes).toEqual([]);
    expect(parsed.issues).toContainEqual(
      expect.objectContaining({ code: "no-structure", severity: "warning" }),
    );
    expect(parsed.targets.map((t) => [t.path, t.comparator, t.value, t.unit])).toEqual([
      ["", ">=", 1, "小时"],
    ]);
  });
});

const SEED_001 = readFileSync(
  new URL("../../../domain/fixtures/seeds/001_72fade767b193fd1.txt", import.meta.url),
);

/** A minimal .docx whose word/document.xml is `body` repeated `times` times inside one paragraph each. */
async function docx(body: string, times: number): Promise<Uint8Array> {
  const zip = new JSZip();
  zip.file(
    "[Content_Types].xml",
    '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
  );
  zip.file(
    "_rels/.rels",
    '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
  );
  zip.file(
    "word/document.xml",
    `<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${`<w:p><w:r><w:t>${body}</w:t></w:r></w:p>`.repeat(times)}</w:body></w:document>`,
  );
  return zip.generateAsync({ type: "uint8array", compression: "DEFLATE", compressionOptions: { level: 9 } });
}

/** Sets every uncompressed size a zip declares (local headers and central directory) to `size`. */
function lieAboutSizes(zip: Uint8Array, size: number): Uint8Array {
  const out = new Uint8Array(zip);
  const view = new DataView(out.buffer);
  for (let i = 0; i + 4 <= out.length; i++) {
    const sig = view.getUint32(i, true);
    if (sig === 0x04034b50) view.setUint32(i + 22, size, true);
    if (sig === 0x02014b50) view.setUint32(i + 24, size, true);
  }
  return out;
}

describe("decodeDocument on hostile input", () => {
  it("refuses a .docx that inflates past the bound, by the sizes the zip declares", async () => {
    // 4,000 paragraphs of 1,000 characters: ~12 MB of XML from a zip of a few KB
    const bomb = await docx("一".repeat(1000), 4000);
    expect(bomb.length).toBeLessThan(200_000);
    const decoded = await decodeDocument(bomb, "炸弹.docx", {
      ...DEFAULT_DOCUMENT_LIMITS,
      maxUnzippedBytes: 4 * 1024 * 1024,
    });
    expect(decoded.text).toBe("");
    expect(decoded.issues).toEqual([
      {
        code: "docx-too-large",
        severity: "error",
        message:
          "文件“炸弹.docx”解压后超过 4.0 MB 上限（至“word/document.xml”已超出），可能是压缩炸弹或含大量嵌入内容，已拒绝",
        where: { file: "炸弹.docx", part: "word/document.xml" },
      },
    ]);
  });

  it("refuses a .docx whose zip understates its sizes, by counting while inflating", async () => {
    const bomb = lieAboutSizes(await docx("一".repeat(1000), 4000), 100);
    const decoded = await decodeDocument(bomb, "说谎.docx", {
      ...DEFAULT_DOCUMENT_LIMITS,
      maxUnzippedBytes: 4 * 1024 * 1024,
    });
    expect(decoded.issues[0]).toMatchObject({ code: "docx-too-large", where: { part: "word/document.xml" } });
  });

  it("reads a .docx whose whole text is one giant run", async () => {
    const decoded = await decodeDocument(
      await docx("一、主要任务。1.做好工作。".repeat(50_000), 1),
      "一段.docx",
    );
    expect(decoded.issues).toEqual([]);
    expect(decoded.text.length).toBe(14 * 50_000);
  });

  it("refuses a .txt with NUL characters, naming the line", async () => {
    const decoded = await decodeDocument(utf8("一、总体要求\n二、主要\u0000任务\n"), "空字符.txt");
    expect(decoded.issues).toEqual([
      {
        code: "nul-characters",
        severity: "error",
        message:
          "文件“空字符.txt”第 2 行含有空字符（NUL），不是正常的文本文件，可能已损坏。请重新导出后再上传",
        where: { file: "空字符.txt", line: 2 },
      },
    ]);
  });

  it("reads UTF-8 with six stray bytes as UTF-8, naming the lines it repaired", async () => {
    const original = parseDocument(SEED_001.toString("utf8")).nodes.length;
    const damaged = new Uint8Array(SEED_001);
    for (let k = 0; k < 6; k++) damaged[1000 + k * 997] = 0xff;
    const decoded = await decodeDocument(damaged, "六处.txt");
    expect(decoded.issues).toHaveLength(1);
    expect(decoded.issues[0]).toMatchObject({ code: "encoding-repaired", severity: "warning" });
    expect(decoded.issues[0]?.message).toMatch(
      /^文件“六处.txt”有 \d+ 处无法识别的字节，已替换为“\uFFFD”（第 \d+/,
    );
    expect(original).toBeGreaterThanOrEqual(43);
    expect(parseDocument(decoded.text).nodes.length).toBe(original);
  });

  it("refuses a text that decodes to mostly replacement characters, naming where", async () => {
    const garbled = new Uint8Array([...utf8("一、总体要求\n"), ...Array.from({ length: 400 }, () => 0xef)]);
    const decoded = await decodeDocument(
      new Uint8Array([...utf8("一、总体要求\n"), ...new TextEncoder().encode("\uFFFD".repeat(200))]),
      "乱码.txt",
    );
    expect(decoded.issues[0]).toMatchObject({
      code: "encoding-garbled",
      where: { file: "乱码.txt", line: 2 },
    });
    expect((await decodeDocument(garbled, "乱码2.txt")).issues[0]?.severity).toBe("error");
  });

  it("refuses an HTML page nested past the bound, naming the line", async () => {
    const html = `<html><body>\n<p>一、总体要求</p>\n${"<div>一、任务".repeat(10_000)}`;
    const decoded = await decodeDocument(utf8(html), "嵌套.html");
    expect(decoded.issues).toEqual([
      {
        code: "html-too-deep",
        severity: "error",
        message:
          "文件“嵌套.html”第 3 行处网页元素嵌套超过 256 层（如大量未闭合的 <div>），无法读取。请另存为 .txt 或 .docx 后再上传",
        where: { file: "嵌套.html", line: 3 },
      },
    ]);
  });

  it("refuses a PDF of more pages than the bound before reading them", async () => {
    const decoded = await decodeDocument(makePdf("page", 30), "厚.pdf", {
      ...DEFAULT_DOCUMENT_LIMITS,
      maxPdfPages: 20,
    });
    expect(decoded.issues).toEqual([
      {
        code: "pdf-too-many-pages",
        severity: "error",
        message: "文件“厚.pdf”共 30 页，超过 20 页上限。请只上传规划正文",
        where: { file: "厚.pdf" },
      },
    ]);
  });

  it("stops reading a PDF at the page where its text passes the bound", async () => {
    const decoded = await decodeDocument(makePdf("0123456789", 30), "长.pdf", {
      ...DEFAULT_DOCUMENT_LIMITS,
      maxTextChars: 55,
    });
    expect(decoded.issues[0]).toMatchObject({ code: "text-too-long", where: { file: "长.pdf", page: 6 } });
  });
});
