/**
 * Every column that holds personal data encrypted with `encryptField` (docs/personal-data.md). A table
 * that stores such a column adds it here, in the same change that creates it: `luoshi pii rotate-key`
 * re-encrypts exactly the columns listed, so a column missing here would keep the old key.
 */
export interface EncryptedColumn {
  /** The table. */
  readonly table: string;
  /** Its primary-key column (one column), by which each row is rewritten. */
  readonly key: string;
  /** The column holding `encryptField` values (text, NULL allowed). */
  readonly column: string;
}

/** The registered encrypted columns of the schema. */
export const ENCRYPTED_COLUMNS: readonly EncryptedColumn[] = [
  // the second factor's secret (migration 0020)
  { table: "users", key: "id", column: "totp_secret" },
  // 学籍: 学籍号, 身份证件号, 姓名, 出生日期, 户籍地 and 监护人 of a pupil, sealed together (0021)
  { table: "students", key: "id", column: "personal" },
  // 控辍保学 (0030): a 适龄 child's 身份证件号, 姓名, 出生日期, 户籍地; a case's child, 七长, cause and plan;
  // what each step recorded
  { table: "school_age_children", key: "id", column: "personal" },
  { table: "dropout_cases", key: "id", column: "personal" },
  { table: "dropout_case_steps", key: "id", column: "record" },
  // 招生入学 (0034): an applicant's 姓名 and 身份证件号
  { table: "enrol_applications", key: "id", column: "personal" },
  // 学生资助 (0035): a listed child's 身份证件号 and 姓名; an application's bank card and holder; objections,
  // their answers and the reasons recorded for 应助未助
  { table: "aid_priority_people", key: "id", column: "personal" },
  { table: "aid_applications", key: "id", column: "personal" },
  { table: "aid_objections", key: "id", column: "record" },
  { table: "aid_objections", key: "id", column: "answer" },
  { table: "aid_unaided_reasons", key: "id", column: "reason" },
];
