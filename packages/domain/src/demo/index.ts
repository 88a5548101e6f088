/** Deterministic demo data (演示数据): the 崆峒区 demo county and the seeded generator it is drawn with. */
export * from "./prng.ts";
export * from "./demo-county.ts";
export * from "./profiles.ts";
export {
  DEMO_SCHOOL_COUNTS,
  placeDemoSchools,
  spreadCounts,
  type DemoSchool,
  type SchoolSite,
} from "./schools.ts";
export {
  CITY_DEPARTMENTS,
  COUNTY_DEPARTMENTS,
  EDUCATION_BUREAU,
  departmentUnits,
  type DepartmentData,
} from "./departments.ts";
export { CITY, COUNTY, PROVINCE, TOWNSHIPS, type TownshipData, type TownshipKind } from "./kongtong-data.ts";
