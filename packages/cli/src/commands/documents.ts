import { readFileSync, statSync } from "node:fs";
import { basename } from "node:path";
import { Command } from "commander";
import { z } from "zod";
import { toGold } from "@luoshi/domain/parsing";
import { orgUnitRepo, planRepo, scopeOf } from "@luoshi/db";
import { AppError, importPlan, MAX_DOCUMENT_BYTES, readDocument } from "@luoshi/server";
import { cliActor, withServices } from "../context.ts";
import { parseOptions } from "../options.ts";

/** Reads a document's bytes, refusing what the upload would refuse, and naming the file. */
function readDocumentFile(file: string): Uint8Array {
  let size: number;
  try {
    size = statSync(file).size;
  } catch {
    throw new AppError("validation-failed", `${file}：文件不存在或无法读取`);
  }
  if (size > MAX_DOCUMENT_BYTES) {
    throw new AppError("payload-too-large", `${file}：文件超过 ${MAX_DOCUMENT_BYTES / 1024 / 1024} MB`);
  }
  return readFileSync(file);
}

/** `luoshi parse FILE [--json]`: what the parser finds, in the corpus gold format. */
export function parseCommand(): Command {
  return new Command("parse")
    .description("解析政策文件：结构、责任单位、目标（--json 输出与语料标注同格式）")
    .argument("<file>", ".txt / .html / .docx / .pdf")
    .option("--json", "以 JSON 输出 {meta, nodes, targets}")
    .action(async (file: string, raw: unknown) => {
      const o = parseOptions(z.object({ json: z.boolean().optional() }), raw);
      // decoded and parsed in a worker with the default bounds, as an upload is
      const { decoded, parsed } = await readDocument(readDocumentFile(file), basename(file));
      const errors = [...decoded.issues, ...(parsed?.issues ?? [])].filter((i) => i.severity === "error");
      if (parsed === null || errors.length > 0) {
        throw new AppError("validation-failed", errors.map((i) => `${file}：${i.message}`).join("\n"));
      }
      const gold = { doc: basename(file), ...toGold(parsed) };
      if (o.json === true) {
        console.log(JSON.stringify(gold, null, 2));
        return;
      }
      console.log(`${gold.meta.title ?? "（无标题）"}  ${gold.meta.docNumber ?? ""}`);
      for (const n of gold.nodes) {
        const names = n.units ?? [];
        const lead = n.lead ?? null;
        const units =
          names.length === 0 ? "" : `  〔${names.join("、")}${lead === null ? "" : `；牵头 ${lead}`}〕`;
        console.log(`${"  ".repeat(n.path.split(".").length - 1)}${n.path} ${n.title} [${n.role}]${units}`);
      }
      console.log(`\n条目 ${gold.nodes.length} 个，目标/现状 ${gold.targets.length} 个`);
      for (const i of parsed.issues) {
        console.error(`提示：${i.message}`);
      }
    });
}

const ImportOptions = z.object({
  unit: z.string().min(2, { error: "请用 --unit 给出规划所属地区的行政区划代码" }),
});

/** `luoshi import FILE --unit CODE`: a draft plan for review, owned by that area. */
export function importCommand(): Command {
  return new Command("import")
    .description("导入政策文件为规划草稿（在 Web 页面审核、确认）")
    .argument("<file>", ".txt / .html / .docx / .pdf")
    .requiredOption("--unit <code>", "规划所属地区的行政区划代码，如 620802")
    .action(async (file: string, raw: unknown) => {
      const o = parseOptions(ImportOptions, raw);
      const bytes = readDocumentFile(file);
      await withServices(async (deps) => {
        const unit = await orgUnitRepo.findByCode(deps.handle.db, o.unit);
        if (unit === undefined || unit.kind === "school" || unit.kind === "department") {
          throw new AppError("validation-failed", `--unit：没有代码为 ${o.unit} 的地区`);
        }
        const actor = { ...cliActor(), role: "bureauPlanner" as const, scope: scopeOf(unit.path) };
        const plan = await importPlan(deps, actor, { fileName: basename(file), bytes });
        const { nodes } = await planRepo.loadTree(deps.handle.db, plan);
        console.log(
          `已导入规划草稿“${plan.title}”（第 ${plan.version} 版，${nodes.length} 个条目）：/plans/${plan.id}`,
        );
      });
    });
}
