import { resolve } from "node:path";
import { z } from "zod";

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
  /**
   * The key that seals audit rows (HMAC-SM3), at least 32 characters. Unset: read from the key file
   * beside the data folder (`<LUOSHI_DATA_DIR>-audit.key`), generated there on first start. Never in
   * the database, and kept out of its backups.
   */
  LUOSHI_AUDIT_KEY: z.string().min(32, { error: "LUOSHI_AUDIT_KEY 至少 32 个字符" }).optional(),
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
  logLevel: z.infer<typeof Env>["LOG_LEVEL"];
  isProduction: boolean;
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
      logLevel: e.LOG_LEVEL,
      isProduction: e.NODE_ENV === "production",
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
