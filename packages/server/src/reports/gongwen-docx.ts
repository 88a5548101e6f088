/**
 * 公文 writer: a small, reusable .docx builder in the layout of GB/T 9704-2012 (党政机关公文格式),
 * over the `docx` package.
 *
 * A4; margins top 37 mm, bottom 35 mm, left 28 mm, right 26 mm (版心 156 × 225 mm); title 2号 (22 pt)
 * 方正小标宋简体 centred; body 3号 (16 pt) 仿宋_GB2312 with a two-character first-line indent and a fixed
 * 28.95 pt line (22 lines per page); first-level headings 3号 黑体, second-level 3号 楷体_GB2312;
 * tables 小4 (12 pt) 仿宋; page numbers 4号 (14 pt) 宋体 as "— 1 —", odd pages at the right and even
 * pages at the left, one character in from the edge of the 版心. Fonts are named, not embedded: the
 * machines that open these files (government PCs) have them; elsewhere Word substitutes.
 */
import {
  AlignmentType,
  Document,
  DocumentGridType,
  Footer,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
} from "docx";

/** Font names of GB/T 9704 公文 (named in the file, not embedded). */
export const GONGWEN_FONTS = {
  title: "方正小标宋简体",
  body: "仿宋_GB2312",
  heading1: "黑体",
  heading2: "楷体_GB2312",
  pageNumber: "宋体",
} as const;

/** Chinese font sizes (字号) in points. */
export const FONT_SIZE_PT = { er: 22, san: 16, si: 14, xiaosi: 12 } as const;

/** Millimetres to twips (1/20 pt): the unit of page size and margins in Word files. */
export function mmToTwips(mm: number): number {
  return Math.round((mm / 25.4) * 1440);
}

/** A4 in twips (210 × 297 mm). */
const A4_TWIPS = { width: 11906, height: 16838 } as const;

/** GB/T 9704 margins in millimetres. */
const GONGWEN_MARGINS_MM = { top: 37, bottom: 35, left: 28, right: 26 } as const;

/** Fixed line spacing of the body, 28.95 pt (22 lines in the 225 mm 版心), in twips. */
const BODY_LINE_TWIPS = 579;

const TEXT_WIDTH_TWIPS =
  A4_TWIPS.width - mmToTwips(GONGWEN_MARGINS_MM.left) - mmToTwips(GONGWEN_MARGINS_MM.right);
const CHAR_TWIPS = FONT_SIZE_PT.san * 20;
const PAGE_NUMBER_INDENT = FONT_SIZE_PT.si * 20;

/** A heading: level 1 (一、… in 黑体) or level 2 (（一）… in 楷体). Numbering is part of the text. */
interface GongwenHeading {
  kind: "heading";
  level: 1 | 2;
  text: string;
}

/** A body paragraph (3号 仿宋, first line indented two characters). */
interface GongwenParagraph {
  kind: "paragraph";
  text: string;
}

/**
 * A table: a header row and body rows of plain text, in 小4 仿宋. `widths` are relative column weights
 * (default equal); `align` per column (default centred, which suits numbers and short names).
 */
interface GongwenTable {
  kind: "table";
  header: readonly string[];
  rows: readonly (readonly string[])[];
  widths?: readonly number[];
  align?: readonly ("left" | "center")[];
}

/** A block of the body. */
export type GongwenSection = GongwenHeading | GongwenParagraph | GongwenTable;

/**
 * 公文 content: 标题, optional 发文字号, 发文机关署名 (`issuer`) and 成文日期 (`date`, ISO
 * `YYYY-MM-DD`, written 2026年4月3日), and the body blocks.
 */
export interface GongwenInput {
  title: string;
  docNumber?: string;
  /** 主送机关, written flush left under the title and ended with a full-width colon. */
  addressees?: readonly string[];
  issuer: string;
  date: string;
  sections: readonly GongwenSection[];
}

/** `2026-04-03` → `2026年4月3日` (GB/T 9704-2012 writes 成文日期 in Arabic numerals); other text as is. */
export function chineseDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return m ? `${m[1] ?? ""}年${String(Number(m[2]))}月${String(Number(m[3]))}日` : iso;
}

const run = (text: string, font: string, sizePt: number): TextRun =>
  new TextRun({ text, font, size: sizePt * 2 });

const bodyLine = { line: BODY_LINE_TWIPS, lineRule: LineRuleType.EXACT, before: 0, after: 0 };

function heading(h: GongwenHeading): Paragraph {
  const font = h.level === 1 ? GONGWEN_FONTS.heading1 : GONGWEN_FONTS.heading2;
  return new Paragraph({
    children: [run(h.text, font, FONT_SIZE_PT.san)],
    spacing: bodyLine,
    indent: { firstLine: 2 * CHAR_TWIPS },
    keepNext: true,
  });
}

function paragraph(p: GongwenParagraph): Paragraph {
  return new Paragraph({
    children: [run(p.text, GONGWEN_FONTS.body, FONT_SIZE_PT.san)],
    spacing: bodyLine,
    indent: { firstLine: 2 * CHAR_TWIPS },
    alignment: AlignmentType.JUSTIFIED,
  });
}

function table(t: GongwenTable): Table {
  const count = t.header.length;
  const weights = Array.from({ length: count }, (_, i) => t.widths?.[i] ?? 1);
  const total = weights.reduce((a, b) => a + b, 0);
  const widths = weights.map((w) => Math.floor((TEXT_WIDTH_TWIPS * w) / total));
  const cell = (text: string, col: number, isHeader: boolean): TableCell =>
    new TableCell({
      width: { size: widths[col] ?? 0, type: WidthType.DXA },
      verticalAlign: VerticalAlignTable.CENTER,
      margins: { left: 60, right: 60, top: 30, bottom: 30 },
      children: [
        new Paragraph({
          children: [run(text, isHeader ? GONGWEN_FONTS.heading1 : GONGWEN_FONTS.body, FONT_SIZE_PT.xiaosi)],
          spacing: { line: 360, lineRule: LineRuleType.AT_LEAST, before: 0, after: 0 },
          alignment: !isHeader && t.align?.[col] === "left" ? AlignmentType.LEFT : AlignmentType.CENTER,
        }),
      ],
    });
  const row = (cells: readonly string[], isHeader: boolean): TableRow =>
    new TableRow({
      tableHeader: isHeader,
      cantSplit: true,
      children: Array.from({ length: count }, (_, i) => cell(cells[i] ?? "", i, isHeader)),
    });
  return new Table({
    width: { size: TEXT_WIDTH_TWIPS, type: WidthType.DXA },
    columnWidths: widths,
    alignment: AlignmentType.CENTER,
    rows: [row(t.header, true), ...t.rows.map((r) => row(r, false))],
  });
}

function pageNumberFooter(side: "odd" | "even"): Footer {
  return new Footer({
    children: [
      new Paragraph({
        alignment: side === "odd" ? AlignmentType.RIGHT : AlignmentType.LEFT,
        indent: side === "odd" ? { right: PAGE_NUMBER_INDENT } : { left: PAGE_NUMBER_INDENT },
        children: [
          new TextRun({
            children: ["— ", PageNumber.CURRENT, " —"],
            font: GONGWEN_FONTS.pageNumber,
            size: FONT_SIZE_PT.si * 2,
          }),
        ],
      }),
    ],
  });
}

/** Width of a line of text in characters: CJK counts 1, ASCII ½. */
function textWidth(s: string): number {
  let width = 0;
  for (const c of s) {
    width += (c.codePointAt(0) ?? 0) < 0x2000 ? 0.5 : 1;
  }
  return width;
}

function signature(issuer: string, date: string): Paragraph[] {
  // 成文日期右空四字; the 署名 is centred over the date.
  const dateText = chineseDate(date);
  const dateIndent = 4 * CHAR_TWIPS;
  const issuerIndent =
    dateIndent + Math.max(0, Math.round(((textWidth(dateText) - textWidth(issuer)) / 2) * CHAR_TWIPS));
  const line = (text: string, right: number): Paragraph =>
    new Paragraph({
      children: [run(text, GONGWEN_FONTS.body, FONT_SIZE_PT.san)],
      alignment: AlignmentType.RIGHT,
      indent: { right },
      spacing: bodyLine,
    });
  return [
    new Paragraph({ spacing: bodyLine, children: [] }),
    line(issuer, issuerIndent),
    line(dateText, dateIndent),
  ];
}

/**
 * 生成公文: builds the .docx in GB/T 9704 layout and returns its bytes. The fonts are named in every
 * run and in the document defaults.
 */
export async function gongwenDocument(input: GongwenInput): Promise<Buffer> {
  const head: Paragraph[] = [];
  if (input.docNumber !== undefined && input.docNumber.trim() !== "") {
    head.push(
      new Paragraph({
        children: [run(input.docNumber, GONGWEN_FONTS.body, FONT_SIZE_PT.san)],
        alignment: AlignmentType.CENTER,
        spacing: bodyLine,
      }),
      new Paragraph({ spacing: bodyLine, children: [] }),
    );
  }
  head.push(
    new Paragraph({
      children: [run(input.title, GONGWEN_FONTS.title, FONT_SIZE_PT.er)],
      alignment: AlignmentType.CENTER,
      spacing: { line: 700, lineRule: LineRuleType.AT_LEAST, before: 0, after: 0 },
    }),
    new Paragraph({ spacing: bodyLine, children: [] }),
  );
  if (input.addressees !== undefined && input.addressees.length > 0) {
    head.push(
      new Paragraph({
        children: [run(`${input.addressees.join("、")}：`, GONGWEN_FONTS.body, FONT_SIZE_PT.san)],
        spacing: bodyLine,
      }),
    );
  }
  const body = input.sections.flatMap((s): (Paragraph | Table)[] =>
    s.kind === "heading" ? [heading(s)] : s.kind === "paragraph" ? [paragraph(s)] : [table(s)],
  );
  const doc = new Document({
    title: input.title,
    creator: input.issuer,
    evenAndOddHeaderAndFooters: true,
    styles: {
      default: {
        document: {
          run: { font: GONGWEN_FONTS.body, size: FONT_SIZE_PT.san * 2 },
          paragraph: { spacing: bodyLine },
        },
      },
    },
    sections: [
      {
        properties: {
          page: {
            size: { width: A4_TWIPS.width, height: A4_TWIPS.height },
            margin: {
              top: mmToTwips(GONGWEN_MARGINS_MM.top),
              bottom: mmToTwips(GONGWEN_MARGINS_MM.bottom),
              left: mmToTwips(GONGWEN_MARGINS_MM.left),
              right: mmToTwips(GONGWEN_MARGINS_MM.right),
              header: mmToTwips(15),
              // The page number sits about 7 mm below the 版心.
              footer: mmToTwips(23),
            },
          },
          grid: { type: DocumentGridType.LINES, linePitch: BODY_LINE_TWIPS },
        },
        footers: { default: pageNumberFooter("odd"), even: pageNumberFooter("even") },
        children: [...head, ...body, ...signature(input.issuer, input.date)],
      },
    ],
  });
  return Packer.toBuffer(doc);
}
