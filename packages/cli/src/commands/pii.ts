import { existsSync } from "node:fs";
import { Command } from "commander";
import { z } from "zod";
import { formatFieldKeyring } from "@luoshi/db";
import { AppError, fieldKeyFile, fieldKeyUsage, rotateFieldKey, writeFieldKeyFile } from "@luoshi/server";
import { cliActor, withServices } from "../context.ts";
import { parseOptions } from "../options.ts";

const RotateOptions = z.object({ out: z.string().optional() });

/** `luoshi pii rotate-key|keys`: the field keys that encrypt personal data (docs/personal-data.md). */
export function piiCommand(): Command {
  const pii = new Command("pii").description("个人信息保护 — field encryption keys");
  pii
    .command("rotate-key")
    .description(
      "轮换字段密钥：新增一把密钥作为当前密钥，并用它重新加密所有加密字段（旧密钥保留，旧备份仍可恢复）",
    )
    .option(
      "--out <file>",
      "新的密钥环写入该文件（密钥来自环境变量 LUOSHI_FIELD_KEY 时必填；之后请用它更新该变量）",
    )
    .action(async (raw: unknown) => {
      const o = parseOptions(RotateOptions, raw);
      await withServices(async (deps) => {
        const fromEnv = deps.config.fieldKey !== undefined;
        if (fromEnv && o.out === undefined) {
          throw new AppError(
            "validation-failed",
            "字段密钥来自环境变量 LUOSHI_FIELD_KEY：请用 --out <文件> 指定新密钥环的保存位置，轮换后用该文件内容更新 LUOSHI_FIELD_KEY",
          );
        }
        const target = o.out ?? fieldKeyFile(deps.config);
        if (o.out !== undefined && existsSync(o.out)) {
          throw new AppError("validation-failed", `--out 文件 ${o.out} 已存在，请换一个文件名，以免覆盖密钥`);
        }
        let saved = "";
        const result = await rotateFieldKey(deps, cliActor(), (ring) => {
          writeFieldKeyFile(target, ring);
          saved = formatFieldKeyring(ring, { oneLine: true });
        });
        console.log(`字段密钥已轮换：${result.from} → ${result.to}；新密钥环已写入 ${target}（权限 600）`);
        for (const c of result.columns) {
          console.log(`  ${c.table}.${c.column}：重新加密 ${String(c.rewritten)} 个值`);
        }
        if (fromEnv) {
          console.error(
            `请将 LUOSHI_FIELD_KEY 更新为新密钥环（即 ${target} 各行以 ; 连接），再重启服务：\n  ${saved}`,
          );
        }
      });
    });
  pii
    .command("keys")
    .description("列出字段密钥编号，以及每个加密字段中各密钥加密的值的个数（不显示密钥本身）")
    .action(async () => {
      await withServices(async (deps) => {
        const usage = await fieldKeyUsage(deps);
        console.log(`当前密钥：${usage.current}；密钥环中的密钥：${usage.keys.join("、")}`);
        for (const c of usage.columns) {
          const counts = Object.entries(c.byKey).map(([k, n]) => `${k} ${String(n)} 个`);
          console.log(`  ${c.table}.${c.column}：${counts.length === 0 ? "无数据" : counts.join("，")}`);
        }
      });
    });
  return pii;
}
