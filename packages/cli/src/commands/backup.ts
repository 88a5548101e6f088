import { readFileSync } from "node:fs";
import { text } from "node:stream/consumers";
import { Command } from "commander";
import { z } from "zod";
import {
  AppError,
  BACKUP_ALGORITHMS,
  createBackup,
  loadConfig,
  parseBackupKey,
  readBackupHeader,
  restoreBackup,
  type BackupKey,
  type Config,
} from "@luoshi/server";
import { cliActor, withServices } from "../context.ts";
import { parseOptions } from "../options.ts";

const KeyOptions = {
  keyFile: z.string().optional(),
  passphraseStdin: z.boolean().optional(),
};
const BackupOptions = z.object({
  ...KeyOptions,
  algorithm: z
    .enum(BACKUP_ALGORITHMS, { error: `应为 ${BACKUP_ALGORITHMS.join(" 或 ")}` })
    .default("aes-256-gcm"),
});
const RestoreOptions = z.object(KeyOptions);

function readFile(path: string, what: string): Buffer {
  try {
    return readFileSync(path);
  } catch {
    throw new AppError("not-found", `无法读取${what}：${path}`);
  }
}

/**
 * The key, from the first place that has one: --key-file, --passphrase-stdin, LUOSHI_BACKUP_KEY,
 * LUOSHI_BACKUP_KEY_FILE, LUOSHI_BACKUP_PASSPHRASE.
 */
async function backupKey(o: z.infer<typeof RestoreOptions>, config: Config): Promise<BackupKey> {
  if (o.keyFile !== undefined) {
    return { kind: "key", material: parseBackupKey(readFile(o.keyFile, "密钥文件")) };
  }
  if (o.passphraseStdin === true) {
    const passphrase = (await text(process.stdin)).replace(/\r?\n$/, "");
    if (passphrase.length < 12) {
      throw new AppError("validation-failed", "备份口令至少 12 个字符");
    }
    return { kind: "passphrase", passphrase };
  }
  if (config.backup.key !== undefined) {
    return { kind: "key", material: parseBackupKey(Buffer.from(config.backup.key, "utf8")) };
  }
  if (config.backup.keyFile !== undefined) {
    return { kind: "key", material: parseBackupKey(readFile(config.backup.keyFile, "密钥文件")) };
  }
  if (config.backup.passphrase !== undefined) {
    return { kind: "passphrase", passphrase: config.backup.passphrase };
  }
  throw new AppError(
    "validation-failed",
    "未给出备份密钥：用 --key-file <文件>、--passphrase-stdin，或环境变量 LUOSHI_BACKUP_KEY、" +
      "LUOSHI_BACKUP_KEY_FILE、LUOSHI_BACKUP_PASSPHRASE（生成密钥：openssl rand -hex 32）",
  );
}

/** `luoshi backup <file>`: the whole instance, encrypted, to one file. */
export function backupCommand(): Command {
  return new Command("backup")
    .description("备份全部数据（加密）到一个文件")
    .argument("<file>", "备份文件")
    .option("--key-file <file>", "密钥文件（64 位十六进制或 32 字节）")
    .option("--passphrase-stdin", "从标准输入读取口令")
    .option("--algorithm <name>", `加密算法：${BACKUP_ALGORITHMS.join(" 或 ")}（缺省 aes-256-gcm）`)
    .action(async (file: string, raw: unknown) => {
      const o = parseOptions(BackupOptions, raw);
      const key = await backupKey(o, loadConfig());
      await withServices(async (deps) => {
        const r = await createBackup(deps, cliActor(), { out: file, key, algorithm: o.algorithm });
        const total = Object.values(r.header.rows).reduce((a, b) => a + b, 0);
        console.log(
          `已备份到 ${file}：${Object.keys(r.header.rows).length} 张表，${total} 行，` +
            `${(r.bytes / 1024 / 1024).toFixed(1)} MB；算法 ${r.header.algorithm}，密钥标识 ${r.header.key.id}，` +
            `数据库版本 ${r.header.migrations.at(-1) ?? "无"}`,
        );
      });
    });
}

/** `luoshi restore <file>`: a backup into this (new, empty) instance. */
export function restoreCommand(): Command {
  return new Command("restore")
    .description("把备份恢复到新建的空实例（全部成功或全部不写）")
    .argument("<file>", "备份文件")
    .option("--key-file <file>", "密钥文件（64 位十六进制或 32 字节）")
    .option("--passphrase-stdin", "从标准输入读取口令")
    .action(async (file: string, raw: unknown) => {
      const o = parseOptions(RestoreOptions, raw);
      const bytes = readFile(file, "备份文件");
      readBackupHeader(bytes); // a file that is no backup is refused before a key is asked for
      const key = await backupKey(o, loadConfig());
      await withServices(async (deps) => {
        const r = await restoreBackup(deps, cliActor(), { file: bytes, fileName: file, key });
        const total = Object.values(r.rows).reduce((a, b) => a + b, 0);
        console.log(
          `已恢复 ${file}（备份于 ${r.header.createdAt}，来自 ${r.header.engine}）：` +
            `${Object.keys(r.rows).length} 张表，${total} 行，附件 ${r.attachments} 个；已核对每一行。`,
        );
      });
    });
}
