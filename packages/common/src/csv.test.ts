import { describe, expect, it } from "vitest";
import { csvCell, csvLine, readCsv, writeCsv } from "./csv.ts";

describe("readCsv", () => {
  // [text, records as fields, line of each record]
  const table: [string, string[][], number[]][] = [
    [
      "a,b\r\n1,2\r\n",
      [
        ["a", "b"],
        ["1", "2"],
      ],
      [1, 2],
    ],
    [
      "\uFEFF学校,人数\n实验小学,1200\n",
      [
        ["学校", "人数"],
        ["实验小学", "1200"],
      ],
      [1, 2],
    ],
    ["a\rb\r", [["a"], ["b"]], [1, 2]],
    ['"x,y","say ""hi"""\n', [["x,y", 'say "hi"']], [1]],
    ['"two\r\nlines",z\nnext\n', [["two\r\nlines", "z"], ["next"]], [1, 3]],
    [
      "a,b\n\n  \nc,d",
      [
        ["a", "b"],
        ["c", "d"],
      ],
      [1, 4],
    ],
    ['5",6\n', [['5"', "6"]], [1]],
    ["a,,\n", [["a", "", ""]], [1]],
    ["", [], []],
  ];
  it.each(table)("reads %j", (text, fields, lines) => {
    const read = readCsv(text);
    expect(read.records.map((r) => r.fields)).toEqual(fields);
    expect(read.records.map((r) => r.line)).toEqual(lines);
    expect(read.unterminatedQuoteLine).toBeNull();
  });

  it("reports the line of a quote left open and keeps the rest as its field", () => {
    const read = readCsv('a,b\n"open,\nstill\n');
    expect(read.unterminatedQuoteLine).toBe(2);
    expect(read.records.at(-1)?.fields).toEqual(["open,\nstill\n"]);
  });
});

describe("csvCell / writeCsv", () => {
  // [value, cell]
  const table: [string | number | null | undefined, string][] = [
    ["实验小学", "实验小学"],
    ["a,b", '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ["two\nlines", '"two\nlines"'],
    ['=HYPERLINK("x")', '"\'=HYPERLINK(""x"")"'],
    ["+1", "'+1"],
    ["-1+2", "'-1+2"],
    ["@SUM(A1)", "'@SUM(A1)"],
    ["\tcmd", "'\tcmd"],
    ["\rcmd", '"\'\rcmd"'],
    ["a=b", "a=b"],
    [-5, "-5"],
    [3.5, "3.5"],
    [null, ""],
    [undefined, ""],
  ];
  it.each(table)("writes %j as %j", (value, cell) => {
    expect(csvCell(value)).toBe(cell);
  });

  it("writes a BOM, CRLF line ends, and reads back what it wrote", () => {
    const rows = [
      ["工作表", "行", "问题"],
      ["基本情况", 3, '学校名称 "实验小学" 重复, 请核对'],
      ["人口", 12, "=1+1"],
    ];
    const text = writeCsv(rows);
    expect(text.startsWith("\uFEFF工作表,行,问题\r\n")).toBe(true);
    expect(text.endsWith("\r\n")).toBe(true);
    expect(readCsv(text).records.map((r) => r.fields)).toEqual([
      ["工作表", "行", "问题"],
      ["基本情况", "3", '学校名称 "实验小学" 重复, 请核对'],
      ["人口", "12", "'=1+1"],
    ]);
    expect(csvLine(["a", 1, null])).toBe("a,1,");
  });
});
