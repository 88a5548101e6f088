/**
 * From stored 教育事业统计 to the 资源配置 evaluation (spec §1.1a): one school's attributes and its
 * school-year record become a {@link BalanceSchool}. Pure; missing elements come back as issues.
 */
import type { Issue } from "../issues.ts";
import type { SchoolType } from "../org/index.ts";
import { findDataElement, isElementForSchoolType } from "../stats/data-elements.ts";
import type { ElementValues } from "../stats/records.ts";
import type { BalanceSchool, LevelCounts } from "./resource-indicators.ts";

/** The attributes of a school the evaluation needs (from the org tree). */
export interface StatisticsSchool {
  /** 学校标识码. */
  code: string;
  name: string;
  schoolType: SchoolType;
  /** 教学点: the 学校标识码 of its 中心校/完小. */
  parentCode?: string;
}

/**
 * Data elements behind each figure (spec §1.1a numerators, §6.1): 高于规定学历 is 专科及以上 for 小学 and
 * 本科及以上 for 初中; 体育艺术 is 体育 + 音乐 + 美术; 体育运动场馆 is 体育馆 + 运动场地.
 */
export const BALANCE_ELEMENTS = {
  students: { primary: ["pupils.primary"], junior: ["pupils.junior"], senior: ["pupils.senior"] },
  qualifiedTeachers: {
    primary: ["teachers.postgraduate.primary", "teachers.bachelor.primary", "teachers.associate.primary"],
    junior: ["teachers.postgraduate.junior", "teachers.bachelor.junior"],
  },
  backboneTeachers: { primary: ["teachers.backbone.primary"], junior: ["teachers.backbone.junior"] },
  peArtTeachers: {
    primary: ["teachers.pe.primary", "teachers.music.primary", "teachers.art.primary"],
    junior: ["teachers.pe.junior", "teachers.music.junior", "teachers.art.junior"],
  },
  teachingFloorArea: ["area.teachingAux"],
  sportsArea: ["area.gym", "area.sportsGround"],
  equipmentValue: ["equipment.value"],
  multimediaClassrooms: ["classrooms.multimedia"],
} as const;

/**
 * Maps a school and its values for one 统计年度 to a {@link BalanceSchool}. An absent element counts as
 * 0; when the school's type carries it (a 初中 has no 小学 elements) it is reported as
 * `stats-element-missing` (warning, `where: {schoolId, field}`).
 */
export function balanceSchoolFromStatistics(
  school: StatisticsSchool,
  values: ElementValues,
): { school: BalanceSchool; issues: Issue[] } {
  const issues: Issue[] = [];
  const sum = (codes: readonly string[]): number => {
    let total = 0;
    for (const code of codes) {
      const v = values[code];
      if (v !== undefined) {
        total += v;
        continue;
      }
      const element = findDataElement(code);
      if (element !== undefined && isElementForSchoolType(element, school.schoolType)) {
        issues.push({
          code: "stats-element-missing",
          severity: "warning",
          message: `学校 ${school.code}（${school.name}）缺少“${element.label}”，按 0 计算`,
          where: { schoolId: school.code, field: code },
        });
      }
    }
    return total;
  };
  const levels = (m: { primary: readonly string[]; junior: readonly string[] }): LevelCounts => ({
    primary: sum(m.primary),
    junior: sum(m.junior),
  });
  const e = BALANCE_ELEMENTS;
  return {
    school: {
      code: school.code,
      name: school.name,
      schoolType: school.schoolType,
      ...(school.parentCode === undefined ? {} : { parentCode: school.parentCode }),
      students: {
        primary: sum(e.students.primary),
        junior: sum(e.students.junior),
        senior: sum(e.students.senior),
      },
      qualifiedTeachers: levels(e.qualifiedTeachers),
      backboneTeachers: levels(e.backboneTeachers),
      peArtTeachers: levels(e.peArtTeachers),
      teachingFloorArea: sum(e.teachingFloorArea),
      sportsArea: sum(e.sportsArea),
      equipmentValue: sum(e.equipmentValue),
      multimediaClassrooms: sum(e.multimediaClassrooms),
    },
    issues,
  };
}
