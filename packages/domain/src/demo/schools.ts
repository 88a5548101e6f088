/**
 * Places the demo county's 357 schools (2020, as the "十四五" plan counts them) over its townships.
 * City-street schools are written by hand; every rural township gets a 中心小学, a 中心幼儿园 and a seat
 * middle school; the rest (village schools, 教学点, 民办园) is spread by a seeded draw.
 */
import type { Ownership, SchoolType, UrbanRural } from "../org/org-unit.ts";
import {
  COMPLETE_SECONDARY_SCHOOLS,
  COUNTY,
  PRIVATE_KINDERGARTEN_BRANDS,
  SENIOR_SCHOOLS,
  SPECIAL_SCHOOLS,
  TOWNSHIPS,
  URBAN_JUNIOR_SCHOOLS,
  URBAN_PRIMARY_SCHOOLS,
  URBAN_PUBLIC_KINDERGARTENS,
  type FixedSchoolData,
  type TownshipData,
} from "./kongtong-data.ts";
import { createRng, hashSeed, type Rng } from "./prng.ts";

/** Schools per 办学类型 in 2020 (plan §一(一)): 357 in all, 153 小学 of which 42 教学点. */
export const DEMO_SCHOOL_COUNTS: Readonly<Record<SchoolType, number>> = {
  kindergarten: 168,
  primary: 111,
  teachingPoint: 42,
  junior: 17,
  nineYear: 13,
  twelveYear: 0,
  completeSecondary: 2,
  senior: 3,
  special: 1,
  vocational: 0,
};

/** 乡 whose seat middle school is a 九年一贯制学校 rather than a 初级中学. */
const SEAT_NINE_YEAR_SCHOOLS = 4;
/** 民办幼儿园 in the streets and in the 镇 seats; how many of them are 普惠. */
const PRIVATE_KINDERGARTENS = { urban: 40, town: 18, inclusive: 34 } as const;
/** At most this many village 九年一贯制学校 per township. */
const MAX_VILLAGE_NINE_YEAR = 2;

/** Where a school stands: a city street, a township seat (乡镇驻地) or a village. */
export type SchoolSite = "urban" | "seat" | "village";

/** A placed school with its code; the generator turns it into an `OrgUnitSeed` and a profile. */
export interface DemoSchool {
  code: string;
  name: string;
  aliases?: string[];
  townshipCode: string;
  schoolType: SchoolType;
  ownership: Ownership;
  isInclusive: boolean;
  urbanRural: UrbanRural;
  site: SchoolSite;
  /** 乡镇中心小学 / 中心幼儿园 / the seat middle school. */
  isCentral: boolean;
  /** Teaching points: the code of the primary they belong to. */
  parentSchoolCode?: string;
}

interface Draft extends Omit<DemoSchool, "code" | "parentSchoolCode"> {
  /** Same name for every seed: numbered first, so its code does not move with the seed either. */
  isFixed: boolean;
  parent?: Draft;
}

/** First serial (the last 3 digits of the code) of each type's block. */
const SERIAL_BLOCK_START: Readonly<Record<SchoolType, number>> = {
  senior: 1,
  completeSecondary: 11,
  special: 21,
  junior: 31,
  nineYear: 61,
  twelveYear: 81,
  vocational: 91,
  primary: 101,
  teachingPoint: 301,
  kindergarten: 401,
};

/** The order of types within a township in the output. */
const OUTPUT_TYPE_ORDER: readonly SchoolType[] = [
  "senior",
  "completeSecondary",
  "twelveYear",
  "special",
  "vocational",
  "junior",
  "nineYear",
  "primary",
  "teachingPoint",
  "kindergarten",
];

/**
 * Spreads `total` items over slots in proportion to `weights`, never past `caps`. Each draw weighs a slot
 * by its remaining room, so slots fill evenly rather than one running away with everything.
 */
export function spreadCounts(
  rng: Rng,
  total: number,
  weights: readonly number[],
  caps: readonly number[],
): number[] {
  const counts = weights.map(() => 0);
  for (let k = 0; k < total; k++) {
    const room = weights.map((w, i) => {
      const cap = caps[i] ?? 0;
      const used = counts[i] ?? 0;
      return used < cap ? (w * (cap - used)) / cap : 0;
    });
    const i = rng.weightedIndex(room);
    if (i < 0) {
      break;
    }
    counts[i] = (counts[i] ?? 0) + 1;
  }
  return counts;
}

const fixedDraft = (d: FixedSchoolData, schoolType: SchoolType, isInclusive = false): Draft => {
  const isStreet = TOWNSHIPS.find((t) => t.code === d.townshipCode)?.kind === "street";
  return {
    name: d.name,
    ...(d.aliases ? { aliases: [...d.aliases] } : {}),
    townshipCode: d.townshipCode,
    schoolType,
    ownership: "public",
    isInclusive,
    urbanRural: isStreet ? "urban" : "town",
    site: isStreet ? "urban" : "seat",
    isCentral: false,
    isFixed: true,
  };
};

const at = (counts: readonly number[], i: number): number => counts[i] ?? 0;

/** The schools of one rural township: seat schools, then its villages' schools. */
function ruralDrafts(
  seed: number,
  t: TownshipData,
  seatType: "junior" | "nineYear",
  n: { nineYear: number; primary: number; teachingPoint: number; kindergarten: number },
): Draft[] {
  const rng = createRng(hashSeed(seed, "villages", t.code));
  const seatUrbanRural: UrbanRural = t.kind === "town" ? "town" : "rural";
  const base = { townshipCode: t.code, ownership: "public", isInclusive: false } as const;
  const seat = { ...base, urbanRural: seatUrbanRural, site: "seat", isCentral: true } as const;
  const village = {
    ...base,
    urbanRural: "rural",
    site: "village",
    isCentral: false,
    isFixed: false,
  } as const;
  const middleName = seatType === "junior" ? `崆峒区${t.short}中学` : `崆峒区${t.short}九年制学校`;
  const centre: Draft = { ...seat, name: `崆峒区${t.name}中心小学`, schoolType: "primary", isFixed: true };
  const drafts: Draft[] = [
    { ...seat, name: middleName, schoolType: seatType, isFixed: false },
    centre,
    {
      ...seat,
      name: `崆峒区${t.name}中心幼儿园`,
      schoolType: "kindergarten",
      isInclusive: true,
      isFixed: true,
    },
  ];
  const sites = rng.shuffle(t.villages);
  let next = 0;
  const take = (): string => sites[next++] ?? `第${next}`;
  for (let i = 0; i < n.nineYear; i++) {
    drafts.push({ ...village, name: `崆峒区${t.name}${take()}九年制学校`, schoolType: "nineYear" });
  }
  const primaries: Draft[] = [centre];
  for (let i = 0; i < n.primary; i++) {
    const p: Draft = { ...village, name: `崆峒区${t.name}${take()}小学`, schoolType: "primary" };
    primaries.push(p);
    drafts.push(p);
  }
  for (let i = 0; i < n.teachingPoint; i++) {
    // Half of the 教学点 hang on the 中心小学, the others on a village 完小 nearby.
    const parent = primaries.length === 1 || rng.chance(0.5) ? centre : rng.pick(primaries.slice(1));
    drafts.push({
      ...village,
      name: `崆峒区${t.name}${take()}村教学点`,
      schoolType: "teachingPoint",
      parent,
    });
  }
  for (const name of rng.shuffle(t.villages).slice(0, n.kindergarten)) {
    drafts.push({
      ...village,
      name: `崆峒区${t.name}${name}村幼儿园`,
      schoolType: "kindergarten",
      isInclusive: true,
    });
  }
  return drafts;
}

/** All school drafts, fixed ones first within each type. */
function draftSchools(seed: number): Draft[] {
  const spread = createRng(hashSeed(seed, "spread"));
  const streets = TOWNSHIPS.filter((t) => t.kind === "street");
  const rural = TOWNSHIPS.filter((t) => t.kind !== "street");
  const fixed: Draft[] = [
    ...SENIOR_SCHOOLS.map((d) => fixedDraft(d, "senior")),
    ...COMPLETE_SECONDARY_SCHOOLS.map((d) => fixedDraft(d, "completeSecondary")),
    ...SPECIAL_SCHOOLS.map((d) => fixedDraft(d, "special")),
    ...URBAN_JUNIOR_SCHOOLS.map((d) => fixedDraft(d, "junior")),
    ...URBAN_PRIMARY_SCHOOLS.map((d) => fixedDraft(d, "primary")),
    ...URBAN_PUBLIC_KINDERGARTENS.map((d) => fixedDraft(d, "kindergarten", true)),
  ];
  const fixedOf = (type: SchoolType): number => fixed.filter((d) => d.schoolType === type).length;

  // Which 乡 run a 九年一贯制学校 at their seat.
  const xiang = rural.filter((t) => t.kind === "township").map((t) => t.code);
  const nineYearSeats = new Set(spread.shuffle(xiang).slice(0, SEAT_NINE_YEAR_SCHOOLS));

  const weights = rural.map((t) => t.weight);
  const sizes = rural.map((t) => t.villages.length);
  const nineYear = spreadCounts(
    spread,
    DEMO_SCHOOL_COUNTS.nineYear - SEAT_NINE_YEAR_SCHOOLS,
    weights,
    rural.map(() => MAX_VILLAGE_NINE_YEAR),
  );
  const primary = spreadCounts(
    spread,
    DEMO_SCHOOL_COUNTS.primary - fixedOf("primary") - rural.length,
    weights,
    sizes.map((s, i) => s - at(nineYear, i)),
  );
  // 教学点 are a feature of the remote 乡 more than of the 镇.
  const teachingPoint = spreadCounts(
    spread,
    DEMO_SCHOOL_COUNTS.teachingPoint,
    rural.map((t) => t.weight * (t.kind === "township" ? 1.5 : 0.8)),
    sizes.map((s, i) => s - at(nineYear, i) - at(primary, i)),
  );
  const villageKindergartens =
    DEMO_SCHOOL_COUNTS.kindergarten -
    fixedOf("kindergarten") -
    rural.length -
    PRIVATE_KINDERGARTENS.urban -
    PRIVATE_KINDERGARTENS.town;
  const kindergarten = spreadCounts(spread, villageKindergartens, weights, sizes);

  const ruralSchools = rural.flatMap((t, i) =>
    ruralDrafts(seed, t, nineYearSeats.has(t.code) ? "nineYear" : "junior", {
      nineYear: at(nineYear, i),
      primary: at(primary, i),
      teachingPoint: at(teachingPoint, i),
      kindergarten: at(kindergarten, i),
    }),
  );
  return [...fixed, ...ruralSchools, ...privateKindergartens(seed, spread, streets, rural)];
}

/** 民办幼儿园: brand names drawn without repeats; a seeded subset is 普惠. */
function privateKindergartens(
  seed: number,
  spread: Rng,
  streets: readonly TownshipData[],
  rural: readonly TownshipData[],
): Draft[] {
  const names = createRng(hashSeed(seed, "private-kindergartens"));
  const brands = names.shuffle(PRIVATE_KINDERGARTEN_BRANDS);
  const total = PRIVATE_KINDERGARTENS.urban + PRIVATE_KINDERGARTENS.town;
  const inclusive = new Set(
    names.shuffle([...Array(total).keys()]).slice(0, PRIVATE_KINDERGARTENS.inclusive),
  );
  const urban = spreadCounts(
    spread,
    PRIVATE_KINDERGARTENS.urban,
    streets.map((t) => t.weight),
    streets.map(() => PRIVATE_KINDERGARTENS.urban),
  );
  const town = spreadCounts(
    spread,
    PRIVATE_KINDERGARTENS.town,
    rural.map((t) => (t.kind === "town" ? t.weight : 0)),
    rural.map(() => 5),
  );
  const places = [
    ...streets.flatMap((t, i) => Array<TownshipData>(at(urban, i)).fill(t)),
    ...rural.flatMap((t, i) => Array<TownshipData>(at(town, i)).fill(t)),
  ];
  return places.map((t, i): Draft => {
    const brand = brands[i] ?? `第${i + 1}`;
    const isUrban = t.kind === "street";
    return {
      name: isUrban ? `崆峒区${brand}幼儿园` : `崆峒区${t.name}${brand}幼儿园`,
      townshipCode: t.code,
      schoolType: "kindergarten",
      ownership: "private",
      isInclusive: inclusive.has(i),
      urbanRural: isUrban ? "urban" : "town",
      site: isUrban ? "urban" : "seat",
      isCentral: false,
      isFixed: false,
    };
  });
}

/**
 * The demo county's schools with codes, in output order (township by township, then by type). Codes are
 * `1` + county code + a 3-digit serial from a block per type, fixed schools first, so a school placed by
 * hand keeps its code whatever the seed. Real 学校标识码 are issued by 教育部 and look different.
 */
export function placeDemoSchools(seed: number): DemoSchool[] {
  const drafts = draftSchools(seed);
  const codes = new Map<Draft, string>();
  const typeIndex = new Map<SchoolType, number>();
  const numbered = [...drafts.filter((d) => d.isFixed), ...drafts.filter((d) => !d.isFixed)];
  for (const d of numbered) {
    const i = typeIndex.get(d.schoolType) ?? 0;
    typeIndex.set(d.schoolType, i + 1);
    codes.set(d, `1${COUNTY.code}${String(SERIAL_BLOCK_START[d.schoolType] + i).padStart(3, "0")}`);
  }
  const townshipIndex = new Map(TOWNSHIPS.map((t, i) => [t.code, i]));
  const rank = (d: Draft): [number, number, string] => [
    townshipIndex.get(d.townshipCode) ?? 0,
    OUTPUT_TYPE_ORDER.indexOf(d.schoolType),
    codes.get(d) ?? "",
  ];
  const ordered = [...drafts].sort((a, b) => {
    const [ta, ya, ca] = rank(a);
    const [tb, yb, cb] = rank(b);
    return ta - tb || ya - yb || (ca < cb ? -1 : ca > cb ? 1 : 0);
  });
  return ordered.map((d): DemoSchool => {
    const parentCode = d.parent ? codes.get(d.parent) : undefined;
    return {
      code: codes.get(d) ?? "",
      name: d.name,
      ...(d.aliases ? { aliases: d.aliases } : {}),
      townshipCode: d.townshipCode,
      schoolType: d.schoolType,
      ownership: d.ownership,
      isInclusive: d.isInclusive,
      urbanRural: d.urbanRural,
      site: d.site,
      isCentral: d.isCentral,
      ...(parentCode ? { parentSchoolCode: parentCode } : {}),
    };
  });
}
