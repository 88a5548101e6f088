import type { ColumnType, Generated, GeneratedAlways, Insertable, Selectable, Updateable } from "kysely";
import type { Role } from "@luoshi/domain/auth";
import type { ReportingFrequency, TaskPriority, TaskState, UnitRole } from "@luoshi/domain/ledger";
import type { OrgKind, OrgUnitChangeKind, Ownership, SchoolType, UrbanRural } from "@luoshi/domain/org";

/** Timestamps come back as Date and may be written as Date or ISO text. */
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
/** date columns travel as ISO text (yyyy-mm-dd) on both engines; see `client.ts`. */
type DateColumn = ColumnType<string | null, string | null | undefined, string | null>;
type TimestampNullable = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
/** jsonb columns: read as parsed JSON, written as JSON text or values. */
export type Json = ColumnType<unknown, string | null | undefined, string | null>;

/** org_units — 组织机构: areas, schools and departments in one tree. */
export interface OrgUnitsTable {
  id: Generated<string>;
  parent_id: string | null;
  kind: OrgKind;
  code: string;
  name: string;
  aliases: ColumnType<string[], string[] | undefined, string[]>;
  path: string;
  depth: number;
  school_type: SchoolType | null;
  ownership: Ownership | null;
  is_inclusive: boolean | null;
  urban_rural: UrbanRural | null;
  parent_school_id: string | null;
  /** 办学类型代码 as the 教育事业统计 school list gives it (211 小学 …); null when not imported. */
  school_type_code: ColumnType<string | null, string | null | undefined, string | null>;
  /** 举办者. */
  sponsor: ColumnType<string | null, string | null | undefined, string | null>;
  address: ColumnType<string | null, string | null | undefined, string | null>;
  /** 校长（负责人）. */
  principal: ColumnType<string | null, string | null | undefined, string | null>;
  phone: ColumnType<string | null, string | null | undefined, string | null>;
  /** Day the unit opened (开办); null: before any record. ISO date text. */
  opened_on: DateColumn;
  /** Day the unit closed (撤销/撤并); null while open. ISO date text. */
  closed_on: DateColumn;
  /** The school a merged unit went into. */
  merged_into_id: ColumnType<string | null, string | null | undefined, string | null>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

/** org_unit_changes — 单位变更: one row per change to a unit, with the day it takes effect. */
export interface OrgUnitChangesTable {
  id: Generated<string>;
  org_unit_id: string;
  kind: OrgUnitChangeKind;
  /** ISO date (yyyy-mm-dd). */
  effective_on: ColumnType<string, string, string>;
  before: Json;
  after: Json;
  related_unit_id: string | null;
  reason: string | null;
  import_id: string | null;
  actor_id: string | null;
  created_at: Timestamp;
}

/** installation — the jurisdiction this installation serves (one row). */
export interface InstallationTable {
  id: ColumnType<boolean, boolean | undefined, never>;
  division_code: string;
  division_name: string;
  division_level: "province" | "city" | "county";
  division_source: string;
  root_unit_id: string;
  initialized_by: string | null;
  initialized_at: Timestamp;
}

/** org_registry_imports — 名录导入: a previewed registry file, applied exactly as previewed. */
export interface OrgRegistryImportsTable {
  id: Generated<string>;
  county_unit_id: string;
  file_name: string;
  status: ColumnType<"pending" | "applied" | "discarded", "pending" | "applied" | "discarded" | undefined>;
  preview: Json;
  fingerprint: string;
  effective_on: DateColumn;
  created_by: string | null;
  created_at: Timestamp;
  applied_at: TimestampNullable;
}

/** users — 用户. */
export interface UsersTable {
  id: Generated<string>;
  login: string;
  display_name: string;
  role: Role;
  org_unit_id: string;
  password_hash: string;
  password_history: ColumnType<string[], string[] | undefined, string[]>;
  password_changed_at: Timestamp;
  must_change_password: ColumnType<boolean, boolean | undefined, boolean>;
  failed_logins: ColumnType<number, number | undefined, number>;
  locked_until: TimestampNullable;
  is_disabled: ColumnType<boolean, boolean | undefined, boolean>;
  expires_at: TimestampNullable;
  /** The TOTP secret, encrypted per field (encryptField); null when none is enrolled. */
  totp_secret: ColumnType<string | null, string | null | undefined, string | null>;
  /** When the secret was confirmed by a first code; only then does it count. */
  totp_confirmed_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
  /** The last TOTP time step accepted (a code is good once). */
  totp_last_step: ColumnType<number | null, number | null | undefined, number | null>;
  clearance: ColumnType<string, string | undefined, string>;
  last_login_at: TimestampNullable;
  created_at: Timestamp;
  updated_at: Timestamp;
}

/** sessions — 登录会话 (id is the hash of the cookie token). */
export interface SessionsTable {
  id: string;
  user_id: string;
  created_at: Timestamp;
  last_seen_at: Timestamp;
  expires_at: Timestamp;
  client_ip: string | null;
  user_agent: string | null;
  ended_at: TimestampNullable;
  /** Why the session ended when not by logout: "concurrent-limit", "dormant", … */
  end_reason: string | null;
  /** The password was right but the second factor is still owed. */
  second_factor_pending: ColumnType<boolean, boolean | undefined, boolean>;
}

/** user_recovery_codes — one-time codes for a lost authenticator (SHA-256 of each code). */
export interface UserRecoveryCodesTable {
  id: Generated<number>;
  user_id: string;
  code_hash: string;
  created_at: Generated<Date>;
  used_at: Date | null;
}

/** audit_seal — the keyed seal of each audit row (HMAC-SM3 of its hash); row 0 names the first sealed id. */
export interface AuditSealTable {
  audit_id: number;
  mac: string;
  first_id: number | null;
}

/** audit_log — 审计日志 (留痕), append-only and hash-chained by the database. */
export interface AuditLogTable {
  id: ColumnType<number, never, never>;
  at: ColumnType<Date, never, never>;
  actor_id: string | null;
  actor_login: string | null;
  actor_role: string | null;
  action: string;
  entity_type: string;
  entity_id: string | null;
  result: ColumnType<"success" | "failure", "success" | "failure" | undefined, never>;
  before: Json;
  after: Json;
  details: Json;
  client_ip: string | null;
  request_id: string | null;
  prev_hash: ColumnType<string, never, never>;
  hash: ColumnType<string, never, never>;
}

/** plans — 规划文件: an imported policy document, draft until confirmed. */
export interface PlansTable {
  id: Generated<string>;
  org_unit_id: string;
  title: string;
  doc_number: string | null;
  issuer: string | null;
  issued_on: ColumnType<string | null, string | null | undefined, string | null>;
  period_start: number | null;
  period_end: number | null;
  status: ColumnType<string, string | undefined, string>;
  version: ColumnType<number, number | undefined, number>;
  revises_plan_id: string | null;
  source_file_name: string;
  source_format: string;
  source_text: string;
  source_sha256: string;
  parse_issues: Json;
  created_by: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  confirmed_by: string | null;
  confirmed_at: TimestampNullable;
  /** 'own' (本级) or 'higher' (上级或外地文件): only own plans' targets judge the area's indicators. */
  document_level: ColumnType<string, string | undefined, string>;
  issuer_level: ColumnType<string | null, string | null | undefined, string | null>;
  document_level_reason: ColumnType<string | null, string | null | undefined, string | null>;
  /** 承接方案: the higher-level plan (上级文件) this own plan implements. */
  adopts_plan_id: ColumnType<string | null, string | null | undefined, string | null>;
}

/** plan_nodes — 条目: a numbered heading or item of a plan. */
export interface PlanNodesTable {
  id: Generated<string>;
  plan_id: string;
  path: string;
  parent_path: string;
  level: number;
  marker: string;
  ordinal: number;
  title: string;
  role: string;
  span_start: number;
  span_end: number;
  title_start: number;
  title_end: number;
  deadline: string | null;
  sort_order: number;
  /** 承接方案: the higher-level plan's item this item implements (the link stays after confirmation). */
  adopted_node_id: ColumnType<string | null, string | null | undefined, string | null>;
}

/** plan_node_units — 责任单位 of a node, in the order written; `is_lead` marks 牵头单位. */
export interface PlanNodeUnitsTable {
  id: Generated<string>;
  node_id: string;
  position: number;
  name: string;
  is_lead: ColumnType<boolean, boolean | undefined, boolean>;
  org_unit_id: string | null;
  match: string;
}

/** plan_targets — 目标 and 现状值 read from a plan. */
export interface PlanTargetsTable {
  id: Generated<string>;
  plan_id: string;
  path: string;
  text: string;
  metric: string;
  indicator_code: string | null;
  comparator: string;
  value: number | null;
  value_max: number | null;
  unit: ColumnType<string, string | undefined, string>;
  year: number | null;
  kind: string;
  span_start: number | null;
  span_end: number | null;
  sort_order: number;
  /** Who confirmed `indicator_code` (目标监测); null while it is only the parser's suggestion. */
  indicator_confirmed_by: ColumnType<string | null, string | null | undefined, string | null>;
  indicator_confirmed_at: TimestampNullable;
  /** 承接方案: the higher-level plan's target this local target was set from. */
  adopted_target_id: ColumnType<string | null, string | null | undefined, string | null>;
}

/** custom_indicators — 自定义指标: a formula in the indicator language, defined by bureau staff. */
export interface CustomIndicatorsTable {
  id: Generated<string>;
  code: string;
  name: string;
  unit: ColumnType<string, string | undefined, string>;
  formula: string;
  category: ColumnType<string, string | undefined, string>;
  direction: ColumnType<string, string | undefined, string>;
  display: ColumnType<string, string | undefined, string>;
  decimals: ColumnType<number, number | undefined, number>;
  description: ColumnType<string, string | undefined, string>;
  active: ColumnType<boolean, boolean | undefined, boolean>;
  created_by: string | null;
  created_at: Timestamp;
  updated_by: string | null;
  updated_at: Timestamp;
}

type DateCol = ColumnType<string, string, string>;
type DateColNullable = ColumnType<string | null, string | null | undefined, string | null>;

/** tasks — 督办任务. Dates (`deadline`, `assigned_on`) are ISO `YYYY-MM-DD` text. */
export interface TasksTable {
  id: Generated<string>;
  org_unit_id: string;
  plan_id: string | null;
  plan_node_id: string | null;
  source_kind: string;
  source_note: string | null;
  title: string;
  content: ColumnType<string, string | undefined, string>;
  state: ColumnType<TaskState, TaskState | undefined, TaskState>;
  priority: ColumnType<TaskPriority, TaskPriority | undefined, TaskPriority>;
  frequency: ColumnType<ReportingFrequency, ReportingFrequency | undefined, ReportingFrequency>;
  assigned_on: DateColNullable;
  deadline: DateCol;
  progress: ColumnType<number, number | undefined, number>;
  last_reported_period: string | null;
  closed_at: TimestampNullable;
  suspended_reason: string | null;
  suspended_from: TaskState | null;
  created_by: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  /** 交办人 (0022). */
  assigned_by: ColumnType<string | null, string | null | undefined, string | null>;
  /** 签收时限 in working days from the 交办 day (0022). */
  accept_within_days: ColumnType<number, number | undefined, number>;
}

/** task_units — 牵头单位 (lead) and 协办单位 (co) of a task, in order. */
export interface TaskUnitsTable {
  task_id: string;
  org_unit_id: string;
  role: UnitRole;
  position: number;
  accepted_at: TimestampNullable;
}

/** task_milestones — 序时进度 节点. */
export interface TaskMilestonesTable {
  id: Generated<string>;
  task_id: string;
  title: string;
  due_on: DateCol;
  reached_on: DateColNullable;
  reached_note: string | null;
  reached_by: string | null;
  position: number;
}

/** task_targets — the plan targets a task serves. */
export interface TaskTargetsTable {
  task_id: string;
  plan_target_id: string;
}

/** task_reports — 进展报送, per unit and period. */
export interface TaskReportsTable {
  id: Generated<string>;
  task_id: string;
  org_unit_id: string;
  period: string;
  is_consolidated: ColumnType<boolean, boolean | undefined, boolean>;
  progress: number;
  text: string;
  problems: ColumnType<string, string | undefined, string>;
  next_steps: ColumnType<string, string | undefined, string>;
  submitted_by: string | null;
  submitted_at: Timestamp;
}

/** task_attachments — 佐证材料, stored under the data folder by content hash. */
export interface TaskAttachmentsTable {
  id: Generated<string>;
  task_id: string;
  report_id: string | null;
  file_name: string;
  media_type: string;
  size_bytes: number;
  sha256: string;
  uploaded_by: string | null;
  uploaded_at: Timestamp;
  /** 安全标记: general / sensitive / highly-sensitive, compared with the reader's clearance. */
  sensitivity: ColumnType<string, string | undefined, string>;
}

/** task_events — the task's timeline. */
export interface TaskEventsTable {
  id: ColumnType<number, never, never>;
  task_id: string;
  at: Timestamp;
  actor_id: string | null;
  actor_unit_id: string | null;
  action: string;
  from_state: string | null;
  to_state: string | null;
  comment: string | null;
  details: Json;
}

/** task_adjustments — 申请调整 and its decision. */
export interface TaskAdjustmentsTable {
  id: Generated<string>;
  task_id: string;
  new_deadline: DateColNullable;
  new_title: string | null;
  reason: string;
  requested_by: string | null;
  requested_at: Timestamp;
  decision: string | null;
  decided_by: string | null;
  decided_at: TimestampNullable;
  decision_comment: string | null;
}

/** task_instructions — 领导批示 and the units' answers. */
export interface TaskInstructionsTable {
  id: Generated<string>;
  task_id: string;
  reply_to: string | null;
  author_id: string | null;
  author_unit_id: string | null;
  text: string;
  at: Timestamp;
}

/** notifications — in-app reminders (催报) to a unit. */
export interface NotificationsTable {
  id: Generated<string>;
  org_unit_id: string;
  task_id: string | null;
  kind: string;
  text: string;
  created_by: string | null;
  created_at: Timestamp;
  read_at: TimestampNullable;
  dedupe_key: ColumnType<string | null, string | null | undefined, string | null>;
  /** NULL: the unit's users; 'task.review': the reviewers of the owning area (0022). */
  audience: ColumnType<string | null, string | null | undefined, string | null>;
}

/** notification_reads — who has read which notification (0022). */
export interface NotificationReadsTable {
  notification_id: string;
  user_id: string;
  read_at: Timestamp;
}

/** task_sign_offs — 会签: a co-unit's verdict on a 办结报告 (0022). */
export interface TaskSignOffsTable {
  report_id: string;
  task_id: string;
  org_unit_id: string;
  verdict: "confirm" | "object";
  note: ColumnType<string, string | undefined, string>;
  signed_by: string | null;
  signed_at: Timestamp;
}

/** issued_bulletins — 印发的月通报, frozen: the .docx bytes and the JSON snapshot as issued. */
export interface IssuedBulletinsTable {
  id: Generated<string>;
  org_unit_id: string;
  month: string;
  year: number;
  serial: number;
  doc_number: string;
  title: string;
  recipients: Json;
  snapshot: Json;
  docx: Uint8Array;
  sha256: string;
  issued_by: string | null;
  issued_at: Timestamp;
}

/** ledger_settings — 督办设置 of one owner, a validated JSON document. */
export interface LedgerSettingsTable {
  org_unit_id: string;
  settings: Json;
  updated_by: string | null;
  updated_at: Timestamp;
}

/** unit_name_rules — a county's renamed agencies and unit groups (UnitNameRules), a validated JSON document. */
export interface UnitNameRulesTable {
  org_unit_id: string;
  rules: Json;
  updated_by: string | null;
  updated_at: Timestamp;
}

/** task_escalations — 督办升级 records: 催办, 督办通知, 约谈/问责. */
export interface TaskEscalationsTable {
  id: Generated<string>;
  task_id: string;
  org_unit_id: string;
  level: string;
  dedupe_key: string;
  reason: string;
  due_day: DateCol;
  subject: string | null;
  note: string | null;
  created_by: string | null;
  created_at: Timestamp;
}

/** schema_migrations — which migration files have run. */
export interface SchemaMigrationsTable {
  version: string;
  applied_at: Timestamp;
}

/** The whole database as Kysely sees it. */
/**
 * data_versions — counters the database bumps itself: `statistics` for computed results (migration 0016),
 * `ledger` for the 台账's lights (0026).
 */
export interface DataVersionsTable {
  name: string;
  version: number;
}

export interface Database {
  data_versions: DataVersionsTable;
  org_units: OrgUnitsTable;
  org_unit_changes: OrgUnitChangesTable;
  installation: InstallationTable;
  org_registry_imports: OrgRegistryImportsTable;
  users: UsersTable;
  sessions: SessionsTable;
  user_recovery_codes: UserRecoveryCodesTable;
  audit_log: AuditLogTable;
  audit_seal: AuditSealTable;
  schema_migrations: SchemaMigrationsTable;
  plans: PlansTable;
  plan_nodes: PlanNodesTable;
  plan_node_units: PlanNodeUnitsTable;
  plan_targets: PlanTargetsTable;
  custom_indicators: CustomIndicatorsTable;
  tasks: TasksTable;
  task_units: TaskUnitsTable;
  task_milestones: TaskMilestonesTable;
  task_targets: TaskTargetsTable;
  task_reports: TaskReportsTable;
  task_attachments: TaskAttachmentsTable;
  task_events: TaskEventsTable;
  task_adjustments: TaskAdjustmentsTable;
  task_instructions: TaskInstructionsTable;
  notifications: NotificationsTable;
  issued_bulletins: IssuedBulletinsTable;
  ledger_settings: LedgerSettingsTable;
  unit_name_rules: UnitNameRulesTable;
  task_escalations: TaskEscalationsTable;
  notification_reads: NotificationReadsTable;
  task_sign_offs: TaskSignOffsTable;
  stats_imports: StatsImportsTable;
  stats_import_changes: StatsImportChangesTable;
  school_stats: SchoolStatsTable;
  population_stats: PopulationStatsTable;
  enrolment_history: EnrolmentHistoryTable;
  supervision_attestations: SupervisionAttestationsTable;
  supervision_evidence: SupervisionEvidenceTable;
  supervision_surveys: SupervisionSurveysTable;
  supervision_settings: SupervisionSettingsTable;
  evaluation_scenarios: EvaluationScenariosTable;
  student_imports: StudentImportsTable;
  students: StudentsTable;
  student_movements: StudentMovementsTable;
  school_age_imports: SchoolAgeImportsTable;
  school_age_children: SchoolAgeChildrenTable;
  dropout_cases: DropoutCasesTable;
  dropout_case_steps: DropoutCaseStepsTable;
  attendance_reports: AttendanceReportsTable;
  attendance_absences: AttendanceAbsencesTable;
  attendance_rule_sets: AttendanceRuleSetsTable;
  attendance_flags: AttendanceFlagsTable;
  enrol_catchments: EnrolCatchmentsTable;
  enrol_catchment_imports: EnrolCatchmentImportsTable;
  enrol_category_rules: EnrolCategoryRulesTable;
  enrol_applications: EnrolApplicationsTable;
  enrol_lotteries: EnrolLotteriesTable;
  aid_programmes: AidProgrammesTable;
  aid_priority_imports: AidPriorityImportsTable;
  aid_priority_people: AidPriorityPeopleTable;
  aid_publicities: AidPublicitiesTable;
  aid_applications: AidApplicationsTable;
  aid_application_steps: AidApplicationStepsTable;
  aid_objections: AidObjectionsTable;
  aid_batches: AidBatchesTable;
  aid_payments: AidPaymentsTable;
  aid_unaided_reasons: AidUnaidedReasonsTable;
  inspectors: InspectorsTable;
  inspector_schools: InspectorSchoolsTable;
  inspection_checklists: InspectionChecklistsTable;
  inspection_checklist_items: InspectionChecklistItemsTable;
  inspection_notices: InspectionNoticesTable;
  inspection_visits: InspectionVisitsTable;
  inspection_findings: InspectionFindingsTable;
  inspection_photos: InspectionPhotosTable;
}

export type OrgUnitRow = Selectable<OrgUnitsTable>;
export type NewOrgUnitRow = Insertable<OrgUnitsTable>;
export type OrgUnitChangeRow = Selectable<OrgUnitChangesTable>;
export type NewOrgUnitChangeRow = Insertable<OrgUnitChangesTable>;
export type InstallationRow = Selectable<InstallationTable>;
export type OrgRegistryImportRow = Selectable<OrgRegistryImportsTable>;
export type UserRow = Selectable<UsersTable>;
export type NewUserRow = Insertable<UsersTable>;
export type UserUpdate = Updateable<UsersTable>;
export type SessionRow = Selectable<SessionsTable>;
export type AuditRow = Selectable<AuditLogTable>;
export type PlanRow = Selectable<PlansTable>;
export type PlanNodeRow = Selectable<PlanNodesTable>;
export type PlanNodeUnitRow = Selectable<PlanNodeUnitsTable>;
export type PlanTargetRow = Selectable<PlanTargetsTable>;
export type TaskRow = Selectable<TasksTable>;
export type TaskUnitRow = Selectable<TaskUnitsTable>;
export type TaskMilestoneRow = Selectable<TaskMilestonesTable>;
export type TaskReportRow = Selectable<TaskReportsTable>;
export type IssuedBulletinRow = Selectable<IssuedBulletinsTable>;
export type TaskEscalationRow = Selectable<TaskEscalationsTable>;
export type TaskAttachmentRow = Selectable<TaskAttachmentsTable>;
export type TaskEventRow = Selectable<TaskEventsTable>;
export type TaskAdjustmentRow = Selectable<TaskAdjustmentsTable>;
export type TaskInstructionRow = Selectable<TaskInstructionsTable>;
export type NotificationRow = Selectable<NotificationsTable>;
export type TaskSignOffRow = Selectable<TaskSignOffsTable>;

/** stats_imports — one import of a statistics template file (统计数据导入). */
export interface StatsImportsTable {
  id: Generated<string>;
  org_unit_id: string | null;
  year: number;
  file_name: string;
  sha256: string;
  rows: number;
  imported_by: string | null;
  imported_at: Timestamp;
  /** Made with a record of what it changed (0012): it can be undone. */
  undoable: Generated<boolean>;
  undone_at: Timestamp | null;
  undone_by: string | null;
}

/** stats_import_changes — a row an import changed, as it was before (for undoing the import). */
export interface StatsImportChangesTable {
  import_id: string;
  table_name: "school_stats" | "population_stats";
  org_unit_id: string;
  year: number;
  had_row: boolean;
  before_values: ColumnType<Record<string, number> | null, string | null, string | null>;
  before_import_id: string | null;
  before_imported_by: string | null;
  before_imported_at: Timestamp | null;
}

/** Statistic values by data element code, stored as jsonb. */
type StatValues = ColumnType<Record<string, number>, string, string>;

/** school_stats — 学校年度统计: one school's figures for one 统计年度. */
export interface SchoolStatsTable {
  org_unit_id: string;
  year: number;
  values: StatValues;
  /** `values` as JSON text, kept by the database (migration 0009) for province-wide reads. */
  values_text: GeneratedAlways<string>;
  import_id: string | null;
  imported_by: string | null;
  imported_at: Timestamp;
}

/** population_stats — 乡镇人口 by single year of age, per 统计年度. */
export interface PopulationStatsTable {
  org_unit_id: string;
  year: number;
  values: StatValues;
  /** `values` as JSON text, kept by the database (migration 0009) for province-wide reads. */
  values_text: GeneratedAlways<string>;
  import_id: string | null;
  imported_by: string | null;
  imported_at: Timestamp;
}

/** enrolment_history — 招生 of years before full statistics, for cohort formulas (巩固率). */
export interface EnrolmentHistoryTable {
  org_unit_id: string;
  year: number;
  values: StatValues;
  /** `values` as JSON text, kept by the database (migration 0009) for province-wide reads. */
  values_text: GeneratedAlways<string>;
}

export type StatsImportRow = Selectable<StatsImportsTable>;
export type SchoolStatsRow = Selectable<SchoolStatsTable>;
export type PopulationStatsRow = Selectable<PopulationStatsTable>;

/** supervision_attestations — 佐证 claims (政府保障程度, 教育质量, 一票否决, 学前普及普惠) with their four-eyes review. */
export interface SupervisionAttestationsTable {
  id: Generated<string>;
  org_unit_id: string;
  year: number;
  part: string;
  code: string;
  claim_met: boolean;
  claimed_value: number | null;
  note: ColumnType<string, string | undefined, string>;
  submitted_by: string;
  submitted_at: Timestamp;
  review_state: ColumnType<string, string | undefined, string>;
  reviewed_by: string | null;
  review_comment: string | null;
  reviewed_at: TimestampNullable;
}

/** supervision_evidence — evidence files of an attestation, stored by content hash. */
export interface SupervisionEvidenceTable {
  id: Generated<string>;
  attestation_id: string;
  file_name: string;
  media_type: string;
  size_bytes: number;
  sha256: string;
  uploaded_by: string | null;
  uploaded_at: Timestamp;
}

/** supervision_surveys — 社会认可度 survey results per respondent group. */
export interface SupervisionSurveysTable {
  org_unit_id: string;
  year: number;
  respondent_group: string;
  respondents: number;
  satisfied: number;
  updated_by: string | null;
  updated_at: Timestamp;
}

/** supervision_settings — per county/year 社会认可度 aggregation and 基本均衡 认定年份. */
export interface SupervisionSettingsTable {
  org_unit_id: string;
  year: number;
  aggregation: ColumnType<string, string | undefined, string>;
  basic_balance_year: number | null;
  updated_by: string | null;
  updated_at: Timestamp;
}

export type SupervisionAttestationRow = Selectable<SupervisionAttestationsTable>;
export type SupervisionEvidenceRow = Selectable<SupervisionEvidenceTable>;
export type SupervisionSurveyRow = Selectable<SupervisionSurveysTable>;
export type SupervisionSettingsRow = Selectable<SupervisionSettingsTable>;

/** evaluation_scenarios — a saved 情景模拟: a named change list on one county's figures for one year. */
export interface EvaluationScenariosTable {
  id: Generated<string>;
  org_unit_id: string;
  year: number;
  name: string;
  policy: string;
  note: ColumnType<string, string | undefined, string>;
  changes: Json;
  created_by: string;
  created_at: Timestamp;
  updated_by: string;
  updated_at: Timestamp;
}
export type EvaluationScenarioRow = Selectable<EvaluationScenariosTable>;

/** student_imports — one import of a 学籍 export (0021). */
export interface StudentImportsTable {
  id: Generated<string>;
  scope_unit_id: string;
  file_name: string;
  sha256: string;
  school_year: number;
  term: number;
  as_of: ColumnType<string, string, string>;
  row_count: number;
  summary: Json;
  imported_by: string | null;
  imported_at: Generated<Date>;
}

/** students — 学籍: one pupil; personal values only encrypted (`personal`) and as blind indexes. */
export interface StudentsTable {
  id: Generated<string>;
  unit_id: string;
  student_no_index: string;
  id_number_index: string | null;
  personal: string;
  sex: "M" | "F";
  birth_year: number;
  level: string;
  grade: number;
  class_name: string;
  migrant: boolean;
  left_behind: boolean;
  disabled: boolean;
  status: string;
  school_year: number;
  term: number;
  import_id: string;
  updated_at: Generated<Date>;
}

/** student_movements — 学籍变动 derived between two imports, recorded at a school. */
export interface StudentMovementsTable {
  id: Generated<string>;
  student_id: string;
  unit_id: string;
  other_unit_id: string | null;
  kind: string;
  occurred_on: ColumnType<string, string, string>;
  pending: Generated<boolean>;
  import_id: string;
  created_at: Generated<Date>;
}

/** school_age_imports — one 适龄儿童 list (公安 户籍/人口, 卫健 births), applied all or nothing. */
export interface SchoolAgeImportsTable {
  id: Generated<string>;
  scope_unit_id: string;
  file_name: string;
  sha256: string;
  source: "police" | "health" | "other";
  school_year: number;
  row_count: number;
  summary: Json;
  imported_by: string | null;
  imported_at: Generated<Date>;
}

/** school_age_children — one child of a 适龄 list; personal values only encrypted and as a blind index. */
export interface SchoolAgeChildrenTable {
  id: Generated<string>;
  import_id: string;
  unit_id: string;
  id_number_index: string;
  personal: string;
  sex: "M" | "F";
  age: number;
  township: string;
  village: string;
  student_id: string | null;
}

/** dropout_cases — 一生一案: one child's 控辍 case; names, 七长, cause and plan sealed in `personal`. */
export interface DropoutCasesTable {
  id: Generated<string>;
  unit_id: string;
  student_id: string | null;
  child_id: string | null;
  id_number_index: string | null;
  cause: string;
  personal: string;
  sex: "M" | "F" | null;
  level: string | null;
  grade: number | null;
  township: Generated<string>;
  village: Generated<string>;
  priority_groups: ColumnType<string[], string[] | undefined, string[]>;
  state: string;
  opened_on: ColumnType<string, string, string>;
  returned_on: ColumnType<string | null, string | null | undefined, string | null>;
  returned_by: string | null;
  closed_on: ColumnType<string | null, string | null | undefined, string | null>;
  closed_by: string | null;
  close_after_days: number;
  created_by: string | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

/** dropout_case_steps — 家访, 劝返, 复学, 送教上门, 书面督促, 依法控辍 of a case; notes sealed in `record`. */
export interface DropoutCaseStepsTable {
  id: Generated<string>;
  case_id: string;
  kind: string;
  assigned_on: ColumnType<string, string, string>;
  deadline: ColumnType<string, string, string>;
  done_on: ColumnType<string | null, string | null | undefined, string | null>;
  outcome: string | null;
  record: string | null;
  recorded_by: string | null;
  created_at: Generated<Date>;
}

/** attendance_reports — 日报告: one school's day (应到/实到 by class, or a 零报告); partitioned by month. */
export interface AttendanceReportsTable {
  county_code: string;
  day: ColumnType<string, string, string>;
  unit_id: string;
  expected: number;
  present: number;
  zero_report: boolean;
  classes: Json;
  reported_by: string | null;
  reported_at: Generated<Date>;
}

/** attendance_absences — one absent pupil on one day, with the reason; partitioned by month. */
export interface AttendanceAbsencesTable {
  county_code: string;
  day: ColumnType<string, string, string>;
  unit_id: string;
  student_id: string;
  reason: string;
}

/** attendance_rule_sets — the risk rules' parameters, one version per change, per area. */
export interface AttendanceRuleSetsTable {
  scope_unit_id: string;
  version: number;
  params: Json;
  created_by: string | null;
  created_at: Generated<Date>;
}

/** attendance_flags — a risk flag on a pupil, with the rule (and version) that raised it and why. */
export interface AttendanceFlagsTable {
  id: Generated<string>;
  county_code: string;
  student_id: string;
  unit_id: string;
  rule: string;
  rule_version: number;
  raised_on: ColumnType<string, string, string>;
  explanation: Json;
  status: Generated<string>;
  closed_on: ColumnType<string | null, string | null | undefined, string | null>;
  created_at: Generated<Date>;
}

/** enrol_catchments — one school's 学区 of a school year (address units, 对口, 多校划片, seats). */
export interface EnrolCatchmentsTable {
  id: Generated<string>;
  school_year: number;
  area_unit_id: string;
  school_unit_id: string;
  stage: "primary" | "junior";
  multi_group: string | null;
  feeder_unit_id: string | null;
  seats: number | null;
  units: Json;
  updated_by: string | null;
  updated_at: Generated<Date>;
}

/** enrol_catchment_imports — each import of a county's catchment list (file name and hash). */
export interface EnrolCatchmentImportsTable {
  id: Generated<string>;
  area_unit_id: string;
  school_year: number;
  file_name: string;
  sha256: string;
  school_count: number;
  unit_count: number;
  imported_by: string | null;
  imported_at: Generated<Date>;
}

/** enrol_category_rules — the area's 类别 rules, one version per change. */
export interface EnrolCategoryRulesTable {
  area_unit_id: string;
  version: number;
  rules: Json;
  created_by: string | null;
  created_at: Generated<Date>;
}

/** enrol_applications — one child's 报名 at one school; name and ID number only sealed and blind-indexed. */
export interface EnrolApplicationsTable {
  id: Generated<string>;
  school_year: number;
  area_unit_id: string;
  school_unit_id: string;
  application_no: string;
  id_number_index: string;
  personal: string;
  sex: "M" | "F";
  birth_month: string;
  source: "portal" | "school";
  documents: Json;
  category: string;
  tier: number;
  rule_version: number;
  status: Generated<"pending" | "approved" | "rejected">;
  decision_reason: string | null;
  decided_by: string | null;
  decided_at: Date | null;
  created_by: string | null;
  created_at: Generated<Date>;
}

/** enrol_lotteries — a county's 摇号 of a year: the frozen inputs, the entropy and the published result. */
export interface EnrolLotteriesTable {
  id: Generated<string>;
  area_unit_id: string;
  school_year: number;
  status: "frozen" | "drawn";
  labels: string;
  list_sha256: string;
  applicants: Json;
  schools: Json;
  entropy: string | null;
  result_csv: string | null;
  outcome: Json;
  frozen_by: string | null;
  frozen_at: Generated<Date>;
  drawn_by: string | null;
  drawn_at: Date | null;
}

/** aid_programmes — a 资助 programme of one school year in one county (new year: new rows). */
export interface AidProgrammesTable {
  id: Generated<string>;
  unit_id: string;
  school_year: number;
  code: string;
  name: string;
  kind: string;
  stages: ColumnType<string[], string[], string[]>;
  target: string;
  basis: string;
  quota: number;
  budget: number;
  tiers: Json;
  created_by: string | null;
  created_at: Generated<Date>;
}

/** aid_priority_imports — one import of a 民政/乡村振兴/残联 priority list (counts only). */
export interface AidPriorityImportsTable {
  id: Generated<string>;
  scope_unit_id: string;
  school_year: number;
  source: string;
  file_name: string;
  sha256: string;
  row_count: number;
  summary: Json;
  imported_by: string | null;
  imported_at: Generated<Date>;
}

/** aid_priority_people — a child on a priority list, sealed, matched to the registry by blind index. */
export interface AidPriorityPeopleTable {
  id: Generated<string>;
  import_id: string;
  unit_id: string;
  id_number_index: string;
  category: string;
  personal: string;
  student_id: string | null;
}

/** aid_publicities — a school's 公示 of one programme's recommended applications. */
export interface AidPublicitiesTable {
  id: Generated<string>;
  unit_id: string;
  programme_id: string;
  starts_on: ColumnType<string, string, string>;
  ends_on: ColumnType<string, string, string>;
  working_days: number;
  created_by: string | null;
  created_at: Generated<Date>;
}

/** aid_applications — one pupil's application to one programme (bank card sealed). */
export interface AidApplicationsTable {
  id: Generated<string>;
  programme_id: string;
  unit_id: string;
  student_id: string;
  id_number_index: string | null;
  tier: string;
  claimed: ColumnType<string[], string[] | undefined, string[]>;
  verified: ColumnType<string[], string[] | undefined, string[]>;
  personal: string;
  state: string;
  assessment: Json;
  publicity_id: string | null;
  created_by: string | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

/** aid_application_steps — who did which step of an application, and when. */
export interface AidApplicationStepsTable {
  id: Generated<string>;
  application_id: string;
  step: string;
  outcome: string | null;
  done_by: string | null;
  done_at: Generated<Date>;
}

/** aid_objections — an objection to a 公示 and its answer (both sealed). */
export interface AidObjectionsTable {
  id: Generated<string>;
  publicity_id: string;
  unit_id: string;
  record: string;
  answer: string | null;
  logged_by: string | null;
  logged_at: Generated<Date>;
  answered_by: string | null;
  answered_at: Date | null;
}

/** aid_batches — a 发放 batch of one programme and term, or a re-issue of failures. */
export interface AidBatchesTable {
  id: Generated<string>;
  programme_id: string;
  unit_id: string;
  term: number;
  reissue_of: string | null;
  state: string;
  created_by: string | null;
  created_at: Generated<Date>;
  returned_at: Date | null;
}

/** aid_payments — one line of a batch and the bank's result for it. */
export interface AidPaymentsTable {
  id: Generated<string>;
  batch_id: string;
  application_id: string;
  unit_id: string;
  line: number;
  amount: number;
  status: string;
  failure: string | null;
  reissued: Generated<boolean>;
}

/** aid_unaided_reasons — why a pupil on a priority list is not aided in a school year (sealed). */
export interface AidUnaidedReasonsTable {
  id: Generated<string>;
  unit_id: string;
  school_year: number;
  id_number_index: string;
  reason: string;
  recorded_by: string | null;
  recorded_at: Generated<Date>;
}

/** inspectors — a 督学 and the facts of the 挂牌 sign (kind, 责任区 name, work phone, duties). */
export interface InspectorsTable {
  user_id: string;
  area_unit_id: string;
  kind: "fullTime" | "partTime";
  zone_name: Generated<string>;
  phone: Generated<string>;
  duties: Generated<string>;
  updated_by: string | null;
  updated_at: Generated<Date>;
}

/** inspector_schools — 督学责任区: each school's one 责任督学. */
export interface InspectorSchoolsTable {
  school_unit_id: string;
  user_id: string;
  assigned_at: Generated<Date>;
}

/** inspection_checklists — one version of a checklist (经常性督导 8 areas, 校园安全 排查表 …). */
export interface InspectionChecklistsTable {
  id: Generated<string>;
  area_unit_id: string | null;
  code: string;
  version: number;
  title: string;
  kind: "regular" | "safety" | "special";
  basis: Generated<string>;
  created_by: string | null;
  created_at: Generated<Date>;
}

/** inspection_checklist_items — one item of a checklist version and how it is judged. */
export interface InspectionChecklistItemsTable {
  id: Generated<string>;
  checklist_id: string;
  position: number;
  code: string;
  area: string;
  text: string;
  judge: "yesNo" | "score" | "count";
  max_score: number | null;
  photo_required: Generated<boolean>;
  basis: Generated<string>;
}

/** inspection_notices — an issued 整改通知书 and its .docx as issued. */
export interface InspectionNoticesTable {
  id: Generated<string>;
  school_unit_id: string;
  doc_number: string;
  docx: Uint8Array;
  issued_by: string | null;
  issued_on: ColumnType<string, string, string>;
  created_at: Generated<Date>;
}

/** inspection_visits — a 督学's visit with the checklist version and the answers. */
export interface InspectionVisitsTable {
  id: Generated<string>;
  school_unit_id: string;
  inspector_user_id: string;
  checklist_id: string;
  visited_on: ColumnType<string, string, string>;
  answers: Json;
  summary: Generated<string>;
  client_key: string;
  notice_id: string | null;
  created_at: Generated<Date>;
}

/** inspection_findings — a finding of a visit; its 整改 is a ledger task. */
export interface InspectionFindingsTable {
  id: Generated<string>;
  visit_id: string;
  school_unit_id: string;
  item_id: string | null;
  area: string;
  text: string;
  severity: "minor" | "major" | "serious";
  repeat_of: string | null;
  task_id: string | null;
  recheck: "passed" | "failed" | null;
  recheck_note: string | null;
  rechecked_by: string | null;
  rechecked_at: Date | null;
  created_at: Generated<Date>;
}

/** inspection_photos — a photo of a visit (content in the upload store by hash). */
export interface InspectionPhotosTable {
  id: Generated<string>;
  visit_id: string;
  school_unit_id: string;
  item_id: string | null;
  finding_id: string | null;
  file_name: string;
  media_type: string;
  size_bytes: number;
  sha256: string;
  uploaded_by: string | null;
  uploaded_at: Generated<Date>;
}
