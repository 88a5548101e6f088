/**
 * From stored school statistics and confirmed attestations to the inputs of the 政府保障程度 and 教育质量
 * checks (spec §1.1c/§1.1d). What the 教育事业统计 carries is computed (#4 规模, #5 班额, #3 专用教室,
 * #7 特教经费, #12 持证率, Q04 培训经费, Q01 巩固率); a computable indicator without statistics takes the
 * figure of its confirmed attestation where it is a single ratio, else the reviewed claim decides.
 */
import type {
  Attestation,
  GovernmentCode,
  GovernmentInputs,
  QualityCode,
  QualityInputs,
} from "@luoshi/domain/evaluation";
import { formatNumber, formatPercent } from "@luoshi/common";
import type { SchoolType } from "@luoshi/domain/org";

/** One school's record for the year, as the loaders read it. */
export interface SchoolRecord {
  code: string;
  name: string;
  schoolType: SchoolType;
  values: Record<string, number>;
}

/** The statistic figures an indicator was computed from, as people read them. */
export type ShownInputs = Partial<Record<string, { label: string; value: string }[]>>;

const COMPULSORY: readonly SchoolType[] = [
  "primary",
  "teachingPoint",
  "junior",
  "nineYear",
  "twelveYear",
  "completeSecondary",
];

/** `12345.6` → `12,345.6`: the thousands grouping the shown inputs have always had. */
function grouped(text: string): string {
  const dot = text.indexOf(".");
  const whole = dot < 0 ? text : text.slice(0, dot);
  return `${whole.replace(/\B(?=(\d{3})+$)/g, ",")}${dot < 0 ? "" : text.slice(dot)}`;
}
/** A count or amount for reading: half up to `digits` decimals, trailing zeros dropped, grouped. */
const fmt = (n: number, digits = 0): string => grouped(formatNumber(n, digits));
/** A share as a percentage to at most 2 decimals (`95.1%`, `100%`); "—" without a total. */
const pct = (part: number, total: number): string =>
  total > 0
    ? grouped(
        formatPercent(part / total, 2).replace(/\.(\d*?)0*%$/, (_, kept: string) =>
          kept === "" ? "%" : `.${kept}%`,
        ),
      )
    : "—";

function has(values: Record<string, number>, key: string): boolean {
  return typeof values[key] === "number" && Number.isFinite(values[key]);
}

/** Government inputs computable from school statistics, with what each was read from. */
export function governmentFromStatistics(schools: readonly SchoolRecord[]): {
  inputs: GovernmentInputs;
  shown: ShownInputs;
} {
  const inputs: GovernmentInputs = {};
  const shown: ShownInputs = {};
  const compulsory = schools.filter((s) => COMPULSORY.includes(s.schoolType));
  const v = (s: SchoolRecord, k: string): number => s.values[k] ?? 0;

  const sized = compulsory.filter((s) => has(s.values, "pupils.primary") || has(s.values, "pupils.junior"));
  if (sized.length > 0) {
    inputs.schoolSizes = sized.map((s) => ({
      schoolId: s.code,
      schoolType: s.schoolType,
      compulsoryStudents: v(s, "pupils.primary") + v(s, "pupils.junior"),
    }));
    const largest = inputs.schoolSizes.reduce((a, b) =>
      b.compulsoryStudents > a.compulsoryStudents ? b : a,
    );
    shown.G04 = [
      { label: "学校数", value: fmt(sized.length) },
      {
        label: "最大规模",
        value: `${fmt(largest.compulsoryStudents)} 人（${sized.find((s) => s.code === largest.schoolId)?.name ?? largest.schoolId}）`,
      },
    ];
  }

  const classSizes: NonNullable<GovernmentInputs["classSizes"]> = [];
  for (const s of compulsory) {
    for (const level of ["primary", "junior"] as const) {
      if (has(s.values, `classes.${level}.maxSize`) && v(s, `classes.${level}`) > 0) {
        classSizes.push({ schoolId: s.code, level, students: v(s, `classes.${level}.maxSize`) });
      }
    }
  }
  if (classSizes.length > 0) {
    inputs.classSizes = classSizes;
    const max = (level: "primary" | "junior") =>
      Math.max(0, ...classSizes.filter((c) => c.level === level).map((c) => c.students));
    shown.G05 = [
      { label: "小学最大班额", value: `${fmt(max("primary"))} 人` },
      { label: "初中最大班额", value: `${fmt(max("junior"))} 人` },
    ];
  }

  const roomed = compulsory.filter((s) => has(s.values, "rooms.music") && has(s.values, "rooms.art"));
  if (roomed.length > 0) {
    // The template holds each school's total room area: every room is taken at the school's mean area.
    const rooms = (count: number, area: number): number[] =>
      count > 0 ? Array.from({ length: Math.round(count) }, () => area / count) : [];
    inputs.musicArtRooms = roomed.map((s) => ({
      schoolId: s.code,
      classes: v(s, "classes.primary") + v(s, "classes.junior"),
      musicRoomAreas: rooms(v(s, "rooms.music"), v(s, "area.musicRooms")),
      artRoomAreas: rooms(v(s, "rooms.art"), v(s, "area.artRooms")),
    }));
    shown.G03 = [
      { label: "学校数", value: fmt(roomed.length) },
      { label: "音乐专用教室", value: `${fmt(roomed.reduce((a, s) => a + v(s, "rooms.music"), 0))} 间` },
      { label: "美术专用教室", value: `${fmt(roomed.reduce((a, s) => a + v(s, "rooms.art"), 0))} 间` },
      { label: "口径", value: "每间面积按学校专用教室平均面积计" },
    ];
  }

  const special = schools.filter((s) => s.schoolType === "special");
  if (special.length === 0) {
    inputs.specialSchools = [];
  } else if (special.every((s) => has(s.values, "funding.publicBudget"))) {
    inputs.specialSchools = special.map((s) => ({
      schoolId: s.code,
      students: v(s, "pupils.special"),
      publicFunding: v(s, "funding.publicBudget"),
    }));
    shown.G07 = special.map((s) => ({
      label: s.name,
      value: `${fmt(v(s, "funding.publicBudget"))} 元 ÷ ${fmt(v(s, "pupils.special"))} 人`,
    }));
  }

  const certified = compulsory.filter(
    (s) => has(s.values, "teachers.certified.primary") || has(s.values, "teachers.certified.junior"),
  );
  if (certified.length > 0) {
    const part = certified.reduce(
      (a, s) => a + v(s, "teachers.certified.primary") + v(s, "teachers.certified.junior"),
      0,
    );
    const total = certified.reduce(
      (a, s) => a + v(s, "teachers.fullTime.primary") + v(s, "teachers.fullTime.junior"),
      0,
    );
    inputs.certification = { part, total };
    shown.G12 = [
      { label: "持证专任教师", value: `${fmt(part)} 人` },
      { label: "专任教师", value: `${fmt(total)} 人` },
      { label: "持证率", value: pct(part, total) },
    ];
  }
  return { inputs, shown };
}

/** Quality inputs computable from statistics; `retentionPercent` is the engine's 初中三年巩固率 (0–100). */
export function qualityFromStatistics(
  schools: readonly SchoolRecord[],
  retentionPercent: number | null,
): { inputs: QualityInputs; shown: ShownInputs } {
  const inputs: QualityInputs = {};
  const shown: ShownInputs = {};
  const budgets = schools.filter(
    (s) =>
      COMPULSORY.includes(s.schoolType) &&
      has(s.values, "funding.training") &&
      has(s.values, "funding.publicBudget"),
  );
  if (budgets.length > 0) {
    inputs.trainingBudgets = budgets.map((s) => ({
      schoolId: s.code,
      trainingFunds: s.values["funding.training"] ?? 0,
      publicFundingBudget: s.values["funding.publicBudget"] ?? 0,
    }));
    const t = budgets.reduce((a, s) => a + (s.values["funding.training"] ?? 0), 0);
    const b = budgets.reduce((a, s) => a + (s.values["funding.publicBudget"] ?? 0), 0);
    shown.Q04 = [
      { label: "学校数", value: fmt(budgets.length) },
      { label: "培训经费合计", value: `${fmt(t)} 元` },
      { label: "公用经费预算合计", value: `${fmt(b)} 元（${pct(t, b)}）` },
    ];
  }
  if (retentionPercent !== null) {
    inputs.retention = {
      graduates: retentionPercent,
      enrolledThreeYearsAgo: 100,
      transfersIn: 0,
      transfersOut: 0,
    };
    shown.Q01 = [{ label: "初中三年巩固率（统计）", value: `${fmt(retentionPercent, 2)}%` }];
  }
  return { inputs, shown };
}

/** A stored claim reduced to what the checks need. */
export interface ClaimFacts {
  code: string;
  claimMet: boolean;
  claimedValue: number | null;
  confirmed: boolean;
  evidence: string;
  reviewer: string;
}

/** The domain's view of a claim: met only once a second person confirmed it. */
export function toAttestation(c: ClaimFacts): Attestation {
  return { met: c.confirmed ? c.claimMet : null, evidence: c.evidence, reviewer: c.reviewer };
}

/**
 * Fills government inputs the statistics left out from confirmed claimed figures (fractions, or 元
 * for #7): #7, #8, #9, #12, #14, #15. Returns the codes so filled.
 */
export function governmentFromClaims(
  inputs: GovernmentInputs,
  claims: ReadonlyMap<string, ClaimFacts>,
): Set<GovernmentCode> {
  const filled = new Set<GovernmentCode>();
  const value = (code: GovernmentCode): number | null => {
    const c = claims.get(code);
    return c?.confirmed && c.claimedValue !== null ? c.claimedValue : null;
  };
  const share = (code: GovernmentCode, set: (v: number) => void, present: boolean): void => {
    const v = value(code);
    if (!present && v !== null) {
      set(v);
      filled.add(code);
    }
  };
  share(
    "G07",
    (v) => (inputs.specialSchools = [{ schoolId: "申报", students: 1, publicFunding: v }]),
    inputs.specialSchools !== undefined,
  );
  share(
    "G08",
    (v) => (inputs.salaries = { teacherAverage: v, civilServantAverage: 1 }),
    inputs.salaries !== undefined,
  );
  share("G09", (v) => (inputs.training = { part: v, total: 1 }), inputs.training !== undefined);
  share("G12", (v) => (inputs.certification = { part: v, total: 1 }), inputs.certification !== undefined);
  share("G14", (v) => (inputs.quotaAllocation = { part: v, total: 1 }), inputs.quotaAllocation !== undefined);
  share("G15", (v) => (inputs.migrantChildren = { part: v, total: 1 }), inputs.migrantChildren !== undefined);
  return filled;
}

/** As {@link governmentFromClaims} for quality: Q01 巩固率, Q02 残疾儿童入学率, Q04 培训经费占比. */
export function qualityFromClaims(
  inputs: QualityInputs,
  claims: ReadonlyMap<string, ClaimFacts>,
): Set<QualityCode> {
  const filled = new Set<QualityCode>();
  const value = (code: QualityCode): number | null => {
    const c = claims.get(code);
    return c?.confirmed && c.claimedValue !== null ? c.claimedValue : null;
  };
  const q01 = value("Q01");
  if (inputs.retention === undefined && q01 !== null) {
    inputs.retention = { graduates: q01, enrolledThreeYearsAgo: 1, transfersIn: 0, transfersOut: 0 };
    filled.add("Q01");
  }
  const q02 = value("Q02");
  if (inputs.disabledEnrolment === undefined && q02 !== null) {
    inputs.disabledEnrolment = { part: q02, total: 1 };
    filled.add("Q02");
  }
  const q04 = value("Q04");
  if (inputs.trainingBudgets === undefined && q04 !== null) {
    inputs.trainingBudgets = [{ schoolId: "申报", trainingFunds: q04, publicFundingBudget: 1 }];
    filled.add("Q04");
  }
  return filled;
}
