/**
 * Hostile and damaged policy documents for the importer's fuzz test (documents-fuzz.test.ts) and its
 * longer benchmark run (scripts/bench-fuzz-docs.ts), and the check both apply to every upload: never a
 * 5xx, a refusal names the file and where, and a refused upload leaves nothing behind.
 */
import { readdirSync, readFileSync } from "node:fs";
import JSZip from "jszip";
import { auditRepo, planRepo, WHOLE_TREE, type Db } from "@luoshi/db";
import type { TestClient } from "../testing.ts";
import { handWrittenZip } from "../testing-zip.ts";

/** One upload of the corpus. */
export interface FuzzDocument {
  label: string;
  fileName: string;
  bytes: Uint8Array;
}

/** A named hostile document and the refusal it must get (`status`, issue `code`, keys of `where`). */
export interface HostileDocument extends FuzzDocument {
  expect: { status: number; code?: string; where?: string[] };
}

const SEEDS = new URL("../../../domain/fixtures/seeds/", import.meta.url);

/** The parser's corpus seeds (.txt, UTF-8): the honest documents the damaged ones start from. */
export function seedTexts(): { name: string; text: string }[] {
  return readdirSync(SEEDS)
    .filter((f) => f.endsWith(".txt"))
    .sort()
    .map((f) => ({ name: f, text: readFileSync(new URL(f, SEEDS), "utf8") }));
}

const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);

/** A .docx holding `paragraphs` (each may be long: a giant run). */
export async function makeDocx(paragraphs: readonly string[]): Promise<Uint8Array> {
  const zip = new JSZip();
  zip.file(
    "[Content_Types].xml",
    '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
  );
  zip.file(
    "_rels/.rels",
    '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
  );
  const esc = (s: string) => s.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;");
  zip.file(
    "word/document.xml",
    `<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${paragraphs.map((p) => `<w:p><w:r><w:t>${esc(p)}</w:t></w:r></w:p>`).join("")}</w:body></w:document>`,
  );
  return zip.generateAsync({ type: "uint8array", compression: "DEFLATE", compressionOptions: { level: 9 } });
}

/**
 * A .docx whose document.xml inflates to about `megabytes` MB from a zip of well under 1 MB. Written by
 * hand with node:zlib (deflating 200 MB in JavaScript would take the test longer than the import).
 */
export function makeZipBomb(megabytes: number): Uint8Array {
  const paragraph = Buffer.from(`<w:p><w:r><w:t>${"一".repeat(1000)}</w:t></w:r></w:p>`);
  const count = Math.ceil((megabytes * 1024 * 1024) / paragraph.length);
  const xml = Buffer.concat([
    Buffer.from(
      '<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>',
    ),
    Buffer.alloc(paragraph.length * count, paragraph),
    Buffer.from("</w:body></w:document>"),
  ]);
  return handWrittenZip(
    {
      "[Content_Types].xml":
        '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
      "_rels/.rels":
        '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
      "word/document.xml": xml,
    },
    { level: 1 },
  );
}

/** A PDF of `pages` pages with one line of Helvetica text each. */
export function makePdf(line: string, pages: number): Uint8Array {
  const stream = `BT /F1 18 Tf 20 100 Td (${line}) Tj ET`;
  const kids = Array.from({ length: pages }, (_, i) => `${String(i + 5)} 0 R`).join(" ");
  const objects = [
    "<< /Type /Catalog /Pages 2 0 R >>",
    `<< /Type /Pages /Kids [${kids}] /Count ${String(pages)} >>`,
    `<< /Length ${String(stream.length)} >>\nstream\n${stream}\nendstream`,
    "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ...Array.from(
      { length: pages },
      () =>
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 300 144] /Contents 3 0 R /Resources << /Font << /F1 4 0 R >> >> >>",
    ),
  ];
  let body = "%PDF-1.4\n";
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(body.length);
    body += `${String(i + 1)} 0 obj\n${o}\nendobj\n`;
  });
  const xref = body.length;
  body += `xref\n0 ${String(objects.length + 1)}\n0000000000 65535 f \n`;
  body += offsets.map((o) => `${String(o).padStart(10, "0")} 00000 n \n`).join("");
  body += `trailer\n<< /Size ${String(objects.length + 1)} /Root 1 0 R >>\nstartxref\n${String(xref)}\n%%EOF\n`;
  return utf8(body);
}

/** The hostile documents issue 14 found, each with the refusal it must now get. */
export async function hostileDocuments(bombMegabytes = 80): Promise<HostileDocument[]> {
  const seed = seedTexts()[1]?.text ?? "";
  const stray = utf8(seed);
  for (let k = 0; k < 6; k++) stray[1000 + k * 997] = 0xff;
  return [
    {
      label: `a .docx inflating to ${String(bombMegabytes)} MB`,
      fileName: "压缩炸弹.docx",
      bytes: makeZipBomb(bombMegabytes),
      expect: { status: 400, code: "docx-too-large", where: ["file", "part"] },
    },
    {
      label: "an HTML page of 6,000 <p> items",
      fileName: "六千段.html",
      bytes: utf8(`<html><body>${"<p>一、加强工作</p>\n".repeat(6000)}</body></html>`),
      expect: { status: 400, code: "too-many-items", where: ["file", "line", "offset"] },
    },
    {
      label: "a .txt of 10⁶ headings",
      fileName: "百万标题.txt",
      bytes: utf8(Array.from({ length: 1_000_000 }, (_, i) => `${String((i % 99) + 1)}.做`).join("\n")),
      expect: { status: 400, code: "text-too-long", where: ["file", "line"] },
    },
    {
      label: "an HTML page of 10⁵ unclosed <div>",
      fileName: "未闭合.html",
      bytes: utf8(`<html><body>${"<div>一、任务".repeat(100_000)}`),
      expect: { status: 400, code: "html-too-deep", where: ["file", "line"] },
    },
    {
      label: "a PDF of 2,000 pages",
      fileName: "两千页.pdf",
      bytes: makePdf("page", 2000),
      expect: { status: 400, code: "pdf-too-many-pages", where: ["file"] },
    },
    {
      label: "a .txt with NUL characters",
      fileName: "空字符.txt",
      bytes: utf8(`${seed.slice(0, 400)}\u0000\u0000${seed.slice(400)}`),
      expect: { status: 400, code: "nul-characters", where: ["file", "line"] },
    },
    {
      label: "a .docx with one giant run",
      fileName: "一段.docx",
      bytes: await makeDocx([seed.replaceAll("\n", "").repeat(40)]),
      expect: { status: 201 },
    },
    {
      label: "a UTF-8 .txt with six stray bytes",
      fileName: "六处.txt",
      bytes: stray,
      expect: { status: 201 },
    },
  ];
}

/** A small seeded generator (mulberry32), so a bench run can be repeated. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Ways to damage a file. */
export type Damage = "truncate" | "flip" | "insert" | "random";

/** Damages `bytes` in place of a copy, driven by `random`. */
export function damage(bytes: Uint8Array, kind: Damage, random: () => number): Uint8Array {
  const at = (): number => Math.floor(random() * bytes.length);
  switch (kind) {
    case "truncate":
      return bytes.slice(0, at());
    case "flip": {
      const out = new Uint8Array(bytes);
      const flips = 1 + Math.floor(random() * 40);
      for (let k = 0; k < flips; k++) {
        const i = at();
        out[i] = (out[i] ?? 0) ^ (1 << Math.floor(random() * 8));
      }
      return out;
    }
    case "insert": {
      const i = at();
      const junk = Uint8Array.from({ length: 1 + Math.floor(random() * 64) }, () =>
        Math.floor(random() * 256),
      );
      return new Uint8Array([...bytes.subarray(0, i), ...junk, ...bytes.subarray(i)]);
    }
    default:
      return Uint8Array.from({ length: 1 + Math.floor(random() * 4096) }, () => Math.floor(random() * 256));
  }
}

/** The seeds as each format the importer reads: the starting points of damaged uploads. */
export async function seedFiles(): Promise<FuzzDocument[]> {
  const out: FuzzDocument[] = [];
  for (const [i, { name, text }] of seedTexts().entries()) {
    const lines = text.split("\n");
    out.push({ label: name, fileName: `种子${String(i)}.txt`, bytes: utf8(text) });
    out.push({
      label: `${name} as HTML`,
      fileName: `种子${String(i)}.html`,
      bytes: utf8(
        `<html><head><meta charset="utf-8"></head><body>${lines.map((l) => `<p>${l}</p>`).join("")}</body></html>`,
      ),
    });
    out.push({ label: `${name} as .docx`, fileName: `种子${String(i)}.docx`, bytes: await makeDocx(lines) });
  }
  out.push({ label: "a PDF", fileName: "种子.pdf", bytes: makePdf("1. Plan for 2025", 3) });
  return out;
}

/** What one upload did. */
export interface UploadOutcome {
  status: number;
  ms: number;
  /** Broken promises: a 5xx, a refusal that does not name the file or where, a partial write. */
  problems: string[];
}

async function counts(db: Db): Promise<string> {
  const plans = await planRepo.listInScope(db, WHOLE_TREE);
  const audit = await auditRepo.list(db, { scope: WHOLE_TREE, limit: 1, offset: 0 });
  return `${String(plans.length)} plans, ${String(plans.reduce((n, p) => n + p.node_count, 0))} nodes, ${String(audit.total)} audit rows`;
}

/** Uploads `doc` as a plan and checks the importer kept its promises. */
export async function uploadAndCheck(client: TestClient, db: Db, doc: FuzzDocument): Promise<UploadOutcome> {
  const before = await counts(db);
  const started = performance.now();
  const res = await client.request("POST", "/api/plans", {
    fileName: doc.fileName,
    contentBase64: Buffer.from(doc.bytes).toString("base64"),
  });
  const ms = performance.now() - started;
  const problems: string[] = [];
  if (res.statusCode >= 500) {
    problems.push(`${doc.label}: answered ${String(res.statusCode)} ${res.body.slice(0, 200)}`);
  }
  if (res.statusCode >= 400) {
    const body = res.json<{ error?: { message?: string; details?: { issues?: { where?: object }[] } } }>();
    const message = body.error?.message ?? "";
    if (!message.includes(doc.fileName)) {
      problems.push(`${doc.label}: refusal does not name the file: ${message}`);
    }
    const where = body.error?.details?.issues?.[0]?.where as { file?: string } | undefined;
    if (res.statusCode !== 422 && where?.file !== doc.fileName) {
      problems.push(
        `${doc.label}: refusal has no where: ${JSON.stringify(body.error?.details).slice(0, 200)}`,
      );
    }
    const after = await counts(db);
    if (after !== before) {
      problems.push(`${doc.label}: refused but the database changed: ${before} → ${after}`);
    }
  }
  return { status: res.statusCode, ms, problems };
}
