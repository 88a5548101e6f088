/**
 * Per-school profiles: the hidden traits later demo generators (school statistics 2016–2024, indicators)
 * draw their numbers from, so that a big crowded city school stays big and crowded year after year. Each
 * profile comes from its own stream `hashSeed(seed, "profile", code)`: it depends on the seed and the
 * school alone, never on how many other schools were drawn before it.
 */
import type { UrbanRural } from "../org/org-unit.ts";
import { TOWNSHIPS } from "./kongtong-data.ts";
import { createRng, hashSeed, type Rng } from "./prng.ts";
import type { DemoSchool } from "./schools.ts";

/** 规模档: 微型 (教学点, village kindergartens) … 超大 (city high schools). */
export const SIZE_CLASSES = ["tiny", "small", "medium", "large", "xlarge"] as const;
/** One of {@link SIZE_CLASSES}. */
export type SizeClass = (typeof SIZE_CLASSES)[number];

/** Chinese labels for {@link SizeClass}. */
export const SIZE_CLASS_LABELS: Record<SizeClass, string> = {
  tiny: "微型",
  small: "小规模",
  medium: "中等规模",
  large: "大规模",
  xlarge: "超大规模",
};

/** The traits of one demo school; numbers are rounded to 2 decimals. */
export interface SchoolProfile {
  townshipCode: string;
  /** 城乡分类, as on the unit. */
  urbanRural: UrbanRural;
  sizeClass: SizeClass;
  /**
   * 学位使用率 in 2020: enrolment ÷ designed places. Above 1 means 大班额 pressure (city schools), well
   * below 1 a shrinking village school (the plan: 农村学校生源逐年减少, 城镇教育资源短缺).
   */
  crowdedness: number;
  /** Yearly relative change of enrolment around 2020, e.g. -0.06 (village) or 0.03 (city). */
  enrolmentTrend: number;
  /** 办学条件 relative to the county mean (1): scales per-student space, equipment and books. */
  resourceLevel: number;
  /** 寄宿制学校. */
  isBoarding: boolean;
  /** 民族学校: in a 回族乡. */
  isEthnic: boolean;
  /** 乡镇中心校 / 中心幼儿园 / the township's seat middle school. */
  isCentral: boolean;
}

const round2 = (x: number): number => Math.round(x * 100) / 100;

/** Size classes a school of this kind and site is drawn from (uniformly). */
function sizeChoices(s: DemoSchool): readonly SizeClass[] {
  switch (s.schoolType) {
    case "senior":
    case "completeSecondary":
    case "twelveYear":
      return ["xlarge"];
    case "special":
    case "vocational":
      return ["small"];
    case "teachingPoint":
      return ["tiny"];
    case "junior":
    case "nineYear":
    case "primary":
      if (s.site === "urban") {
        return ["large", "xlarge", "xlarge"];
      }
      if (s.site === "seat") {
        return s.urbanRural === "town" ? ["medium", "large"] : ["small", "medium"];
      }
      return s.schoolType === "nineYear" ? ["small", "medium"] : ["tiny", "small", "small"];
    case "kindergarten":
      if (s.ownership === "private") {
        return s.site === "urban" ? ["small", "medium", "medium"] : ["tiny", "small"];
      }
      if (s.site === "urban") {
        return ["medium", "large"];
      }
      return s.site === "seat" ? ["small", "medium"] : ["tiny", "tiny", "small"];
  }
}

/** Ranges by location: [crowdedness], [enrolmentTrend], [resourceLevel]. */
const RANGES: Record<
  UrbanRural,
  { crowd: [number, number]; trend: [number, number]; res: [number, number] }
> = {
  urban: { crowd: [1.0, 1.35], trend: [0.01, 0.05], res: [0.95, 1.25] },
  town: { crowd: [0.8, 1.1], trend: [-0.02, 0.02], res: [0.85, 1.1] },
  rural: { crowd: [0.4, 0.85], trend: [-0.09, -0.02], res: [0.7, 1.05] },
};

const draw = (rng: Rng, [min, max]: [number, number]): number => round2(rng.between(min, max));

function isBoarding(s: DemoSchool, rng: Rng): boolean {
  switch (s.schoolType) {
    case "senior":
    case "completeSecondary":
    case "special":
      return true;
    case "junior":
    case "nineYear":
      return s.site !== "urban";
    case "primary":
      return s.site === "seat" && s.urbanRural === "rural" && rng.chance(0.5);
    default:
      return false;
  }
}

/** The profile of one school for a seed. */
export function schoolProfile(seed: number, s: DemoSchool): SchoolProfile {
  const rng = createRng(hashSeed(seed, "profile", s.code));
  const range = RANGES[s.urbanRural];
  const privateKindergarten = s.schoolType === "kindergarten" && s.ownership === "private";
  const crowd = draw(rng, range.crowd);
  return {
    townshipCode: s.townshipCode,
    urbanRural: s.urbanRural,
    sizeClass: rng.pick(sizeChoices(s)),
    // 民办园 fill less of their places than the 公办园 families queue for.
    crowdedness: privateKindergarten ? round2(crowd * 0.8) : crowd,
    enrolmentTrend: s.schoolType === "teachingPoint" ? draw(rng, [-0.14, -0.05]) : draw(rng, range.trend),
    resourceLevel: draw(rng, range.res),
    isBoarding: isBoarding(s, rng),
    isEthnic: TOWNSHIPS.find((t) => t.code === s.townshipCode)?.isEthnic ?? false,
    isCentral: s.isCentral,
  };
}
