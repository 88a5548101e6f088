/**
 * 口径 as a person cites it. The catalogue records where each indicator's rule comes from in the
 * project's own reference notation (`standards §1.1a #1 [C]`: section, item, how well it is sourced);
 * people read the official document and its article instead: 《县域义务教育优质均衡发展督导评估办法》
 * （教督〔2017〕6号）第六条第1项. Reliability marks and source-register numbers are for maintainers
 * and are dropped; Chinese notes in the record (生师比, 拆分 …) are kept in brackets.
 */

/** The documents behind each section of the reference notation (docs/standards.md). */
const DOCUMENTS: Readonly<Record<string, string>> = {
  "1": "《县域义务教育优质均衡发展督导评估办法》（教督〔2017〕6号）",
  "2": "《县域学前教育普及普惠督导评估办法》（2020年）",
  "3": "《县域义务教育均衡发展督导评估暂行办法》（教督〔2012〕3号）",
  "4": "教育事业统计指标口径",
};

/** The parts of the 2017 办法, by subsection. */
const ARTICLES: Readonly<Record<string, string>> = {
  "1.1a": "第六条（资源配置）",
  "1.1b": "差异系数计算方法",
  "1.1c": "第七条（政府保障程度）",
  "1.1d": "第八条（教育质量）",
  "1.1e": "评估认定要求",
};

/** Notes of the record that read better spelt out. */
const NOTES: Readonly<Record<string, string>> = { 拆分: "一贯制学校按学段拆分" };

/** `§1.1a #1`, `§4`, `§2 #9`: a section with an optional item number. */
const REFERENCE = /§\s*(\d+)(?:\.(\d+[a-z]?))?(?:\s*#(\d+))?/g;

/** The human citation of a catalogue `source`; text without the reference notation is returned as it is. */
export function citationOf(source: string): string {
  if (!source.includes("§")) {
    return source;
  }
  const cited: string[] = [];
  const documents = new Set<string>();
  const add = (text: string) => {
    if (!cited.includes(text)) {
      cited.push(text);
    }
  };
  for (const m of source.matchAll(REFERENCE)) {
    const [, section = "", sub, item] = m;
    const document = DOCUMENTS[section];
    if (document === undefined) {
      continue; // §5, §6: worked examples and cautions, not a rule's source
    }
    const article = sub === undefined ? "" : (ARTICLES[`${section}.${sub}`] ?? "");
    // the second reference to one document says 同办法 rather than its whole title again
    const title = documents.has(document) ? (article === "" ? "" : "同办法") : document;
    documents.add(document);
    if (title !== "" || item !== undefined) {
      add(`${title}${article}${item === undefined ? "" : `第${item}项`}`);
    }
  }
  // Chinese notes kept; the ASCII remainder (register ids, reliability marks, English notes) dropped.
  const notes = [...source.replace(/注\s*\(([^)]*)\)/g, "注：$1").matchAll(/[\p{Script=Han}：“”、]+/gu)].map(
    (m) => NOTES[m[0]] ?? m[0],
  );
  const text = cited.join("；");
  return notes.length === 0 ? text : `${text}（${notes.join("，")}）`;
}
