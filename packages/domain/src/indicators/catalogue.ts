/**
 * 标准指标目录: the standard indicators of spec §4 (statistical definitions), the 普及普惠 set of §2 and
 * the 优质均衡 per-pupil set of §1.1a/§1.1c/§1.1d, written in the indicator language. Codes match the
 * policy parser's metric table where it has one. Thresholds are not here — they belong to rule sets and
 * targets.
 */
import type { IndicatorDefinition } from "./definition.ts";

type Entry = Omit<IndicatorDefinition, "display" | "decimals"> &
  Partial<Pick<IndicatorDefinition, "display" | "decimals">>;

const pct = (e: Entry): IndicatorDefinition => ({ display: "percent", decimals: 2, ...e, unit: "%" });
const ratio = (e: Entry): IndicatorDefinition => ({ display: "ratio", decimals: 2, ...e });
const num = (e: Entry): IndicatorDefinition => ({ display: "number", decimals: 2, ...e });

/** 9-year cohort: 招生 9 years before the 统计年度 whose 毕业生 are counted (the 2020 report's graduates entered in 2011). */
const NINE_YEAR_COHORT =
  "entrants.primary@-9 + cohort.compulsory.transfersIn - cohort.compulsory.transfersOut";
const THREE_YEAR_COHORT = "entrants.junior@-3 + cohort.junior.transfersIn - cohort.junior.transfersOut";

/** Qualified (学历合格) teachers per level: 幼儿园/小学 中师(高中阶段)及以上, 初中 专科+, 高中/中职 本科+ (教师法). */
const QUALIFIED: Readonly<Record<string, string>> = {
  preschool: "teachers.fullTime.preschool - teachers.belowHighSchool.preschool",
  primary: "teachers.fullTime.primary - teachers.belowHighSchool.primary",
  junior: "teachers.postgraduate.junior + teachers.bachelor.junior + teachers.associate.junior",
  senior: "teachers.postgraduate.senior + teachers.bachelor.senior",
  vocational: "teachers.postgraduate.vocational + teachers.bachelor.vocational",
  special: "teachers.fullTime.special - teachers.belowHighSchool.special",
};

/** 高于规定学历 (spec §1.1a #1, §6.1): 小学 专科及以上, 初中 本科及以上. */
const ABOVE_QUALIFIED = {
  primary: "teachers.postgraduate.primary + teachers.bachelor.primary + teachers.associate.primary",
  junior: "teachers.postgraduate.junior + teachers.bachelor.junior",
} as const;

const COMPULSORY_SCHOOLS = "schoolType in (primary, teachingPoint, junior, nineYear)";

/** Schools with a 义务教育 part: 完全中学 count their 初中部, 十二年一贯制 their 小学部 and 初中部. */
const COMPULSORY_PARTS = `schoolType in (primary, teachingPoint, junior, nineYear, twelveYear, completeSecondary)`;

const COMPULSORY_PART_NOTE =
  "义务教育学校及完全中学初中部、十二年一贯制学校义务教育部分：办学条件按资源配置评估的拆分权重（1:1.1:1.32，完全中学 1:1.2）计入，在校生计小学和初中；不足50人的教学点是否计入依本省规则";

const LEVEL_NAMES = { primary: "小学", junior: "初中", senior: "普通高中" } as const;

function perLevel(): IndicatorDefinition[] {
  const out: IndicatorDefinition[] = [];
  for (const [level, name] of Object.entries(LEVEL_NAMES)) {
    out.push(
      ratio({
        code: `student-teacher-ratio-${level}`,
        name: `${name}生师比`,
        unit: ":1",
        expression: `sum(pupils.${level}) / sum(teachers.fullTime.${level})`,
        direction: "lower",
        source: "standards §4 生师比 [U]",
        description: "在校生数 ÷ 专任教师数；与编制标准（教职工:学生）口径不同，不可直接比较",
      }),
    );
  }
  for (const [level, name] of Object.entries({ preschool: "幼儿园", ...LEVEL_NAMES })) {
    out.push(
      pct({
        code: `teacher-qualification-rate-${level}`,
        name: `${name}专任教师学历合格率`,
        unit: "%",
        expression: `sum(${QUALIFIED[level] ?? "0"}) * 100 / sum(teachers.fullTime.${level})`,
        direction: "higher",
        source: "standards §1.1a 注 (教师法规定学历) [S]",
      }),
    );
  }
  for (const level of ["primary", "junior"] as const) {
    const name = LEVEL_NAMES[level];
    out.push(
      pct({
        code: `above-qualification-teacher-share-${level}`,
        name: `${name}高于规定学历教师比例`,
        unit: "%",
        expression: `sum(${ABOVE_QUALIFIED[level]}) * 100 / sum(teachers.fullTime.${level})`,
        direction: "higher",
        source: "standards §1.1a #1, §6.1 [S]",
        description: level === "primary" ? "专科及以上学历专任教师占比" : "本科及以上学历专任教师占比",
      }),
      num({
        code: `above-qualification-teachers-per-100-${level}`,
        name: `${name}每百名学生拥有高于规定学历教师数`,
        unit: "人",
        expression: `sum(${ABOVE_QUALIFIED[level]}) * 100 / sum(pupils.${level})`,
        direction: "higher",
        source: "standards §1.1a #1 [C]",
      }),
      num({
        code: `backbone-teachers-per-100-${level}`,
        name: `${name}每百名学生拥有县级以上骨干教师数`,
        unit: "人",
        expression: `sum(teachers.backbone.${level}) * 100 / sum(pupils.${level})`,
        direction: "higher",
        source: "standards §1.1a #2 [C]",
      }),
      num({
        code: `pe-art-teachers-per-100-${level}`,
        name: `${name}每百名学生拥有体育、艺术（美术、音乐）专任教师数`,
        unit: "人",
        expression: `sum(teachers.pe.${level} + teachers.music.${level} + teachers.art.${level}) * 100 / sum(pupils.${level})`,
        direction: "higher",
        source: "standards §1.1a #3 [C]",
      }),
    );
  }
  return out;
}

/** The standard catalogue, in display order. */
export const STANDARD_INDICATORS: readonly IndicatorDefinition[] = [
  pct({
    code: "preschool-gross-enrolment-rate",
    name: "学前三年毛入园率",
    unit: "%",
    expression: "sum(pupils.preschool) * 100 / sum(population.age3to5)",
    direction: "higher",
    source: "standards §4 (S28) [S]; §2 #1 [C]",
    description: "在园幼儿数（不分年龄）÷ 3-5岁人口",
  }),
  pct({
    code: "inclusive-kindergarten-share",
    name: "普惠性幼儿园覆盖率",
    unit: "%",
    expression: "sum(pupils.preschool where ownership = public or inclusive) * 100 / sum(pupils.preschool)",
    direction: "higher",
    source: "standards §2 #2 (S18) [C]",
    description: "公办园和普惠性民办园在园幼儿占在园幼儿总数的比例",
  }),
  pct({
    code: "public-kindergarten-share",
    name: "公办园在园幼儿占比",
    unit: "%",
    expression: "sum(pupils.preschool where ownership = public) * 100 / sum(pupils.preschool)",
    direction: "higher",
    source: "standards §2 #3 (S18) [C]",
  }),
  ratio({
    code: "kindergarten-child-teacher-ratio",
    name: "幼儿园专任教师与幼儿比",
    unit: "1:",
    display: "inverseRatio",
    decimals: 1,
    expression: "sum(pupils.preschool) / sum(teachers.fullTime.preschool)",
    direction: "lower",
    source: "standards §2 #8 (S17, S20) [C]",
    description: "在园幼儿数 ÷ 专任教师数，显示为 1:N（标准 ≤ 1:15）",
  }),
  pct({
    code: "kindergarten-certified-rate",
    name: "园长、专任教师持证上岗率",
    unit: "%",
    expression:
      "sum(teachers.certified.preschool + principals.certified) * 100 / sum(teachers.fullTime.preschool + principals) where schoolType = kindergarten",
    direction: "higher",
    source: "standards §2 #9 (S17) [S]",
  }),
  pct({
    code: "compulsory-retention-rate",
    name: "九年义务教育巩固率",
    unit: "%",
    expression: `min(100, sum(graduates.junior) * 100 / sum(${NINE_YEAR_COHORT}))`,
    direction: "higher",
    source: "standards §4 巩固率 county practice (S26) [C]",
    description:
      "当年初中毕业生数 ÷（9年前小学招生数 + 该届累计转入 − 累计转出），封顶 100%。选用 9 年整届口径而非 6+3 分段：只需一个分母，且与县级报表一致",
  }),
  pct({
    code: "junior-retention-rate",
    name: "初中三年巩固率",
    unit: "%",
    expression: `min(100, sum(graduates.junior) * 100 / sum(${THREE_YEAR_COHORT}))`,
    direction: "higher",
    source: "standards §1.1d #1 [C]; formula §4 (S26) [S]",
    description: "当年初中毕业生数 ÷（3年前初中招生数 + 转入 − 转出），封顶 100%",
  }),
  pct({
    code: "senior-gross-enrolment-rate",
    name: "高中阶段毛入学率",
    unit: "%",
    expression: "sum(pupils.senior + pupils.vocational) * 100 / sum(population.age15to17)",
    direction: "higher",
    source: "standards §4 (S24 composition [C], S29 ages [S])",
    description: "普通高中与中职（含特教学校附设中职班）在校生 ÷ 15-17岁人口",
  }),
  pct({
    code: "primary-gross-enrolment-rate",
    name: "小学毛入学率",
    unit: "%",
    expression: "sum(pupils.primary) * 100 / sum(population.age6to11)",
    direction: "higher",
    source: "standards §4 毛入学率 (S29) [S]",
  }),
  pct({
    code: "junior-gross-enrolment-rate",
    name: "初中毛入学率",
    unit: "%",
    expression: "sum(pupils.junior) * 100 / sum(population.age12to14)",
    direction: "higher",
    source: "standards §4 毛入学率 (S29) [S]",
  }),
  pct({
    code: "large-class-share",
    name: "大班额比例",
    unit: "%",
    expression:
      "sum(classes.compulsory.size56to65 + classes.compulsory.size66plus) * 100 / sum(classes.compulsory)",
    direction: "lower",
    source: "standards §4 (S22, S23) [C]",
    description: "义务教育 56 人及以上班级（含超大班额）占班级总数的比例，与教育部统计公报口径一致",
  }),
  pct({
    code: "extra-large-class-share",
    name: "超大班额比例",
    unit: "%",
    expression: "sum(classes.compulsory.size66plus) * 100 / sum(classes.compulsory)",
    direction: "lower",
    source: "standards §4 (S22, S23) [C]",
    description: "义务教育 66 人及以上班级占班级总数的比例",
  }),
  pct({
    code: "compulsory-dropout-rate",
    name: "义务教育辍学率",
    unit: "%",
    expression: "sum(dropouts.primary + dropouts.junior) * 100 / sum(pupils.compulsory)",
    direction: "lower",
    source: "standards §4 [U]",
  }),
  ratio({
    code: "student-teacher-ratio",
    name: "生师比",
    unit: ":1",
    expression: "sum(pupils.total) / sum(teachers.fullTime)",
    direction: "lower",
    source: "standards §4 生师比 [U]",
  }),
  ratio({
    code: "students-per-computer",
    name: "生机比",
    unit: ":1",
    decimals: 0,
    expression: "sum(pupils.k12) / sum(computers.pupil where level in (primary, junior, senior))",
    direction: "lower",
    source: "standards §4 生机比 [S]",
    description: "中小学在校生数 ÷ 学生用计算机台数，写作 N:1",
  }),
  pct({
    code: "teacher-qualification-rate",
    name: "专任教师学历合格率",
    unit: "%",
    expression: `sum(${Object.values(QUALIFIED).join(" + ")}) * 100 / sum(teachers.fullTime)`,
    direction: "higher",
    source: "standards §1.1a 注 (教师法规定学历) [S]",
  }),
  pct({
    code: "senior-postgraduate-teacher-share",
    name: "普通高中研究生学历教师比例",
    unit: "%",
    expression: "sum(teachers.postgraduate.senior) * 100 / sum(teachers.fullTime.senior)",
    direction: "higher",
    source: "崆峒区“十四五”规划 教师队伍目标",
  }),
  pct({
    code: "certified-teacher-rate",
    name: "专任教师持证上岗率",
    unit: "%",
    expression: "sum(teachers.certified) * 100 / sum(teachers.fullTime)",
    direction: "higher",
    source: "standards §1.1c #12 [S]",
  }),
  pct({
    code: "training-funding-share",
    name: "教师培训经费占公用经费比例",
    unit: "%",
    expression: `sum(funding.training) * 100 / sum(funding.publicBudget) where ${COMPULSORY_SCHOOLS}`,
    direction: "higher",
    source: "standards §1.1d #4 [C]",
  }),
  num({
    code: "teaching-area-per-pupil-compulsory",
    name: "义务教育生均教学及辅助用房面积",
    unit: "平方米",
    expression: `sum(compulsory.area.teachingAux) / sum(compulsory.pupils) where ${COMPULSORY_PARTS}`,
    direction: "higher",
    source: "standards §1.1a #4, §1.1b 拆分 [C]",
    description: COMPULSORY_PART_NOTE,
  }),
  num({
    code: "sports-area-per-pupil-compulsory",
    name: "义务教育生均体育运动场馆面积",
    unit: "平方米",
    expression: `sum(compulsory.area.gym + compulsory.area.sportsGround) / sum(compulsory.pupils) where ${COMPULSORY_PARTS}`,
    direction: "higher",
    source: "standards §1.1a #5, §1.1b 拆分 [C]",
    description: COMPULSORY_PART_NOTE,
  }),
  num({
    code: "equipment-value-per-pupil-compulsory",
    name: "义务教育生均教学仪器设备值",
    unit: "元",
    expression: `sum(compulsory.equipment.value) / sum(compulsory.pupils) where ${COMPULSORY_PARTS}`,
    direction: "higher",
    source: "standards §1.1a #6, §1.1b 拆分 [C]",
    description: COMPULSORY_PART_NOTE,
  }),
  num({
    code: "multimedia-classrooms-per-100-compulsory",
    name: "义务教育每百名学生拥有网络多媒体教室数",
    unit: "间",
    expression: `sum(compulsory.classrooms.multimedia) * 100 / sum(compulsory.pupils) where ${COMPULSORY_PARTS}`,
    direction: "higher",
    source: "standards §1.1a #7, §1.1b 拆分 [C]",
    description: COMPULSORY_PART_NOTE,
  }),
  ...perLevel(),
];

/** The standard indicator with this code. */
export function findStandardIndicator(code: string): IndicatorDefinition | undefined {
  return STANDARD_INDICATORS.find((d) => d.code === code);
}
