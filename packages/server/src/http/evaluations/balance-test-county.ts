/**
 * The small 优质均衡 test county the evaluation API tests share: two 崆峒区 primary schools stored for a
 * year, one above every threshold and one failing two of them (spec §1.1a).
 */
export const S1 = "1620802001";
export const S2 = "1620802002";

/** 崆峒区第1小学: every 小学 indicator above its threshold (spec §1.1a). */
export const PASSING: Record<string, number> = {
  "pupils.primary": 300,
  "teachers.postgraduate.primary": 2,
  "teachers.bachelor.primary": 10,
  "teachers.associate.primary": 3,
  "teachers.highSchool.primary": 4,
  "teachers.backbone.primary": 4,
  "teachers.pe.primary": 2,
  "teachers.music.primary": 1,
  "teachers.art.primary": 1,
  "area.teachingAux": 1500,
  "area.gym": 600,
  "area.sportsGround": 2100,
  "equipment.value": 900_000,
  "classrooms.multimedia": 9,
};

/** 崆峒区第2小学: 高于规定学历 3.5 and 骨干 0.5 per 100 pupils (below 85% of 4.2 and 1); no 研究生 reported. */
export const FAILING: Record<string, number> = {
  "pupils.primary": 200,
  "teachers.bachelor.primary": 5,
  "teachers.associate.primary": 2,
  "teachers.backbone.primary": 1,
  "teachers.pe.primary": 1,
  "teachers.music.primary": 1,
  "teachers.art.primary": 0,
  "area.teachingAux": 1000,
  "area.gym": 0,
  "area.sportsGround": 1600,
  "equipment.value": 420_000,
  "classrooms.multimedia": 5,
};
