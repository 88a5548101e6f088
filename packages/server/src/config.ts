import { resolve } from "node:path";
import { z } from "zod";
import { DEFAULT_DOCUMENT_LIMITS, type DocumentLimits } from "./documents/limits.ts";

const d = DEFAULT_DOCUMENT_LIMITS;
const MB = 1024 * 1024;
/** A positive whole number from the environment, with its default. */
const count = (fallback: number, max: number) => z.coerce.number().int().min(1).max(max).default(fallback);
import { DEFAULT_FILE_LIMITS, type FileLimits } from "./services/statistics/file-limits.ts";

/**
 * Every environment variable luoshi reads, parsed once. Nothing else reads `process.env`
 * (tests pass a config object instead).
 */
const Env = z.object({
  /** TCP port of the web app and API. */
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  /** Address to listen on; 0.0.0.0 to serve the local network. */
  HOST: z.string().default("127.0.0.1"),
  /** A PostgreSQL server (postgres://…). Unset: the embedded PGlite database in LUOSHI_DATA_DIR. */
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, { error: "DATABASE_URL 应以 postgres:// 开头" })
    .optional(),
  /** Folder for the embedded database, attachments and generated files. */
  LUOSHI_DATA_DIR: z.string().default("./data"),
  /** Minutes of inactivity after which a session ends (等保: 10–15). */
  LUOSHI_SESSION_IDLE_MINUTES: z.coerce.number().int().min(1).max(60).default(15),
  /** Hours after which any session ends, however active. */
  LUOSHI_SESSION_MAX_HOURS: z.coerce.number().int().min(1).max(24).default(8),
  /** Sessions one account may hold at once; a login beyond it ends the oldest (等保: 并发会话限制). */
  LUOSHI_MAX_SESSIONS: z.coerce.number().int().min(1).max(20).default(3),
  /** Days without a login after which an account counts as dormant and is disabled (ours: 90). */
  LUOSHI_DORMANT_DAYS: z.coerce.number().int().min(7).max(3650).default(90),
  /** Set cookies with Secure (behind HTTPS). Defaults to on in production. */
  LUOSHI_SECURE_COOKIES: z.enum(["true", "false"]).optional(),
  /** Secret that signs the CSRF cookie; generated into the data folder when unset. */
  LUOSHI_COOKIE_SECRET: z.string().min(32, { error: "LUOSHI_COOKIE_SECRET 至少 32 个字符" }).optional(),
  /** 导入规划文件: largest upload, in MB. */
  LUOSHI_DOCUMENT_MAX_MB: count(d.maxBytes / MB, 200),
  /** Largest total size of a .docx once decompressed, in MB. */
  LUOSHI_DOCUMENT_MAX_UNZIPPED_MB: count(d.maxUnzippedBytes / MB, 2000),
  /** Most pages of a PDF. */
  LUOSHI_DOCUMENT_MAX_PDF_PAGES: count(d.maxPdfPages, 100_000),
  /** Most characters of decoded text. */
  LUOSHI_DOCUMENT_MAX_CHARS: count(d.maxTextChars, 100_000_000),
  /** Most lines of decoded text. */
  LUOSHI_DOCUMENT_MAX_LINES: count(d.maxLines, 10_000_000),
  /** Most numbered items in one draft plan. */
  LUOSHI_DOCUMENT_MAX_ITEMS: count(d.maxItems, 1_000_000),
  /** Deepest nesting of elements in an HTML page. */
  LUOSHI_DOCUMENT_MAX_HTML_DEPTH: count(d.maxHtmlDepth, 100_000),
  /** Seconds decoding and parsing one document may take (in a child process). */
  LUOSHI_DOCUMENT_PARSE_SECONDS: count(d.timeoutMs / 1000, 3600),
  /** Heap ceiling of that child process, in MB. */
  LUOSHI_DOCUMENT_PARSE_HEAP_MB: count(d.maxHeapMb, 64_000),
  /** Backup key for `luoshi backup`/`restore`: 64 hex digits (32 bytes). */
  LUOSHI_BACKUP_KEY: z.string().optional(),
  /** A file holding the backup key (64 hex digits or 32 raw bytes). */
  LUOSHI_BACKUP_KEY_FILE: z.string().optional(),
  /** A passphrase for backups, when no key is given. */
  LUOSHI_BACKUP_PASSPHRASE: z
    .string()
    .min(12, { error: "LUOSHI_BACKUP_PASSPHRASE 至少 12 个字符" })
    .optional(),
  /** Seconds one uploaded spreadsheet may take to read (in its child process) before it is refused. */
  LUOSHI_IMPORT_PARSE_SECONDS: z.coerce.number().int().min(1).max(3600).default(60),
  /** Heap ceiling (MB) of the child process that reads one uploaded spreadsheet. */
  LUOSHI_IMPORT_PARSE_HEAP_MB: z.coerce.number().int().min(32).max(16_384).default(768),
  /** Seconds a background statistics import may run in all before it ends with an error. */
  LUOSHI_IMPORT_JOB_SECONDS: z.coerce.number().int().min(1).max(86_400).default(900),
  /** An .xlsx's parts (or a 基层表 .zip's workbooks) together, decompressed (MB). */
  LUOSHI_IMPORT_MAX_UNZIPPED_MB: z.coerce
    .number()
    .int()
    .min(1)
    .max(4096)
    .default(DEFAULT_FILE_LIMITS.maxUnzippedBytes / 1024 / 1024),
  /** Parts (files) inside one .xlsx; workbooks inside one 基层表 .zip. */
  LUOSHI_IMPORT_MAX_ZIP_ENTRIES: z.coerce.number().int().min(10).default(DEFAULT_FILE_LIMITS.maxZipEntries),
  /** Data rows in one file, all sheets. */
  LUOSHI_IMPORT_MAX_ROWS: z.coerce.number().int().min(10).default(DEFAULT_FILE_LIMITS.maxRows),
  /** Cells in one file, all sheets. */
  LUOSHI_IMPORT_MAX_CELLS: z.coerce.number().int().min(100).default(DEFAULT_FILE_LIMITS.maxCells),
  /** Characters in one cell. */
  LUOSHI_IMPORT_MAX_CELL_CHARS: z.coerce.number().int().min(100).default(DEFAULT_FILE_LIMITS.maxCellChars),
  /** Nesting depth of XML elements inside an .xlsx part. */
  LUOSHI_IMPORT_MAX_XML_DEPTH: z.coerce
    .number()
    .int()
    .min(8)
    .max(10_000)
    .default(DEFAULT_FILE_LIMITS.maxXmlDepth),
  /**
   * The key that seals audit rows (HMAC-SM3), at least 32 characters. Unset: read from the key file
   * beside the data folder (`<LUOSHI_DATA_DIR>-audit.key`), generated there on first start. Never in
   * the database, and kept out of its backups.
   */
  LUOSHI_AUDIT_KEY: z.string().min(32, { error: "LUOSHI_AUDIT_KEY 至少 32 个字符" }).optional(),
  /**
   * The keys that encrypt personal data per field (docs/personal-data.md): the key file's entries
   * separated by ";" (`current=k1;index=<64 hex>;key.k1=<64 hex>`). Unset: read from the key file beside
   * the data folder (`<LUOSHI_DATA_DIR>-field.key`), generated there on first start. Empty counts as unset.
   */
  LUOSHI_FIELD_KEY: z.string().optional(),
  /**
   * Who must log in with a second factor (TOTP): `true` (default) the three administrator roles and any
   * role that may see unmasked personal data; `all` every account; `false` nobody (an account that has
   * enrolled is still asked). `luoshi serve --demo` treats unset as `false`.
   */
  LUOSHI_REQUIRE_TOTP: z
    .enum(["true", "false", "all"], { error: "LUOSHI_REQUIRE_TOTP 只能是 true、false 或 all" })
    .optional(),
  /**
   * 控辍保学 销号: working days a child must stay back in school after 复学 before the case may be closed
   * (luoshi's default 20, about one school month; docs/dropout-cases.md). 0 leaves only the check by a
   * second person: for a county that follows up outside luoshi, and for trials of the whole path in a day.
   */
  LUOSHI_DROPOUT_CLOSE_AFTER_DAYS: z.coerce.number().int().min(0).max(200).default(20),
  /** Years a pupil's record is kept after leaving the county's schools, then anonymised (default 3). */
  LUOSHI_REGISTRY_RETENTION_YEARS: z.coerce.number().int().min(1).max(30).default(3),
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
});

/** The parsed configuration the server runs with. */
export interface Config {
  port: number;
  host: string;
  database: { engine: "pglite"; dataDir: string | null } | { engine: "postgres"; url: string };
  dataDir: string;
  sessionIdleMs: number;
  sessionMaxMs: number;
  maxSessionsPerUser: number;
  dormantMs: number;
  secureCookies: boolean;
  cookieSecret: string | undefined;
  /** The audit key from the environment, if given there. */
  auditKey: string | undefined;
  /** The field keyring's text from the environment, if given there. */
  fieldKey: string | undefined;
  /** Who must log in with a second factor; `explicit` when the environment said so. */
  requireTotp: { who: "privileged" | "all" | "none"; explicit: boolean };
  logLevel: z.infer<typeof Env>["LOG_LEVEL"];
  isProduction: boolean;
  /** Bounds on one imported policy document. */
  documentLimits: DocumentLimits;
  /** Where `luoshi backup`/`restore` take their key from, when the command line names none. */
  backup: { key?: string; keyFile?: string; passphrase?: string };
  /** Bounds on reading an uploaded spreadsheet and on a background import: see {@link ImportLimits}. */
  importLimits: ImportLimits;
  /** 控辍保学 and retention parameters (docs/dropout-cases.md). */
  dropout: { closeAfterDays: number; retentionYears: number };
}

/** How far an uploaded spreadsheet may expand, how long and with how much memory it is read. */
export interface ImportLimits extends FileLimits {
  /** Wall-clock limit of reading one file in its child process. */
  parseTimeoutMs: number;
  /** Heap ceiling of that child process. */
  parseHeapMb: number;
  /** Wall-clock limit of a whole background import (reading, checking, writing). */
  jobTimeoutMs: number;
}

/** Parses the environment; on any problem returns every problem, one per variable. */
export function parseConfig(
  env: Record<string, string | undefined>,
): { config: Config; problems: [] } | { config?: undefined; problems: string[] } {
  const parsed = Env.safeParse(env);
  if (!parsed.success) {
    return { problems: parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`) };
  }
  const e = parsed.data;
  const dataDir = resolve(e.LUOSHI_DATA_DIR);
  return {
    problems: [],
    config: {
      port: e.PORT,
      host: e.HOST,
      database:
        e.DATABASE_URL === undefined
          ? { engine: "pglite", dataDir: `${dataDir}/db` }
          : { engine: "postgres", url: e.DATABASE_URL },
      dataDir,
      sessionIdleMs: e.LUOSHI_SESSION_IDLE_MINUTES * 60_000,
      sessionMaxMs: e.LUOSHI_SESSION_MAX_HOURS * 3_600_000,
      maxSessionsPerUser: e.LUOSHI_MAX_SESSIONS,
      dormantMs: e.LUOSHI_DORMANT_DAYS * 86_400_000,
      secureCookies: (e.LUOSHI_SECURE_COOKIES ?? (e.NODE_ENV === "production" ? "true" : "false")) === "true",
      cookieSecret: e.LUOSHI_COOKIE_SECRET,
      auditKey: e.LUOSHI_AUDIT_KEY,
      fieldKey: e.LUOSHI_FIELD_KEY === "" ? undefined : e.LUOSHI_FIELD_KEY,
      requireTotp: {
        who:
          e.LUOSHI_REQUIRE_TOTP === "all" ? "all" : e.LUOSHI_REQUIRE_TOTP === "false" ? "none" : "privileged",
        explicit: e.LUOSHI_REQUIRE_TOTP !== undefined,
      },
      dropout: {
        closeAfterDays: e.LUOSHI_DROPOUT_CLOSE_AFTER_DAYS,
        retentionYears: e.LUOSHI_REGISTRY_RETENTION_YEARS,
      },
      logLevel: e.LOG_LEVEL,
      isProduction: e.NODE_ENV === "production",
      documentLimits: {
        maxBytes: e.LUOSHI_DOCUMENT_MAX_MB * MB,
        maxUnzippedBytes: e.LUOSHI_DOCUMENT_MAX_UNZIPPED_MB * MB,
        maxPdfPages: e.LUOSHI_DOCUMENT_MAX_PDF_PAGES,
        maxTextChars: e.LUOSHI_DOCUMENT_MAX_CHARS,
        maxLines: e.LUOSHI_DOCUMENT_MAX_LINES,
        maxItems: e.LUOSHI_DOCUMENT_MAX_ITEMS,
        maxHtmlDepth: e.LUOSHI_DOCUMENT_MAX_HTML_DEPTH,
        timeoutMs: e.LUOSHI_DOCUMENT_PARSE_SECONDS * 1000,
        maxHeapMb: e.LUOSHI_DOCUMENT_PARSE_HEAP_MB,
      },
      backup: {
        ...(e.LUOSHI_BACKUP_KEY === undefined ? {} : { key: e.LUOSHI_BACKUP_KEY }),
        ...(e.LUOSHI_BACKUP_KEY_FILE === undefined ? {} : { keyFile: e.LUOSHI_BACKUP_KEY_FILE }),
        ...(e.LUOSHI_BACKUP_PASSPHRASE === undefined ? {} : { passphrase: e.LUOSHI_BACKUP_PASSPHRASE }),
      },
      importLimits: {
        maxUnzippedBytes: e.LUOSHI_IMPORT_MAX_UNZIPPED_MB * 1024 * 1024,
        maxZipEntries: e.LUOSHI_IMPORT_MAX_ZIP_ENTRIES,
        maxRows: e.LUOSHI_IMPORT_MAX_ROWS,
        maxCells: e.LUOSHI_IMPORT_MAX_CELLS,
        maxCellChars: e.LUOSHI_IMPORT_MAX_CELL_CHARS,
        maxXmlDepth: e.LUOSHI_IMPORT_MAX_XML_DEPTH,
        parseTimeoutMs: e.LUOSHI_IMPORT_PARSE_SECONDS * 1000,
        parseHeapMb: e.LUOSHI_IMPORT_PARSE_HEAP_MB,
        jobTimeoutMs: e.LUOSHI_IMPORT_JOB_SECONDS * 1000,
      },
    },
  };
}

/** Reads the process environment, or exits listing every problem. */
export function loadConfig(): Config {
  const result = parseConfig(process.env);
  if (result.config === undefined) {
    console.error(`配置有误 (configuration problems):\n${result.problems.map((p) => `  - ${p}`).join("\n")}`);
    process.exit(2);
  }
  return result.config;
}
