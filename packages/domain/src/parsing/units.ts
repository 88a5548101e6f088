/**
 * 责任单位 and 牵头单位 from the lists documents put in or after a task:
 * `(责任单位:A、B,列第一位的单位为牵头单位,下同)`, `(A、B负责)`, `(牵头单位:A;配合单位:B)`, `(A牵头,B配合)`,
 * `(责任科室:A、B)`, and in the running text `由A牵头,B、C配合`. Names keep their brackets
 * (各县(市、区)教育局) and a list may run over a line break.
 */

/** Units read from one node's own text. */
export interface UnitsFound {
  units: string[];
  lead: string | null;
}

/** Document-level state: once a document declares "the first listed is the lead" (下同), it holds on. */
export interface UnitsState {
  isFirstLead: boolean;
}

const FIRST_IS_LEAD = /(?:列|排|排列|排在)?(?:在)?第一(?:位|个)?的?(?:单位|部门)?(?:为|是)牵头(?:单位|部门)?/;
/** 牵头单位, 责任部门, 配合科室, 责任股室 …: who (牵头/责任/配合 …) and what kind of body (单位/部门/科室 …). */
const LABEL = /((?:牵头|责任|负责|主责|配合|协办|协同|参与)(?:单位|部门|科室|股室|处室|领导))\s*[:：]?/g;
const LIST_END = /(?:共同|分别|按职责分工|按职责)?(?:负责|牵头|配合|落实)$/;
const LEVEL_ONLY = /^(?:省|市|州|盟|县|区|旗|镇|乡|街道|县区|县市区|市县|县市)$/;
const LEVEL_PREFIX = /^(?:省|市|州|盟|县\(区\)|县\(市、区\)|县区|县|区|旗|镇|乡)/;
const NAME_TRIM_END =
  /(?:等单位|等部门|等|共同负责|分别负责|按职责分工|按照职责分工|按职责|负责|牵头|配合|落实|参与)+$/;
/** How the name of an agency, office or school ends (a collective 各… name passes too). */
const UNIT_END =
  /(?:局|委|委员会|办|办公室|政府|中心|学校|学院|院|部|处|所|会|室|站|队|团|司|厅|馆|镇|乡|街道|联|行|社|公司|集团|部门|单位|幼儿园|中学|小学|股|科)$/;

/** True when `name` reads as a unit: it ends like an agency (brackets aside: 各乡镇(街道)) or is 各…. */
export function isUnitName(name: string): boolean {
  const bare = name.replace(/等$/, "").replace(/\([^()]*\)$/, "");
  return name.startsWith("各") || UNIT_END.test(bare);
}

/** Splits on 、 , ; / and spaces (line breaks too), but never inside brackets: 各县(市、区)教育局 stays whole. */
export function splitTopLevel(list: string): string[] {
  if (!list.includes("(") && !list.includes("（")) {
    return list.split(SEPARATORS);
  }
  const tokens: string[] = [];
  let depth = 0;
  let from = 0;
  for (let i = 0; i < list.length; i++) {
    const c = list.charAt(i);
    if (c === "(" || c === "（") {
      depth++;
    } else if ((c === ")" || c === "）") && depth > 0) {
      depth--;
    } else if (depth === 0 && SEPARATOR.test(c)) {
      tokens.push(list.slice(from, i));
      from = i + 1;
    }
  }
  tokens.push(list.slice(from));
  return tokens;
}

const SEPARATOR = /[、,，;；/\s]/;
const SEPARATORS = /[、,，;；/\s]+/;

/** Splits a list into names, expanding 市、区教育局 into 市教育局 and 区教育局. */
export function splitUnitNames(list: string): string[] {
  const tokens = splitTopLevel(list)
    .map((t) =>
      t
        .replace(/^(?:由|其中|以及)/, "")
        .replace(NAME_TRIM_END, "")
        .trim(),
    )
    .filter((t) => t.length > 0);
  const names: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i] ?? "";
    if (LEVEL_ONLY.test(token)) {
      // A bare level shares the rest of the next name: 市、区教育局 → 市教育局.
      const next = tokens.slice(i + 1).find((t) => !LEVEL_ONLY.test(t));
      const prefix = next === undefined ? null : LEVEL_PREFIX.exec(next);
      if (next !== undefined && prefix) {
        names.push(token + next.slice(prefix[0].length));
        continue;
      }
    }
    if (token.length >= 2 && token.length <= 25) {
      names.push(token);
    }
  }
  return names;
}

/** Parenthesised groups `(…)`, with nesting (县(区)教育局) kept inside the group. */
function parenGroups(text: string): string[] {
  const groups: string[] = [];
  let open = text.indexOf("(");
  while (open >= 0) {
    let depth = 0;
    let close = -1;
    for (let i = open; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 0x28) {
        depth++;
      } else if (c === 0x29 && --depth === 0) {
        close = i;
        break;
      }
    }
    if (close < 0) {
      break;
    }
    groups.push(text.slice(open + 1, close));
    open = text.indexOf("(", close + 1);
  }
  return groups;
}

/** Reads one unit list (a group's content, or a line starting with 责任单位). */
function readList(content: string, state: UnitsState): UnitsFound | null {
  // Cheap gate: every unit list names a unit or says who is responsible.
  if (!/负责|牵头|单位|部门|配合|落实|科室|股室|处室/.test(content)) {
    return null;
  }
  const declares = FIRST_IS_LEAD.test(content);
  const body = content
    .replace(FIRST_IS_LEAD, "")
    .replace(/(?:以下|下)同/g, "")
    .trim();
  LABEL.lastIndex = 0;
  const labelled = [...body.matchAll(LABEL)];
  const hasListEnd = LIST_END.test(body.replace(/[,，;；。\s]+$/, ""));
  if (labelled.length === 0 && !hasListEnd && !/牵头/.test(body)) {
    return null;
  }
  if (declares) {
    state.isFirstLead = true;
  }
  const units: string[] = [];
  let lead: string | null = null;
  const parts =
    labelled.length === 0
      ? [{ label: "", text: body }]
      : labelled.map((m, k) => ({
          label: m[1] ?? "",
          text: body.slice(m.index + m[0].length, labelled[k + 1]?.index ?? body.length),
        }));
  for (const part of parts) {
    // "A牵头,B、C配合": the names before 牵头 lead.
    const leadClause = /^(.*?)牵头[,，;；]?/.exec(part.text);
    if (part.label === "" && leadClause?.[1] !== undefined && leadClause[1].length > 0) {
      const leads = splitUnitNames(leadClause[1]);
      lead ??= leads[0] ?? null;
      units.push(...leads, ...splitUnitNames(part.text.slice(leadClause[0].length)));
      continue;
    }
    const names = splitUnitNames(part.text);
    if (part.label.startsWith("牵头")) {
      lead ??= names[0] ?? null;
    }
    units.push(...names);
  }
  if (units.length === 0) {
    return null;
  }
  if (lead === null && state.isFirstLead) {
    lead = units[0] ?? null;
  }
  return { units, lead };
}

/**
 * `由A牵头,B、C配合` written in the running text rather than in brackets, as lists of the form readList
 * reads (`A牵头,B、C配合`). Kept only when every name reads as a unit: 牵头抓总 or 以…为牵头 in prose is not
 * a list.
 */
function runningLeads(text: string): string[] {
  const out: string[] = [];
  // from each 牵头 back to the clause start and on to the sentence end: linear, no regex backtracking
  for (let at = text.indexOf("牵头"); at >= 0; at = text.indexOf("牵头", at + 2)) {
    let start = at;
    while (start > 0 && at - start < 60 && !CLAUSE_END.has(text.charAt(start - 1))) {
      start--;
    }
    let lead = text.slice(start, at).trim();
    const isBy = lead.startsWith("由");
    lead = isBy ? lead.slice(1) : lead;
    let rest: string | undefined;
    let verb = "";
    if ("，,、".includes(text.charAt(at + 2))) {
      let end = at + 3;
      while (end < text.length && end - at < 124 && !SENTENCE_END.has(text.charAt(end))) {
        end++;
      }
      const co = /^\s*(.{2,120}?)(配合|协同|参与|协助)/.exec(text.slice(at + 3, end));
      rest = co?.[1];
      verb = co?.[2] ?? "";
    }
    const leads = lead.length >= 2 ? splitUnitNames(lead) : [];
    const others = rest === undefined ? [] : splitUnitNames(rest);
    // "由A牵头" or "A牵头,B配合": a bare "…以政府牵头" in prose names no list
    const isList = isBy || rest !== undefined;
    if (isList && leads.length > 0 && [...leads, ...others].every(isUnitName)) {
      out.push(`${lead}牵头${rest === undefined ? "" : `,${rest}${verb}`}`);
    }
  }
  return out;
}

const SENTENCE_END = new Set("。;!?\n；");
const CLAUSE_END = new Set("。;!?\n,，；");

/**
 * Units and lead of one node's own text. Groups are merged in order without repeats; the first named
 * lead wins. `state` carries a "列第一位的为牵头单位，下同" declaration to later nodes.
 */
export function extractUnits(text: string, state: UnitsState): UnitsFound {
  const units: string[] = [];
  let lead: string | null = null;
  const candidates = parenGroups(text);
  // Some documents write the list on its own line without parentheses.
  if (/单位|部门|科室|股室|处室/.test(text)) {
    for (const m of text.matchAll(
      /(?:^|\n)\s*((?:牵头|责任|配合)(?:单位|部门|科室|股室|处室)\s*[:：][^\n]*)/g,
    )) {
      if (m[1] !== undefined) {
        candidates.push(m[1]);
      }
    }
  }
  if (text.includes("牵头")) {
    // bracketed lists were read above; a short bracket inside a name (各县(市、区)教育局) stays
    const outside = text.replace(/\([^()]*(?:\([^()]*\)[^()]*)*\)/g, (g) =>
      /牵头|负责|配合|单位|部门/.test(g) ? "。" : g,
    );
    candidates.push(...runningLeads(outside));
  }
  for (const content of candidates) {
    const found = readList(content, state);
    if (found === null) {
      continue;
    }
    for (const u of found.units) {
      if (!units.includes(u)) {
        units.push(u);
      }
    }
    lead ??= found.lead;
  }
  return { units, lead };
}
