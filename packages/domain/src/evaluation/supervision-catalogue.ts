/**
 * Catalogue of the 15 政府保障程度 indicators (第七条, spec §1.1c) and the 9 教育质量 indicators
 * (第八条, spec §1.1d): code, name, threshold text and thresholds, and whether each is computed from
 * data or judged on evidence (佐证材料). Wording is the spec's reconstruction where tagged S/U.
 */
import type { ThresholdKey } from "./thresholds.ts";

/** How an indicator is judged: from data, from evidence, or both. */
export type IndicatorKind = "computable" | "attestation" | "mixed";

/** Codes of the 15 government indicators. */
export const GOVERNMENT_CODES = [
  "G01",
  "G02",
  "G03",
  "G04",
  "G05",
  "G06",
  "G07",
  "G08",
  "G09",
  "G10",
  "G11",
  "G12",
  "G13",
  "G14",
  "G15",
] as const;
/** Code of one 政府保障程度 indicator. */
export type GovernmentCode = (typeof GOVERNMENT_CODES)[number];

/** Codes of the 9 quality indicators. */
export const QUALITY_CODES = ["Q01", "Q02", "Q03", "Q04", "Q05", "Q06", "Q07", "Q08", "Q09"] as const;
/** Code of one 教育质量 indicator. */
export type QualityCode = (typeof QUALITY_CODES)[number];

/** One catalogue entry. */
export interface SupervisionIndicator<C extends string = string> {
  code: C;
  /** 1-based number within its part. */
  number: number;
  name: string;
  /** Threshold as people read it (e.g. "≥ 10%，其中骨干教师 ≥ 20%"). */
  thresholdText: string;
  thresholdKeys: ThresholdKey[];
  kind: IndicatorKind;
  /** Spec status tag of the wording/number. */
  status: "C" | "S" | "U";
}

function entry<C extends string>(
  code: C,
  number: number,
  name: string,
  thresholdText: string,
  thresholdKeys: ThresholdKey[],
  kind: IndicatorKind,
  status: "C" | "S" | "U",
): SupervisionIndicator<C> {
  return { code, number, name, thresholdText, thresholdKeys, kind, status };
}

/** 政府保障程度 15 项 (spec §1.1c); all must be met. */
export const GOVERNMENT_INDICATORS: Record<GovernmentCode, SupervisionIndicator<GovernmentCode>> = {
  G01: entry("G01", 1, "县域内义务教育学校规划布局合理，符合国家规定要求", "—", [], "attestation", "S"),
  G02: entry(
    "G02",
    2,
    "县域内城乡义务教育学校建设标准统一、教师编制标准统一、生均公用经费基准定额统一、基本装备配置标准统一",
    "四统一",
    [],
    "attestation",
    "S",
  ),
  G03: entry(
    "G03",
    3,
    "所有小学、初中每12个班级配备音乐、美术专用教室1间以上；其中每间音乐专用教室面积不小于96平方米，每间美术专用教室面积不小于90平方米",
    "每12班各1间；音乐 ≥ 96 m²，美术 ≥ 90 m²",
    ["government.classesPerMusicArtRoom", "government.musicRoomArea", "government.artRoomArea"],
    "computable",
    "S",
  ),
  G04: entry(
    "G04",
    4,
    "所有小学、初中规模不超过2000人，九年一贯制学校、十二年一贯制学校义务教育阶段规模不超过2500人",
    "≤ 2000 人；一贯制 ≤ 2500 人",
    ["government.schoolSize.single", "government.schoolSize.combined"],
    "computable",
    "S",
  ),
  G05: entry(
    "G05",
    5,
    "小学、初中所有班级学生数分别不超过45人、50人",
    "小学 ≤ 45，初中 ≤ 50",
    ["government.classSize.primary", "government.classSize.junior"],
    "computable",
    "S",
  ),
  G06: entry(
    "G06",
    6,
    "不足100名学生村小学和教学点按100名学生核定公用经费",
    "按 100 人核定",
    ["government.fundingFloorPupils"],
    "attestation",
    "S",
  ),
  G07: entry(
    "G07",
    7,
    "特殊教育学校生均公用经费不低于6000元",
    "≥ 6000 元",
    ["government.specialEducationFunding"],
    "computable",
    "C",
  ),
  G08: entry(
    "G08",
    8,
    "全县义务教育学校教师平均工资收入水平不低于当地公务员平均工资收入水平，按规定足额核定教师绩效工资总量",
    "教师平均工资 ≥ 公务员平均工资",
    ["government.teacherSalaryRatio"],
    "computable",
    "C",
  ),
  G09: entry(
    "G09",
    9,
    "教师5年360学时培训完成率达到100%",
    "100%",
    ["government.trainingCompletion"],
    "computable",
    "S",
  ),
  G10: entry(
    "G10",
    10,
    "县级教育行政部门在核定的教职工编制总额和岗位总量内，统筹分配各校教职工编制和岗位数量",
    "—",
    [],
    "attestation",
    "S",
  ),
  G11: entry(
    "G11",
    11,
    "全县每年交流轮岗教师的比例不低于符合交流条件教师总数的10%；其中，骨干教师不低于交流轮岗教师总数的20%",
    "≥ 10%，其中骨干教师 ≥ 20%",
    ["government.rotationRate", "government.rotationBackboneShare"],
    "computable",
    "C",
  ),
  G12: entry(
    "G12",
    12,
    "专任教师持有教师资格证上岗率达到100%",
    "100%",
    ["government.certifiedRate"],
    "computable",
    "S",
  ),
  G13: entry(
    "G13",
    13,
    "城区和镇区公办小学、初中（均不含寄宿制学校）就近划片入学比例分别达到100%、95%",
    "小学 100%，初中 ≥ 95%",
    ["government.nearbyEnrolment.primary", "government.nearbyEnrolment.junior"],
    "computable",
    "S",
  ),
  G14: entry(
    "G14",
    14,
    "全县优质高中招生名额分配比例不低于50%，并向农村初中倾斜",
    "≥ 50%",
    ["government.quotaAllocation"],
    "computable",
    "S",
  ),
  G15: entry(
    "G15",
    15,
    "县域内留守儿童关爱体系健全，全县符合条件的随迁子女在公办学校和政府购买服务的民办学校就读的比例不低于85%",
    "≥ 85%；关爱体系健全",
    ["government.migrantPublicShare"],
    "mixed",
    "S",
  ),
};

/** 教育质量 9 项 (spec §1.1d); all must be met. */
export const QUALITY_INDICATORS: Record<QualityCode, SupervisionIndicator<QualityCode>> = {
  Q01: entry(
    "Q01",
    1,
    "全县初中三年巩固率达到95%以上",
    "≥ 95%",
    ["quality.retentionRate"],
    "computable",
    "C",
  ),
  Q02: entry(
    "Q02",
    2,
    "全县残疾儿童少年入学率达到95%以上",
    "≥ 95%",
    ["quality.disabledEnrolment"],
    "computable",
    "C",
  ),
  Q03: entry("Q03", 3, "所有学校制定章程，实现学校管理与教学信息化", "—", [], "attestation", "C"),
  Q04: entry(
    "Q04",
    4,
    "全县所有学校按照不低于学校年度公用经费预算总额的5%安排教师培训经费",
    "每校 ≥ 5%",
    ["quality.trainingBudgetShare"],
    "computable",
    "C",
  ),
  Q05: entry(
    "Q05",
    5,
    "教师能熟练运用信息化手段组织教学，设施设备利用率达到较高水平",
    "—",
    [],
    "attestation",
    "S",
  ),
  Q06: entry("Q06", 6, "所有学校德育工作、校园文化建设水平达到良好以上", "—", [], "attestation", "S"),
  Q07: entry("Q07", 7, "课程开齐开足，教学秩序规范，综合实践活动有效开展", "—", [], "attestation", "S"),
  Q08: entry("Q08", 8, "无过重课业负担", "—", [], "attestation", "S"),
  Q09: entry(
    "Q09",
    9,
    "在国家义务教育质量监测中，相关科目学生学业水平达到Ⅲ级以上，且校际差异率低于0.15",
    "Ⅲ级以上；校际差异率 < 0.15",
    ["quality.monitoringLevel", "quality.monitoringGap"],
    "computable",
    "U",
  ),
};
