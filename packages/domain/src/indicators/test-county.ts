/**
 * A hand-made county of three schools for tests (not exported from the package): a private 普惠
 * kindergarten, a rural 九年一贯制 school with a 附设幼儿班 and an urban 完全中学, in two townships.
 */
import type { OrgUnitSeed } from "../org/org-unit.ts";
import type { PopulationRecord, SchoolYearRecord } from "../stats/records.ts";

/** County 100000 → townships T1, T2 → schools S1 (kindergarten), S2 (nineYear), S3 (completeSecondary). */
export const TEST_UNITS: readonly OrgUnitSeed[] = [
  { code: "100000", name: "测试县", kind: "county" },
  { code: "100000001", name: "一镇", kind: "township", parentCode: "100000" },
  { code: "100000002", name: "二乡", kind: "township", parentCode: "100000" },
  {
    code: "1000000001",
    name: "星星幼儿园",
    kind: "school",
    parentCode: "100000001",
    school: { schoolType: "kindergarten", ownership: "private", isInclusive: true, urbanRural: "town" },
  },
  {
    code: "1000000002",
    name: "二乡九年制学校",
    kind: "school",
    parentCode: "100000002",
    school: { schoolType: "nineYear", ownership: "public", isInclusive: false, urbanRural: "rural" },
  },
  {
    code: "1000000003",
    name: "县一中",
    kind: "school",
    parentCode: "100000001",
    school: { schoolType: "completeSecondary", ownership: "public", isInclusive: false, urbanRural: "urban" },
  },
];

/** The 2020 records plus the 招生 history the cohort formulas need (2011 and 2017). */
export const TEST_RECORDS: readonly SchoolYearRecord[] = [
  {
    schoolCode: "1000000001",
    year: 2020,
    values: {
      "pupils.preschool": 120,
      "teachers.fullTime.preschool": 10,
      "teachers.bachelor.preschool": 3,
      "teachers.associate.preschool": 4,
      "teachers.highSchool.preschool": 2,
      "teachers.belowHighSchool.preschool": 1,
      "teachers.certified.preschool": 9,
      principals: 1,
      "principals.certified": 1,
      "staff.total": 14,
    },
  },
  {
    schoolCode: "1000000002",
    year: 2020,
    values: {
      "pupils.preschool": 30,
      "pupils.primary": 300,
      "pupils.junior": 150,
      "classes.primary": 10,
      "classes.primary.size26to35": 6,
      "classes.primary.size36to45": 4,
      "classes.junior": 4,
      "classes.junior.size36to45": 3,
      "classes.junior.size56to65": 1,
      "teachers.fullTime.preschool": 2,
      "teachers.associate.preschool": 2,
      "teachers.certified.preschool": 2,
      "teachers.fullTime.primary": 20,
      "teachers.bachelor.primary": 8,
      "teachers.associate.primary": 10,
      "teachers.highSchool.primary": 2,
      "teachers.certified.primary": 20,
      "teachers.backbone.primary": 2,
      "teachers.pe.primary": 1,
      "teachers.music.primary": 1,
      "teachers.art.primary": 1,
      "teachers.fullTime.junior": 15,
      "teachers.postgraduate.junior": 1,
      "teachers.bachelor.junior": 10,
      "teachers.associate.junior": 4,
      "teachers.certified.junior": 14,
      "teachers.backbone.junior": 3,
      "teachers.pe.junior": 1,
      "teachers.music.junior": 1,
      "computers.pupil": 50,
      "area.teachingAux": 2500,
      "area.sportsGround": 4000,
      "equipment.value": 1000000,
      "classrooms.multimedia": 15,
      "funding.publicBudget": 400000,
      "funding.training": 20000,
      "graduates.junior": 48,
      "cohort.compulsory.transfersIn": 2,
      "cohort.compulsory.transfersOut": 5,
      "cohort.junior.transfersIn": 1,
      "cohort.junior.transfersOut": 2,
      "dropouts.primary": 1,
    },
  },
  {
    schoolCode: "1000000003",
    year: 2020,
    values: {
      "pupils.junior": 600,
      "pupils.senior": 900,
      "classes.junior": 10,
      "classes.junior.size46to55": 2,
      "classes.junior.size56to65": 6,
      "classes.junior.size66plus": 2,
      "classes.senior": 18,
      "teachers.fullTime.junior": 45,
      "teachers.postgraduate.junior": 2,
      "teachers.bachelor.junior": 40,
      "teachers.associate.junior": 3,
      "teachers.certified.junior": 45,
      "teachers.backbone.junior": 5,
      "teachers.pe.junior": 3,
      "teachers.music.junior": 2,
      "teachers.art.junior": 2,
      "teachers.fullTime.senior": 70,
      "teachers.postgraduate.senior": 10,
      "teachers.bachelor.senior": 58,
      "teachers.associate.senior": 2,
      "teachers.certified.senior": 68,
      "teachers.backbone.senior": 8,
      "computers.pupil": 200,
      "area.teachingAux": 9000,
      "funding.publicBudget": 1000000,
      "funding.training": 30000,
      "graduates.junior": 195,
      "cohort.compulsory.transfersIn": 10,
      "cohort.compulsory.transfersOut": 4,
      "cohort.junior.transfersIn": 6,
      "cohort.junior.transfersOut": 3,
    },
  },
  { schoolCode: "1000000002", year: 2011, values: { "entrants.primary": 250 } },
  { schoolCode: "1000000002", year: 2017, values: { "entrants.junior": 50 } },
  { schoolCode: "1000000003", year: 2017, values: { "entrants.junior": 200 } },
];

const ages = (from: number, to: number, each: number): Record<string, number> =>
  Object.fromEntries(Array.from({ length: to - from + 1 }, (_, i) => [`population.age${from + i}`, each]));

/** 2020 population: T1 3–5岁 20/25/30, T2 10/10/15; 6–11岁 50 and 10 each; 12–14岁 220 and 30; 15–17岁 300 and 100. */
export const TEST_POPULATION: readonly PopulationRecord[] = [
  {
    areaCode: "100000001",
    year: 2020,
    values: {
      "population.age3": 20,
      "population.age4": 25,
      "population.age5": 30,
      ...ages(6, 11, 50),
      ...ages(12, 14, 220),
      ...ages(15, 17, 300),
    },
  },
  {
    areaCode: "100000002",
    year: 2020,
    values: {
      "population.age3": 10,
      "population.age4": 10,
      "population.age5": 15,
      ...ages(6, 11, 10),
      ...ages(12, 14, 30),
      ...ages(15, 17, 100),
    },
  },
];
