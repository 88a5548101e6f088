/**
 * Every numeric threshold luoshi judges by, as plain data with its national value (the floor), its
 * direction and the spec section it comes from. Rates are fractions (0.95 = 95%). Rule sets
 * (rule-set.ts) carry one number per key; jurisdictions may only make them stricter.
 */
import type { ThresholdDirection } from "./exact-compare.ts";

/** One threshold's definition: national value, direction (min: ≥, max: ≤), label and source. */
export interface ThresholdDefinition {
  national: number;
  direction: ThresholdDirection;
  label: string;
  section: string;
  /** Spec status tag: C confirmed, S secondary, U unconfirmed. */
  status: "C" | "S" | "U";
}

function t(
  national: number,
  direction: ThresholdDirection,
  label: string,
  section: string,
  status: "C" | "S" | "U",
): ThresholdDefinition {
  return { national, direction, label, section, status };
}

/** The national threshold catalogue (教督〔2017〕6号, 〔2020〕学前普及普惠, 教督〔2012〕3号). */
export const THRESHOLD_CATALOGUE = {
  "resource.primary.qualifiedTeachers": t(4.2, "min", "小学每百名学生拥有高于规定学历教师数", "§1.1a", "C"),
  "resource.primary.backboneTeachers": t(1, "min", "小学每百名学生拥有县级以上骨干教师数", "§1.1a", "C"),
  "resource.primary.peArtTeachers": t(0.9, "min", "小学每百名学生拥有体育、艺术专任教师数", "§1.1a", "C"),
  "resource.primary.teachingFloorArea": t(4.5, "min", "小学生均教学及辅助用房面积", "§1.1a", "C"),
  "resource.primary.sportsArea": t(7.5, "min", "小学生均体育运动场馆面积", "§1.1a", "C"),
  "resource.primary.equipmentValue": t(2000, "min", "小学生均教学仪器设备值", "§1.1a", "C"),
  "resource.primary.multimediaClassrooms": t(2.3, "min", "小学每百名学生拥有网络多媒体教室数", "§1.1a", "C"),
  "resource.junior.qualifiedTeachers": t(5.3, "min", "初中每百名学生拥有高于规定学历教师数", "§1.1a", "C"),
  "resource.junior.backboneTeachers": t(1, "min", "初中每百名学生拥有县级以上骨干教师数", "§1.1a", "C"),
  "resource.junior.peArtTeachers": t(0.9, "min", "初中每百名学生拥有体育、艺术专任教师数", "§1.1a", "C"),
  "resource.junior.teachingFloorArea": t(5.8, "min", "初中生均教学及辅助用房面积", "§1.1a", "C"),
  "resource.junior.sportsArea": t(10.2, "min", "初中生均体育运动场馆面积", "§1.1a", "C"),
  "resource.junior.equipmentValue": t(2500, "min", "初中生均教学仪器设备值", "§1.1a", "C"),
  "resource.junior.multimediaClassrooms": t(2.4, "min", "初中每百名学生拥有网络多媒体教室数", "§1.1a", "C"),
  "resource.minimumMet": t(6, "min", "每所学校至少达标的指标项数", "§1.1a", "C"),
  "resource.partialFactor": t(0.85, "min", "余项不能低于要求的比例", "§1.1a", "C"),
  "resource.cvLimit.primary": t(0.5, "max", "小学校际差异系数上限", "§1.1a", "C"),
  "resource.cvLimit.junior": t(0.45, "max", "初中校际差异系数上限", "§1.1a", "C"),
  "government.classesPerMusicArtRoom": t(
    12,
    "max",
    "每多少个班级配备音乐、美术专用教室各1间",
    "§1.1c #3",
    "S",
  ),
  "government.musicRoomArea": t(96, "min", "每间音乐专用教室面积（平方米）", "§1.1c #3", "S"),
  "government.artRoomArea": t(90, "min", "每间美术专用教室面积（平方米）", "§1.1c #3", "S"),
  "government.schoolSize.single": t(2000, "max", "小学、初中学校规模（人）", "§1.1c #4", "S"),
  "government.schoolSize.combined": t(
    2500,
    "max",
    "九年、十二年一贯制学校义务教育阶段规模（人）",
    "§1.1c #4",
    "S",
  ),
  "government.classSize.primary": t(45, "max", "小学班级学生数", "§1.1c #5", "S"),
  "government.classSize.junior": t(50, "max", "初中班级学生数", "§1.1c #5", "S"),
  "government.fundingFloorPupils": t(
    100,
    "min",
    "不足100名学生学校按多少名学生核定公用经费",
    "§1.1c #6",
    "S",
  ),
  "government.specialEducationFunding": t(6000, "min", "特殊教育学校生均公用经费（元）", "§1.1c #7", "C"),
  "government.teacherSalaryRatio": t(
    1,
    "min",
    "教师平均工资收入与当地公务员平均工资收入之比",
    "§1.1c #8",
    "C",
  ),
  "government.trainingCompletion": t(1, "min", "教师5年360学时培训完成率", "§1.1c #9", "S"),
  "government.rotationRate": t(0.1, "min", "交流轮岗教师占符合交流条件教师的比例", "§1.1c #11", "C"),
  "government.rotationBackboneShare": t(0.2, "min", "骨干教师占交流轮岗教师的比例", "§1.1c #11", "C"),
  "government.certifiedRate": t(1, "min", "专任教师持有教师资格证上岗率", "§1.1c #12", "S"),
  "government.nearbyEnrolment.primary": t(1, "min", "城区和镇区公办小学就近划片入学比例", "§1.1c #13", "S"),
  "government.nearbyEnrolment.junior": t(0.95, "min", "城区和镇区公办初中就近划片入学比例", "§1.1c #13", "S"),
  "government.quotaAllocation": t(0.5, "min", "优质高中招生名额分配比例", "§1.1c #14", "S"),
  "government.migrantPublicShare": t(
    0.85,
    "min",
    "随迁子女在公办学校和政府购买服务的民办学校就读比例",
    "§1.1c #15",
    "S",
  ),
  "quality.retentionRate": t(0.95, "min", "初中三年巩固率", "§1.1d #1", "C"),
  "quality.disabledEnrolment": t(0.95, "min", "残疾儿童少年入学率", "§1.1d #2", "C"),
  "quality.trainingBudgetShare": t(
    0.05,
    "min",
    "教师培训经费占学校年度公用经费预算总额的比例",
    "§1.1d #4",
    "C",
  ),
  "quality.monitoringLevel": t(3, "min", "国家义务教育质量监测学业水平等级", "§1.1d #9", "U"),
  "quality.monitoringGap": t(0.15, "max", "质量监测校际差异率（须低于）", "§1.1d #9", "U"),
  "recognition.minimum": t(0.85, "min", "社会认可度", "§1.1d", "S"),
  "preschool.grossEnrolment": t(0.85, "min", "学前三年毛入园率", "§2 #1", "C"),
  "preschool.inclusiveCoverage": t(0.8, "min", "普惠性幼儿园覆盖率", "§2 #2", "C"),
  "preschool.publicShare": t(0.5, "min", "公办园在园幼儿占比", "§2 #3", "C"),
  "preschool.publicFunding": t(500, "min", "公办园生均公用经费财政拨款标准（元/年）", "§2 #4", "U"),
  "preschool.inclusiveSubsidy": t(500, "min", "普惠性民办园生均财政补助标准（元/年）", "§2 #4", "U"),
  "preschool.nonStaffSalaryRatio": t(0.75, "min", "公办园非在编教师与在编教师平均工资收入之比", "§2 #5", "U"),
  "preschool.facilityCompliance.after2017": t(
    1,
    "min",
    "2017年及以后规划设计幼儿园场地、用房达标率",
    "§2 #6",
    "S",
  ),
  "preschool.facilityCompliance.before2017": t(
    0.5,
    "min",
    "2017年以前规划设计幼儿园场地、用房达标率",
    "§2 #6",
    "S",
  ),
  "preschool.classSizeCompliance": t(0.85, "min", "班额达标率", "§2 #7", "S"),
  "preschool.childrenPerTeacher": t(15, "max", "在园幼儿数与专任教师数之比（N:1）", "§2 #8", "C"),
  "preschool.certifiedRate": t(1, "min", "园长、专任教师持证上岗率", "§2 #9", "S"),
  "preschool.recognition": t(0.85, "min", "学前教育社会认可度", "§2 #10", "C"),
  "basic.compositeLimit.primary": t(0.65, "max", "小学综合差异系数上限", "§3", "C"),
  "basic.compositeLimit.junior": t(0.55, "max", "初中综合差异系数上限", "§3", "C"),
} as const satisfies Record<string, ThresholdDefinition>;

/** Key of one threshold in {@link THRESHOLD_CATALOGUE}. */
export type ThresholdKey = keyof typeof THRESHOLD_CATALOGUE;

/** All threshold keys, in catalogue order. */
export const THRESHOLD_KEYS = Object.keys(THRESHOLD_CATALOGUE) as ThresholdKey[];

/** True when `key` names a threshold in the catalogue (for data read from files). */
export function isThresholdKey(key: string): key is ThresholdKey {
  return Object.hasOwn(THRESHOLD_CATALOGUE, key);
}

/** The national values of all thresholds (the floor every jurisdiction builds on). */
export function nationalThresholds(): Record<ThresholdKey, number> {
  const out = {} as Record<ThresholdKey, number>;
  for (const key of THRESHOLD_KEYS) {
    out[key] = THRESHOLD_CATALOGUE[key].national;
  }
  return out;
}
