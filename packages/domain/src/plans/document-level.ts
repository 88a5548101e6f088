/**
 * Whose document is it (文件层级)? A county bureau receives the documents of the nation, the province and
 * the city as well as writing its own. Only its own plans set the targets its indicators are judged by;
 * a higher-level document (上级文件) is what the county implements through plans of its own (承接方案).
 * This module reads the level from the issuer (发文机关) — or, lacking one, the title — against the
 * owning area and the areas above it. Staff confirm or change the result when they review the import.
 */

/** Own plan of the owning area, or a document from above (or from another area). */
export type DocumentLevel = "own" | "higher";

/** The administrative level of the issuing body. */
export type IssuerLevel = "national" | "province" | "city" | "county" | "school";

/** An area (the owner or one above it) as the org registry names it. */
export interface AreaName {
  name: string;
  aliases?: readonly string[];
  kind: "province" | "city" | "county" | "township" | "school" | "department";
}

export interface DocumentLevelReading {
  level: DocumentLevel;
  issuerLevel: IssuerLevel | null;
  /** Why, in words staff read on the review page. */
  reason: string;
}

/** Central bodies whose documents are national whatever else the name holds. */
const NATIONAL =
  /^(?:中共中央|国务院|教育部|国家|财政部|人力资源社会保障部|人力资源和社会保障部|民政部|国家发展改革委|国家卫生健康委|共青团中央|全国)/;

/** The agency words after an area name: 西宁市教育局 → 西宁市. */
const AGENCY_TAIL =
  /(?:人民政府办公厅|人民政府办公室|人民政府|教育厅|教育局|教育体育局|教体局|教育和体育局|教育委员会|教委|政府督导室|督导室|委员会|办公室|财政局|财政厅|人社局|发展和改革委员会|发改委|委)$/;

const AREA_LEVELS: readonly [RegExp, IssuerLevel][] = [
  [/(?:省|自治区)$/, "province"],
  [/(?:市|州|盟|地区)$/, "city"],
  [/(?:县|区|旗)$/, "county"],
  [/(?:学校|中学|小学|幼儿园)$/, "school"],
];

function levelOfKind(kind: AreaName["kind"]): IssuerLevel | null {
  return kind === "province" || kind === "city" || kind === "county" || kind === "school" ? kind : null;
}

/** The area part of an issuer or title: the text before the first agency word, trimmed of 中共. */
function areaOf(issuer: string): string {
  const first = issuer.split(/[\s、,，]/)[0] ?? issuer;
  let area = first.replace(/^中共/, "");
  for (let k = 0; k < 3; k++) {
    const next = area.replace(AGENCY_TAIL, "");
    if (next === area) {
      break;
    }
    area = next;
  }
  return area;
}

function names(area: AreaName): string[] {
  // 崆峒区 is also written 崆峒; a registry alias counts too.
  const bare = area.name.replace(/(?:省|自治区|市|州|盟|地区|县|区|旗)$/, "");
  return [area.name, ...(area.aliases ?? []), ...(bare.length >= 2 ? [bare] : [])];
}

/** The full name (or an alias) inside an area string: 平凉市崆峒区 names 崆峒区. */
function namesWithin(text: string, area: AreaName): boolean {
  return [area.name, ...(area.aliases ?? [])].some((n) => n.length >= 2 && text.includes(n));
}

function startsWithName(text: string, area: AreaName): boolean {
  return names(area).some((n) => n.length >= 2 && text.startsWith(n));
}

/**
 * Reads a document's level. `owner` is the area that imports it; `above` are the areas above the owner,
 * nearest first. With neither an issuer nor a title naming an area, the document counts as the owner's.
 */
export function readDocumentLevel(
  document: { issuer: string | null; title: string | null },
  owner: AreaName,
  above: readonly AreaName[],
): DocumentLevelReading {
  const source = (document.issuer ?? "").trim() || (document.title ?? "").trim();
  const from = document.issuer !== null && document.issuer.trim() !== "" ? "发文机关" : "标题";
  if (source === "") {
    return { level: "own", issuerLevel: levelOfKind(owner.kind), reason: "未识别到发文机关，按本级文件处理" };
  }
  if (NATIONAL.test(source.replace(/^中共/, "")) || source.startsWith("中共中央")) {
    return { level: "higher", issuerLevel: "national", reason: `${from}为国家层面机关` };
  }
  const named = source.replace(/^中共/, "");
  // 平凉市崆峒区教育局 is the county's own although it starts with the city's name.
  if (startsWithName(named, owner) || namesWithin(areaOf(named), owner)) {
    return { level: "own", issuerLevel: levelOfKind(owner.kind), reason: `${from}属于${owner.name}` };
  }
  const ancestor = above.find((a) => startsWithName(named, a));
  if (ancestor !== undefined) {
    return {
      level: "higher",
      issuerLevel: levelOfKind(ancestor.kind),
      reason: `${from}属于上级${ancestor.name}`,
    };
  }
  const area = from === "标题" ? titlePrefixArea(source) : areaOf(source);
  const guessed = area === null ? null : (AREA_LEVELS.find(([re]) => re.test(area))?.[1] ?? null);
  if (area === null || guessed === null) {
    // Nothing names another area ("关于推进…的实施方案"): nothing says it is anyone else's.
    return {
      level: "own",
      issuerLevel: levelOfKind(owner.kind),
      reason: `${from}未指向其他地区，按本级文件处理`,
    };
  }
  return {
    level: "higher",
    issuerLevel: guessed,
    reason: `${from}“${area}”不属于${owner.name}，按上级或外地文件处理，其目标不用于评判本地指标`,
  };
}

/** The area a title starts with: 西宁市学前教育…方案 → 西宁市; none for 关于…. */
function titlePrefixArea(title: string): string | null {
  const m = /^(?:中共)?([\u4e00-\u9fff]{2,8}?(?:省|自治区|市|州|盟|县|区|旗))/.exec(title);
  return m?.[1] ?? null;
}
