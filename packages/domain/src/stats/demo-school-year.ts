/**
 * One demo school's record for one year, drawn from its model (demo-school-model.ts) and the
 * calibrated 2020 figures. Every record passes validateRecordValues: grades add up, 班额 bands add up,
 * 学历 bands add up, 专任教师 ≤ 教职工.
 */
import { largestRemainder } from "./demo-allocate.ts";
import {
  DEMO_STATS_REFERENCE_YEAR as REF,
  classCapIn,
  gradePupils,
  levelTotal,
  noise,
  splitIntoClasses,
  type LevelModel,
  type SchoolModel,
} from "./demo-school-model.ts";
import { QUALIFICATIONS, SUBJECTS } from "./data-elements.ts";
import { BANDED_LEVELS, CLASS_SIZE_BANDS, GRADE_LABELS, classSizeBand, type EduLevel } from "./levels.ts";

/** Calibrated 2020 figures of one school. */
export interface SchoolCalibration {
  /** Exact 2020 grade counts per level (特殊教育: one entry, the total). */
  grades2020: Map<EduLevel, number[]>;
  teachers2020: Map<EduLevel, number>;
  /** 教职工 who are not 专任教师 (constant over the years). */
  nonTeaching: number;
  computers2020: number;
}

/** Rounded grade counts of a level in a year; 2020 from the calibration. */
function gradeCounts(m: SchoolModel, l: LevelModel, year: number, cal: SchoolCalibration): number[] {
  const exact = year === REF ? cal.grades2020.get(l.level) : undefined;
  if (exact !== undefined) {
    return exact;
  }
  if (l.taught === 0) {
    return [Math.round(levelTotal(m, l, year))];
  }
  return GRADE_LABELS[l.level].map((_, i) => Math.round(gradePupils(m, l, year, i + 1)));
}

/** Full-time teachers of a level in a year: sticky, following pupils at power 0.6. */
function teachersIn(m: SchoolModel, l: LevelModel, year: number, cal: SchoolCalibration): number {
  const t20 = cal.teachers2020.get(l.level) ?? 0;
  if (year === REF) {
    return t20;
  }
  const p = levelTotal(m, l, year);
  const p20 = levelTotal(m, l, REF);
  return p < 0.5 ? 0 : Math.max(1, Math.round(t20 * ((p + 5) / (p20 + 5)) ** 0.6));
}

const QUAL_2020: Readonly<Record<EduLevel, readonly number[]>> = {
  preschool: [0.005, 0.3, 0.5, 0.175, 0.02],
  primary: [0.01, 0.55, 0.385, 0.05, 0.005],
  junior: [0.03, 0.8, 0.16, 0.01, 0],
  senior: [0.11, 0.87, 0.02, 0, 0],
  vocational: [0.05, 0.75, 0.2, 0, 0],
  special: [0.02, 0.6, 0.35, 0.03, 0],
};

/** 学历 shares in a year: each year 2.5 points move up from 专科/高中 to 本科 (rural schools lag 2 years). */
function qualificationShares(level: EduLevel, year: number, isRural: boolean): number[] {
  const k = year - REF - (isRural ? 2 : 0);
  const [pg = 0, ba = 0, as = 0, hs = 0, below = 0] = QUAL_2020[level];
  const shift = (x: number, d: number): number => Math.max(0, x + d);
  const raw = [
    shift(pg, 0.004 * k),
    shift(ba, 0.025 * k),
    shift(as, -0.018 * k),
    shift(hs, -0.008 * k),
    shift(below, -0.002 * k),
  ];
  return raw;
}

function put(v: Record<string, number>, code: string, x: number): void {
  v[code] = x;
}

/** Adds pupils, classes and movement of one level. */
function addLevel(
  v: Record<string, number>,
  m: SchoolModel,
  l: LevelModel,
  year: number,
  cal: SchoolCalibration,
): number {
  const L = l.level;
  const grades = gradeCounts(m, l, year, cal);
  const total = grades.reduce((s, x) => s + x, 0);
  const femaleShare = L === "special" ? 0.38 : 0.47;
  put(v, `pupils.${L}`, total);
  let female = 0;
  if (GRADE_LABELS[L].length === 0) {
    female = Math.round(total * femaleShare);
  } else {
    grades.forEach((gp, i) => {
      const f = Math.round(gp * femaleShare * noise(m.seed, m.code, `female-${L}-${i}`, year, 0.05));
      put(v, `pupils.${L}.g${i + 1}`, gp);
      put(v, `pupils.${L}.g${i + 1}.female`, Math.min(f, gp));
      female += Math.min(f, gp);
    });
  }
  put(v, `pupils.${L}.female`, female);

  // Classes by 班额 band.
  const cap = classCapIn(l, year);
  const sizes =
    GRADE_LABELS[L].length === 0
      ? splitIntoClasses(total, cap)
      : grades.flatMap((gp) => splitIntoClasses(gp, cap));
  put(v, `classes.${L}`, sizes.length);
  if ((BANDED_LEVELS as readonly EduLevel[]).includes(L)) {
    for (const b of CLASS_SIZE_BANDS) {
      put(v, `classes.${L}.${b.key}`, 0);
    }
    for (const s of sizes) {
      const key = `classes.${L}.${classSizeBand(s)}`;
      v[key] = (v[key] ?? 0) + 1;
    }
    put(v, `classes.${L}.maxSize`, sizes.length === 0 ? 0 : Math.max(...sizes));
  }

  // Movement.
  const top = l.taught;
  const churn = (what: string): number =>
    Math.round(total * 0.004 * noise(m.seed, m.code, `${what}-${L}`, year, 0.9));
  let net = 0;
  for (let g = 2; g <= top; g++) {
    net += gradePupils(m, l, year, g) - gradePupils(m, l, year - 1, g - 1);
  }
  put(v, `entrants.${L}`, grades[0] ?? 0);
  const topLast = top === 0 ? levelTotal(m, l, year - 1) * 0.1 : gradePupils(m, l, year - 1, top);
  const graduates = top < GRADE_LABELS[L].length ? 0 : Math.round(topLast * l.graduation);
  put(v, `graduates.${L}`, L === "special" ? Math.round(topLast) : graduates);
  put(v, `transfersIn.${L}`, Math.max(0, Math.round(net)) + churn("in"));
  put(v, `transfersOut.${L}`, Math.max(0, Math.round(-net)) + churn("out"));
  if (L !== "preschool") {
    const rate = (m.profile.urbanRural === "rural" ? 0.003 : 0.0008) * Math.max(0, 1 - (year - 2016) / 5);
    put(v, `dropouts.${L}`, Math.round(total * rate * noise(m.seed, m.code, `drop-${L}`, year, 0.9)));
  }
  if (L === "junior") {
    // The graduating cohort entered 七年级 three years earlier.
    const change = gradePupils(m, l, year - 1, 3) - gradePupils(m, l, year - 3, 1);
    const cin = Math.max(0, Math.round(change)) + churn("cohort-in");
    const cout = Math.max(0, Math.round(-change)) + churn("cohort-out");
    put(v, "cohort.junior.transfersIn", cin);
    put(v, "cohort.junior.transfersOut", cout);
    const primaryPhase = graduates * (m.profile.urbanRural === "rural" ? 0.03 : 0.015);
    put(
      v,
      "cohort.compulsory.transfersIn",
      cin + Math.round(primaryPhase * noise(m.seed, m.code, "c9-in", year, 0.5)),
    );
    put(
      v,
      "cohort.compulsory.transfersOut",
      cout + Math.round(primaryPhase * 1.4 * noise(m.seed, m.code, "c9-out", year, 0.5)),
    );
  }
  return sizes.length;
}

/** Adds the teachers of one level. */
function addTeachers(
  v: Record<string, number>,
  m: SchoolModel,
  l: LevelModel,
  year: number,
  cal: SchoolCalibration,
  classes: number,
): number {
  const L = l.level;
  const t = teachersIn(m, l, year, cal);
  const ur = m.profile.urbanRural;
  put(v, `teachers.fullTime.${L}`, t);
  const quals = largestRemainder(qualificationShares(L, year, ur === "rural"), t);
  QUALIFICATIONS.forEach((q, i) => {
    put(v, `teachers.${q.key}.${L}`, quals[i] ?? 0);
  });
  const privateKg = m.school.ownership === "private";
  const missing = privateKg ? 0.12 : ur === "rural" ? 0.02 : 0.005;
  put(
    v,
    `teachers.certified.${L}`,
    t - Math.round(t * missing * noise(m.seed, m.code, `cert-${L}`, year, 0.5)),
  );
  if (L !== "vocational" && L !== "special") {
    const share = ur === "urban" ? 0.17 : ur === "town" ? 0.14 : 0.1;
    put(
      v,
      `teachers.backbone.${L}`,
      Math.min(t, Math.round(t * share * noise(m.seed, m.code, `backbone-${L}`, year, 0.4))),
    );
  }
  if (L === "primary" || L === "junior" || L === "senior") {
    const arts = ur === "rural" ? 0.025 : 0.05;
    const pe = classes >= 6 ? (ur === "rural" ? 0.06 : 0.08) : 0.02;
    const shares = [pe, arts, arts, 0.28, 0.24, 0.12, 0.05, 0.03];
    const other = Math.max(0, 1 - shares.reduce((s, x) => s + x, 0));
    const counts = largestRemainder([...shares, other], t);
    SUBJECTS.forEach((s, i) => {
      put(v, `teachers.${s.key}.${L}`, counts[i] ?? 0);
    });
  }
  return t;
}

const AREA_PER_PUPIL: Readonly<Record<EduLevel, number>> = {
  preschool: 8.17,
  primary: 4.5,
  junior: 5.8,
  senior: 6.5,
  vocational: 8,
  special: 20,
};
const SPORTS_PER_PUPIL: Readonly<Record<EduLevel, number>> = {
  preschool: 4,
  primary: 7.5,
  junior: 10.2,
  senior: 11,
  vocational: 10,
  special: 12,
};
const EQUIPMENT_PER_PUPIL: Readonly<Record<EduLevel, number>> = {
  preschool: 800,
  primary: 2000,
  junior: 2500,
  senior: 3500,
  vocational: 5000,
  special: 6000,
};
const FUNDING_PER_PUPIL: Readonly<Record<EduLevel, number>> = {
  preschool: 600,
  primary: 650,
  junior: 850,
  senior: 1000,
  vocational: 1200,
  special: 6000,
};

/** Every element of one school in one year. */
export function schoolYearValues(
  m: SchoolModel,
  year: number,
  cal: SchoolCalibration,
): Record<string, number> {
  const v: Record<string, number> = {};
  let classes = 0;
  let teachers = 0;
  for (const l of m.levels) {
    const c = addLevel(v, m, l, year, cal);
    classes += c;
    teachers += addTeachers(v, m, l, year, cal, c);
  }
  const type = m.school.schoolType;
  const p = m.profile;
  put(v, "staff.total", teachers + cal.nonTeaching);
  const hasHead = type !== "teachingPoint";
  put(v, "principals", hasHead ? 1 : 0);
  put(
    v,
    "principals.certified",
    hasHead && !(m.school.ownership === "private" && noise(m.seed, m.code, "head", 0, 1) < 0.7) ? 1 : 0,
  );

  // 办学条件 from 2020 pupils: per-pupil norms × resource level, thinner where crowded.
  const main = m.levels[0];
  const mainLevel = main?.level ?? "primary";
  const p20 = m.levels.reduce(
    (s, l) => s + (cal.grades2020.get(l.level) ?? []).reduce((a, b) => a + b, 0),
    0,
  );
  const f = (1.25 * p.resourceLevel) / Math.max(p.crowdedness, 0.6);
  const grow = 1 + 0.015 * (year - REF);
  const min = type === "teachingPoint" ? 120 : 300;
  const teaching = Math.round(Math.max(min, p20 * AREA_PER_PUPIL[mainLevel] * f) * grow);
  const isBig = p.sizeClass === "large" || p.sizeClass === "xlarge";
  const gym =
    isBig && type !== "kindergarten"
      ? Math.round(600 + 900 * (noise(m.seed, m.code, "gym", 0, 0.5) - 0.5))
      : 0;
  put(v, "area.teachingAux", teaching);
  put(v, "area.building", Math.round(teaching * 1.55));
  put(v, "area.gym", gym);
  put(v, "area.sportsGround", Math.round(Math.max(min, p20 * SPORTS_PER_PUPIL[mainLevel] * f - gym)));
  put(v, "equipment.value", Math.round(p20 * EQUIPMENT_PER_PUPIL[mainLevel] * f * (1 + 0.05 * (year - REF))));
  put(v, "computers.pupil", Math.max(0, Math.round(cal.computers2020 * (1 + 0.09 * (year - REF)))));
  put(
    v,
    "classrooms.multimedia",
    type === "kindergarten" ? Math.ceil(classes * 0.6) : Math.ceil(classes * 1.05) + (p20 > 500 ? 3 : 0),
  );
  const rooms =
    type === "kindergarten" || type === "teachingPoint" ? 0 : Math.max(1, Math.ceil(classes / 12));
  const roomArea = p.resourceLevel < 0.85 ? 73 : 96;
  put(v, "rooms.music", rooms);
  put(v, "area.musicRooms", Math.round(rooms * roomArea * noise(m.seed, m.code, "music", 0, 0.05)));
  put(v, "rooms.art", rooms);
  put(v, "area.artRooms", Math.round(rooms * (roomArea - 6) * noise(m.seed, m.code, "art", 0, 0.05)));
  put(v, "books", Math.round(p20 * (mainLevel === "junior" ? 35 : mainLevel === "senior" ? 45 : 25) * f));
  if (type === "kindergarten") {
    put(v, "area.kgActivity", teaching);
    put(v, "area.kgOutdoor", Math.round(p20 * 4 * f));
  }
  // 经费: 公用经费 with the 100-pupil floor for small rural schools (spec §1.1c #6).
  let budget = 0;
  for (const l of m.levels) {
    const pupils = v[`pupils.${l.level}`] ?? 0;
    const floor = (type === "primary" || type === "teachingPoint") && p.urbanRural === "rural" ? 100 : 0;
    budget += Math.max(pupils, floor) * FUNDING_PER_PUPIL[l.level];
  }
  budget = Math.round(budget * (1 + 0.03 * (year - REF)));
  put(v, "funding.publicBudget", budget);
  put(v, "funding.training", Math.round(budget * (0.04 + 0.02 * noise(m.seed, m.code, "training", 0, 1))));
  return v;
}
