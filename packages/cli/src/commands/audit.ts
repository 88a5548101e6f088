import { createWriteStream } from "node:fs";
import { pipeline } from "node:stream/promises";
import { Readable } from "node:stream";
import { Command } from "commander";
import { z } from "zod";
import { exportAuditCsv, verifyAuditTrail } from "@luoshi/server";
import { cliActor, withServices } from "../context.ts";
import { parseOptions } from "../options.ts";

const ExportOptions = z.object({
  out: z.string().optional(),
  from: z.iso.date({ error: "应为 YYYY-MM-DD" }).optional(),
  to: z.iso.date({ error: "应为 YYYY-MM-DD" }).optional(),
  actor: z.string().max(64).optional(),
});

/** `luoshi audit export`: the audit trail as CSV, to a file or standard output. */
export function auditCommand(): Command {
  const audit = new Command("audit").description("审计日志 — audit trail");
  audit
    .command("export")
    .description("导出审计日志为 CSV（UTF-8，带 BOM）")
    .option("--out <file>", "输出文件（缺省为标准输出）")
    .option("--from <date>", "起始日期 YYYY-MM-DD")
    .option("--to <date>", "截止日期 YYYY-MM-DD（含当日）")
    .option("--actor <login>", "只导出该操作人的记录")
    .action(async (raw: unknown) => {
      const o = parseOptions(ExportOptions, raw);
      await withServices(async (deps) => {
        const lines = exportAuditCsv(
          deps,
          { ...cliActor(), role: "auditAdmin" },
          {
            ...(o.from === undefined ? {} : { from: o.from }),
            ...(o.to === undefined ? {} : { to: o.to }),
            ...(o.actor === undefined ? {} : { actor: o.actor }),
          },
        );
        await pipeline(Readable.from(lines), o.out === undefined ? process.stdout : createWriteStream(o.out));
        if (o.out !== undefined) {
          console.error(`已导出到 ${o.out}`);
        }
      });
    });
  audit
    .command("verify")
    .description(
      "校验审计日志完整性：哈希链与 HMAC-SM3 封印（密钥见 LUOSHI_AUDIT_KEY），报告第一处被改动的行",
    )
    .action(async () => {
      await withServices(async (deps) => {
        const result = await verifyAuditTrail(deps, { ...cliActor(), role: "auditAdmin" });
        const sealed =
          result.sealedFrom === null ? "" : `，第 ${String(result.sealedFrom)} 行起带 HMAC-SM3 封印`;
        if (result.broken === null) {
          console.log(`审计日志完整：共校验 ${String(result.checked)} 行${sealed}`);
          return;
        }
        const where = result.broken.id === 0 ? "起始封印" : `第 ${String(result.broken.id)} 行（id）`;
        console.log(`审计日志不完整：${where}：${result.broken.reason}`);
        console.log(`此前 ${String(result.checked)} 行完好${sealed}`);
        process.exitCode = 3;
      });
    });
  return audit;
}
