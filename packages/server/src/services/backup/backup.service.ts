import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { basename, join } from "node:path";
import { gunzipSync, gzipSync } from "node:zlib";
import { z } from "zod";
import {
  auditRepo,
  backupRepo,
  GENESIS_AUDIT_ID,
  inTransaction,
  type DumpRow,
  type DumpTable,
} from "@luoshi/db";
import type { Actor, ServiceDeps } from "../../context.ts";
import { AppError } from "../../errors.ts";
import { recordAudit } from "../audit/audit.service.ts";
import {
  openBackup,
  sealBackup,
  type BackupAlgorithm,
  type BackupHeader,
  type BackupKey,
} from "./backup-file.ts";

/**
 * 备份与恢复 (docs/backup.md): a logical dump of every application table and the stored attachments,
 * compressed and encrypted into one file; restored only into an empty instance at the same migration
 * level, in one transaction, checked row by row before it commits.
 */

const Content = z.object({
  tables: z.array(
    z.object({
      name: z.string(),
      columns: z.array(z.object({ name: z.string(), type: z.string() })),
      key: z.array(z.string()),
      selfRefs: z.array(z.object({ column: z.string(), references: z.string() })),
      rows: z.array(z.array(z.string().nullable())),
    }),
  ),
  sequences: z.array(z.object({ name: z.string(), lastValue: z.string().nullable() })),
  files: z.array(z.object({ name: z.string().regex(/^[0-9a-f]{64}$/), data: z.string() })),
});
type Content = z.infer<typeof Content>;

const attachmentsDir = (dataDir: string) => join(dataDir, "attachments");

/** A fingerprint of a table's rows that does not depend on their order (collations differ by engine). */
function digest(rows: readonly DumpRow[]): string {
  const lines = rows.map((r) => JSON.stringify(r)).sort();
  const h = createHash("sha256");
  for (const line of lines) {
    h.update(line).update("\n");
  }
  return h.digest("hex");
}

/** What a backup wrote. */
export interface BackupSummary {
  header: BackupHeader;
  bytes: number;
}

/** Writes an encrypted backup of the whole instance to `out` (mode 600) and records it in the trail. */
export async function createBackup(
  deps: ServiceDeps,
  actor: Actor,
  options: { out: string; key: BackupKey; algorithm: BackupAlgorithm },
): Promise<BackupSummary> {
  const db = deps.handle.db;
  const { content, migrations } = await backupRepo.snapshot(db, async (trx) => {
    const tables = await backupRepo.listTables(trx);
    const dumped: Content["tables"] = [];
    for (const t of tables) {
      dumped.push({ ...t, rows: await backupRepo.readRows(trx, t) });
    }
    return {
      content: {
        tables: dumped,
        sequences: await backupRepo.readSequences(trx),
        files: readAttachments(deps),
      },
      migrations: await backupRepo.migrationVersions(trx),
    };
  });
  const rows = Object.fromEntries(content.tables.map((t) => [t.name, t.rows.length]));
  const sealed = sealBackup(
    gzipSync(Buffer.from(JSON.stringify(content), "utf8")),
    { createdAt: deps.now().toISOString(), engine: deps.handle.engine, migrations, rows },
    options.key,
    options.algorithm,
  );
  writeFileSync(options.out, sealed.file, { mode: 0o600 });
  await recordAudit(db, actor, {
    action: "backup.create",
    entityType: "installation",
    entityId: null,
    details: {
      file: basename(options.out),
      sha256: createHash("sha256").update(sealed.file).digest("hex"),
      algorithm: options.algorithm,
      keyId: sealed.header.key.id,
      migration: migrations.at(-1) ?? null,
      rows,
      attachments: content.files.length,
    },
  });
  return { header: sealed.header, bytes: sealed.file.length };
}

function readAttachments(deps: ServiceDeps): Content["files"] {
  const dir = attachmentsDir(deps.config.dataDir);
  if (!existsSync(dir)) {
    return [];
  }
  return readdirSync(dir)
    .filter((n) => /^[0-9a-f]{64}$/.test(n))
    .sort()
    .map((name) => ({ name, data: readFileSync(join(dir, name)).toString("base64") }));
}

/** What a restore put back. */
export interface RestoreSummary {
  header: BackupHeader;
  rows: Record<string, number>;
  attachments: number;
}

/**
 * Restores the backup file `file` into this instance, which must be empty and at the backup's migration
 * level. All or nothing: a wrong key, a damaged file, a non-empty target or any difference between what
 * was written and what the backup holds leaves the database as it was.
 */
export async function restoreBackup(
  deps: ServiceDeps,
  actor: Actor,
  options: { file: Buffer; fileName: string; key: BackupKey },
): Promise<RestoreSummary> {
  const { header, content: sealed } = openBackup(options.file, options.key);
  const content = parseContent(sealed);
  const db = deps.handle.db;
  const migrations = await backupRepo.migrationVersions(db);
  if (migrations.join(",") !== header.migrations.join(",")) {
    throw new AppError(
      "conflict",
      `备份的数据库版本（${header.migrations.at(-1) ?? "无"}）与本实例（${migrations.at(-1) ?? "无"}）不同：` +
        "请用与备份时相同版本的落实，在新建的实例上恢复；未恢复任何数据",
    );
  }
  const written = writeAttachments(deps, content.files);
  try {
    const rows = await inTransaction(db, async (trx) => {
      const tables = await backupRepo.listTables(trx);
      const byName = new Map(content.tables.map((t) => [t.name, t]));
      checkSameTables(tables, content.tables);
      const counts = await backupRepo.countRows(
        trx,
        tables.map((t) => t.name),
      );
      // A fresh instance's trail holds its genesis seal only, and counts as empty. The backup's own
      // genesis then goes in only where the target has none, and the read-back below refuses a restore
      // whose seals do not match.
      const hasGenesis = await auditRepo.holdsOnlyGenesis(trx);
      if (hasGenesis) {
        counts.set("audit_seal", 0);
      }
      // What the migrations wrote (the built-in checklists) is in every fresh instance and in the
      // backup alike: it counts as empty and gives way to the backup's copy.
      for (const [table, n] of await backupRepo.migrationSeedCounts(trx)) {
        counts.set(table, (counts.get(table) ?? 0) - n);
      }
      const full = [...counts].filter(([, n]) => n > 0);
      if (full.length > 0) {
        throw new AppError(
          "conflict",
          `目标实例已有数据（${full.map(([t, n]) => `${t} ${n} 行`).join("、")}）：恢复只能在新建的空实例上进行；未恢复任何数据`,
        );
      }
      await backupRepo.clearMigrationSeeds(trx);
      for (const t of tables) {
        const dumped = byName.get(t.name);
        const keyAt = dumped?.columns.findIndex((c) => c.name === "audit_id") ?? -1;
        const rows =
          dumped === undefined
            ? []
            : hasGenesis && dumped.name === "audit_seal"
              ? dumped.rows.filter((r) => r[keyAt] !== String(GENESIS_AUDIT_ID))
              : dumped.rows;
        if (dumped !== undefined && rows.length > 0) {
          await backupRepo.insertRows(trx, dumped, rows).catch((error: unknown) => {
            const reason = error instanceof Error ? error.message : String(error);
            throw new AppError("conflict", `恢复表 ${t.name} 时出错（${reason}）；已撤销，未恢复任何数据`);
          });
        }
      }
      await backupRepo.writeSequences(trx, content.sequences);
      // Read everything back: a trigger that wrote something else (the audit chain under another key)
      // or a type that did not round-trip refuses the restore here, before it commits.
      for (const dumped of content.tables) {
        const back = await backupRepo.readRows(
          trx,
          dumped,
          dumped.columns.map((c) => c.name),
        );
        if (digest(back) !== digest(dumped.rows)) {
          throw new AppError(
            "conflict",
            `恢复后表 ${dumped.name} 的数据与备份不一致` +
              (dumped.name === "audit_log" ? "（审计日志的哈希链与备份不同）" : "") +
              "；已撤销，未恢复任何数据",
          );
        }
      }
      const restored = Object.fromEntries(content.tables.map((t) => [t.name, t.rows.length]));
      await recordAudit(trx, actor, {
        action: "backup.restore",
        entityType: "installation",
        entityId: null,
        details: {
          file: basename(options.fileName),
          sha256: createHash("sha256").update(options.file).digest("hex"),
          createdAt: header.createdAt,
          sourceEngine: header.engine,
          keyId: header.key.id,
          migration: header.migrations.at(-1) ?? null,
          rows: restored,
          attachments: content.files.length,
        },
      });
      return restored;
    });
    return { header, rows, attachments: content.files.length };
  } catch (error) {
    for (const path of written) {
      rmSync(path, { force: true });
    }
    throw error;
  }
}

function parseContent(sealed: Buffer): Content {
  let raw: unknown;
  try {
    raw = JSON.parse(gunzipSync(sealed).toString("utf8")) as unknown;
  } catch {
    throw new AppError("validation-failed", "备份内容无法解压或读取；未恢复任何数据");
  }
  const parsed = Content.safeParse(raw);
  if (!parsed.success) {
    throw new AppError("validation-failed", "备份内容的格式不是本版本落实所写；未恢复任何数据");
  }
  return parsed.data;
}

/** The backup must describe the same tables and columns as this instance has. */
function checkSameTables(tables: readonly DumpTable[], dumped: readonly DumpTable[]): void {
  const here = new Map(tables.map((t) => [t.name, t.columns.map((c) => `${c.name} ${c.type}`).join(",")]));
  for (const t of dumped) {
    const mine = here.get(t.name);
    if (mine !== t.columns.map((c) => `${c.name} ${c.type}`).join(",")) {
      throw new AppError(
        "conflict",
        mine === undefined
          ? `本实例没有备份中的表 ${t.name}；未恢复任何数据`
          : `本实例表 ${t.name} 的列与备份不同；未恢复任何数据`,
      );
    }
  }
}

/** Writes the attachments the instance lacks; returns the paths written (to remove on failure). */
function writeAttachments(deps: ServiceDeps, files: Content["files"]): string[] {
  if (files.length === 0) {
    return [];
  }
  const dir = attachmentsDir(deps.config.dataDir);
  mkdirSync(dir, { recursive: true });
  const written: string[] = [];
  for (const f of files) {
    const path = join(dir, f.name);
    if (!existsSync(path)) {
      writeFileSync(path, Buffer.from(f.data, "base64"), { mode: 0o600 });
      written.push(path);
    }
  }
  return written;
}
