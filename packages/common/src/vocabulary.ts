/**
 * The closed vocabularies that the domain, the HTTP contracts and the web all speak, written once. The
 * domain adds their Chinese labels and rules; the contracts build their zod enums from these tuples; so
 * a value added here reaches every layer and cannot be forgotten in one copy. Order matters: it is the
 * display order.
 */

/** 角色: the three separated administrators (三权分立), then the working roles. */
export const ROLES = [
  "systemAdmin",
  "securityAdmin",
  "auditAdmin",
  "bureauPlanner",
  "bureauSupervisor",
  "unitUser",
  "schoolUser",
  "inspector",
  "leader",
] as const;

/** 单位类型: the administrative levels, schools and the bureau's departments. */
export const ORG_KINDS = ["province", "city", "county", "township", "school", "department"] as const;

/** 办学类型 as the national education statistics name them. */
export const SCHOOL_TYPES = [
  "kindergarten",
  "primary",
  "teachingPoint",
  "junior",
  "nineYear",
  "twelveYear",
  "completeSecondary",
  "senior",
  "special",
  "vocational",
] as const;

/** 办学性质: 公办 / 民办. */
export const OWNERSHIPS = ["public", "private"] as const;

/** 城乡分类 (statistics' 城区 / 镇区 / 乡村). */
export const URBAN_RURAL = ["urban", "town", "rural"] as const;

/** 任务状态 in life order: 待交办 → 已交办 → 办理中 → 待复核 → 已销号, or 中止. */
export const TASK_STATES = [
  "pending",
  "assigned",
  "inProgress",
  "underReview",
  "closed",
  "suspended",
] as const;

/** 灯: the five lights of the 台账. */
export const LIGHTS = ["red", "yellow", "blue", "green", "grey"] as const;

/** 报送频次 of a task's progress reports. */
export const REPORTING_FREQUENCIES = ["monthly", "weekly", "quarterly", "once"] as const;

/**
 * 安全标记: the sensitivity of a record or field, and the clearance of a user, lowest first — 一般 /
 * 敏感 / 高敏 (security.md, "Security labels"). A user reads a record whose level is at most its clearance.
 */
export const SENSITIVITY_LEVELS = ["general", "sensitive", "highly-sensitive"] as const;

/** 优先级 of a task: 重点 / 一般 / 较低. */
export const TASK_PRIORITIES = ["high", "normal", "low"] as const;

/** 指标监测 dashboard groups, in display order (学前 / 义务教育 / 高中 / 教师 / 办学条件 / 其他). */
export const DASHBOARD_AREAS = [
  "preschool",
  "compulsory",
  "senior",
  "teachers",
  "conditions",
  "other",
] as const;

/** 学段 evaluated by the 资源配置 part of 优质均衡: 小学 and 初中 (spec §1.1a). */
export const RESOURCE_LEVELS = ["primary", "junior"] as const;

/** The 7 资源配置 indicators in the order of spec §1.1a (the order of every array in reports and JSON). */
export const RESOURCE_INDICATOR_KEYS = [
  "qualifiedTeachers",
  "backboneTeachers",
  "peArtTeachers",
  "teachingFloorArea",
  "sportsArea",
  "equipmentValue",
  "multimediaClassrooms",
] as const;

/** 教学点 policies of the resource evaluation (spec §6.5). */
export const TEACHING_POINT_POLICIES = ["exclude-below-50", "merge-into-parent", "include"] as const;

/** The 一票否决 items (spec §1.1e). */
export const VETO_ITEMS = ["examAdmission", "illegalSchoolChoice", "keySchools", "keyClasses"] as const;

/** 社会认可度 respondent groups (spec §1.1d: 学生、家长、教师、校长、人大代表、政协委员及其他群众). */
export const RESPONDENT_GROUPS = [
  "students",
  "parents",
  "teachers",
  "principals",
  "deputies",
  "cppccMembers",
  "public",
] as const;
