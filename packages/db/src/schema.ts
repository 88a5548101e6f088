import type { ColumnType, Generated, Insertable, Selectable, Updateable } from "kysely";

/** Timestamps come back as Date and may be written as Date or ISO text. */
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type TimestampNullable = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
/** jsonb columns: read as parsed JSON, written as JSON text or values. */
export type Json = ColumnType<unknown, string | null | undefined, string | null>;

/** org_units — 组织机构: areas, schools and departments in one tree. */
export interface OrgUnitsTable {
  id: Generated<string>;
  parent_id: string | null;
  kind: string;
  code: string;
  name: string;
  aliases: ColumnType<string[], string[] | undefined, string[]>;
  path: string;
  depth: number;
  school_type: string | null;
  ownership: string | null;
  is_inclusive: boolean | null;
  urban_rural: string | null;
  parent_school_id: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

/** users — 用户. */
export interface UsersTable {
  id: Generated<string>;
  login: string;
  display_name: string;
  role: string;
  org_unit_id: string;
  password_hash: string;
  password_history: ColumnType<string[], string[] | undefined, string[]>;
  password_changed_at: Timestamp;
  must_change_password: ColumnType<boolean, boolean | undefined, boolean>;
  failed_logins: ColumnType<number, number | undefined, number>;
  locked_until: TimestampNullable;
  is_disabled: ColumnType<boolean, boolean | undefined, boolean>;
  expires_at: TimestampNullable;
  totp_secret: string | null;
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
  result: ColumnType<string, string | undefined, never>;
  before: Json;
  after: Json;
  details: Json;
  client_ip: string | null;
  request_id: string | null;
  prev_hash: ColumnType<string, never, never>;
  hash: ColumnType<string, never, never>;
}

/** schema_migrations — which migration files have run. */
export interface SchemaMigrationsTable {
  version: string;
  applied_at: Timestamp;
}

/** The whole database as Kysely sees it. */
export interface Database {
  org_units: OrgUnitsTable;
  users: UsersTable;
  sessions: SessionsTable;
  audit_log: AuditLogTable;
  schema_migrations: SchemaMigrationsTable;
}

export type OrgUnitRow = Selectable<OrgUnitsTable>;
export type NewOrgUnitRow = Insertable<OrgUnitsTable>;
export type UserRow = Selectable<UsersTable>;
export type NewUserRow = Insertable<UsersTable>;
export type UserUpdate = Updateable<UsersTable>;
export type SessionRow = Selectable<SessionsTable>;
export type AuditRow = Selectable<AuditLogTable>;
