import { randomBytes } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import { Command } from "commander";
import { z } from "zod";
import { readCsv, writeCsv } from "@luoshi/common";
import {
  compareWithPublished,
  DRAW_ALGORITHM,
  DrawInputError,
  drawFromText,
  hashChain,
  publishedRows,
  RESULT_HEADER,
  type DrawResult,
} from "@luoshi/common/draw";
import { AppError } from "@luoshi/server";
import { parseOptions } from "../options.ts";

const Inputs = z.object({
  labels: z.string().min(1),
  entropy: z.string().min(1),
  reveal: z.string().optional(),
  commitment: z.string().optional(),
});
const RunOptions = Inputs.extend({ out: z.string().optional() });
const VerifyOptions = Inputs.extend({ result: z.string().min(1) });
const CommitOptions = z.object({
  rounds: z.coerce.number().int().min(2).max(10_000).default(10),
  out: z.string().min(1),
});

function readText(path: string, what: string): string {
  try {
    return readFileSync(path, "utf8");
  } catch {
    throw new AppError("validation-failed", `无法读取${what}文件 ${path}`);
  }
}

/** The draw of the published files; a problem names the file (or the options) it is in. */
function compute(o: z.infer<typeof Inputs>): DrawResult {
  try {
    return drawFromText({
      labels: readText(o.labels, "名单"),
      entropy: readText(o.entropy, "随机数"),
      ...(o.reveal === undefined ? {} : { reveal: o.reveal }),
      ...(o.commitment === undefined ? {} : { commitment: o.commitment }),
    });
  } catch (error) {
    if (!(error instanceof DrawInputError)) throw error;
    const where =
      error.field === "labels" ? o.labels : error.field === "entropy" ? o.entropy : "--reveal/--commitment";
    throw new AppError("validation-failed", `${where}：${error.message}`);
  }
}

function printSummary(result: DrawResult): void {
  console.log(`算法：${DRAW_ALGORITHM}（docs/draws.md）`);
  console.log(`名单摘要 SHA-256：${result.listDigest}`);
  console.log(`随机数串：${result.entropyKey}`);
}

/**
 * `luoshi draw run|verify|commit` (alias `luoshi lottery`): the verifiable draw behind 摇号, 分班 lots and
 * 双随机 抽查 (docs/draws.md). Needs no database: anyone holding the published inputs can re-run it.
 */
export function drawCommand(): Command {
  const draw = new Command("draw")
    .alias("lottery")
    .description("可验证抽签（摇号、分班、双随机抽查）：由公布的名单与公开随机数重算结果");
  const inputs = (command: Command): Command =>
    command
      .requiredOption("--labels <file>", "冻结名单：每行一项（报名号、学校代码等，不含姓名）")
      .requiredOption("--entropy <file>", "公开随机数：每行一组，如“双色球 2027031 期：3 11 19 24 27 31 9”")
      .option("--reveal <hex>", "事先承诺的哈希链揭示值")
      .option("--commitment <hex>", "事先公布的承诺值");
  inputs(draw.command("run").description("抽签：输出每一项的名次与位置值（CSV）"))
    .option("--out <file>", "结果写入该 CSV 文件（缺省打印）")
    .action((raw: unknown) => {
      const o = parseOptions(RunOptions, raw);
      const result = compute(o);
      const csv = writeCsv([[...RESULT_HEADER], ...result.order.map((e) => [e.rank, e.label, e.position])]);
      if (o.out === undefined) {
        process.stdout.write(csv);
        return;
      }
      writeFileSync(o.out, csv);
      printSummary(result);
      console.log(`共 ${result.order.length} 项，结果已写入 ${o.out}`);
    });
  inputs(draw.command("verify").description("验证：由公布的输入重算，并与公布的结果逐项比对"))
    .requiredOption("--result <file>", "公布的结果 CSV（名次,名单项,位置值）")
    .action((raw: unknown) => {
      const o = parseOptions(VerifyOptions, raw);
      const result = compute(o);
      const problems = compareWithPublished(
        result,
        publishedRows(readCsv(readText(o.result, "结果")).records),
      );
      printSummary(result);
      if (problems.length > 0) {
        throw new AppError("validation-failed", `验证不通过：\n  ${problems.slice(0, 20).join("\n  ")}`);
      }
      console.log(`验证通过：${result.order.length} 项的名次与重算结果一致`);
    });
  draw
    .command("commit")
    .description("抽签前生成密钥与哈希链：公布最后一环作为承诺值，抽签时揭示前一环")
    .requiredOption("--out <file>", "哈希链写入该文件（含密钥，抽签前勿外传）")
    .option("--rounds <n>", "哈希链长度", "10")
    .action((raw: unknown) => {
      const o = parseOptions(CommitOptions, raw);
      const secret = randomBytes(32).toString("hex");
      const chain = hashChain(secret, o.rounds);
      writeFileSync(o.out, `${[secret, ...chain].join("\n")}\n`, { mode: 0o600 });
      console.log(`承诺值（请公布）：${chain.at(-1) ?? ""}`);
      console.log(`抽签时揭示：${o.out} 倒数第二行（--reveal）`);
    });
  return draw;
}
