/**
 * 责任单位 and 牵头单位 from the parenthesised lists documents put after a task:
 * `(责任单位:A、B,列第一位的单位为牵头单位,下同)`, `(A、B负责)`, `(牵头单位:A;配合单位:B)`, `(A牵头,B配合)`.
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
const LABEL =
  /(牵头单位|牵头部门|责任单位|责任部门|负责单位|主责单位|配合单位|配合部门|协办单位|参与单位)\s*[:：]?/g;
const LIST_END = /(?:共同|分别|按职责分工|按职责)?(?:负责|牵头|配合|落实)$/;
const LEVEL_ONLY = /^(?:省|市|州|盟|县|区|旗|镇|乡|街道|县区|县市区|市县|县市)$/;
const LEVEL_PREFIX = /^(?:省|市|州|盟|县\(区\)|县\(市、区\)|县区|县|区|旗|镇|乡)/;
const NAME_TRIM_END = /(?:等单位|等部门|等|共同负责|分别负责|负责|牵头|配合|落实|参与)+$/;

/** Splits a list into names, expanding 市、区教育局 into 市教育局 and 区教育局. */
export function splitUnitNames(list: string): string[] {
  const tokens = list
    .split(/[、,，;；/\s]+/)
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
  if (!/负责|牵头|单位|部门|配合|落实/.test(content)) {
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
 * Units and lead of one node's own text. Groups are merged in order without repeats; the first named
 * lead wins. `state` carries a "列第一位的为牵头单位，下同" declaration to later nodes.
 */
export function extractUnits(text: string, state: UnitsState): UnitsFound {
  const units: string[] = [];
  let lead: string | null = null;
  const candidates = parenGroups(text);
  // Some documents write the list on its own line without parentheses.
  if (text.includes("单位") || text.includes("部门")) {
    for (const m of text.matchAll(/(?:^|\n)\s*((?:牵头单位|责任单位|责任部门)\s*[:：][^\n]*)/g)) {
      if (m[1] !== undefined) {
        candidates.push(m[1]);
      }
    }
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
