import { readFileSync, statSync } from "node:fs";
import { Command } from "commander";
import { z } from "zod";
import {
  balanceResultToJson,
  evaluateResources,
  formatDifferenceCoefficient,
  parseBalanceCsv,
  RULE_SETS,
  TEACHING_POINT_POLICIES,
  type ResourceEvaluation,
  type TeachingPointPolicy,
} from "@luoshi/domain/evaluation";
import { hasErrors, type Issue } from "@luoshi/domain";
import { orgUnitRepo } from "@luoshi/db";
import { AppError, evaluateBalance } from "@luoshi/server";
import { cliActor, withServices } from "../context.ts";
import { parseOptions } from "../options.ts";

const BalanceOptions = z
  .object({
    schools: z.string().min(1).optional(),
    org: z.string().min(2).optional(),
    year: z.coerce
      .number({ error: "--year 应为统计年度，如 2024" })
      .int({ error: "--year 应为四位年份" })
      .min(2000, { error: "--year 应为 2000–2100 的年份" })
      .max(2100, { error: "--year 应为 2000–2100 的年份" })
      .optional(),
    json: z.boolean().optional(),
    policy: z.enum(TEACHING_POINT_POLICIES).optional(),
    ruleSet: z.string().optional(),
  })
  .refine((o) => (o.schools === undefined) !== (o.org === undefined), {
    error: "请用 --schools 给出学校数据 CSV 文件，或用 --org 与 --year 评估已导入的统计数据（二选一）",
  })
  .refine((o) => o.org === undefined || o.year !== undefined, {
    error: "请用 --year 给出统计年度，如 2024",
    path: ["year"],
  });

/** Reads a CSV or fails naming the file. */
function readCsv(file: string): string {
  try {
    if (statSync(file).size > 50 * 1024 * 1024) {
      throw new AppError("validation-failed", `${file}：文件超过 50 MB`);
    }
    return readFileSync(file, "utf8");
  } catch (error) {
    if (error instanceof AppError) {
      throw error;
    }
    throw new AppError("validation-failed", `${file}：无法读取文件（${(error as Error).message}）`);
  }
}

function where(file: string, i: Issue): string {
  const parts = [
    file,
    i.where?.row === undefined ? "" : `第 ${i.where.row} 行`,
    i.where?.column ?? i.where?.field ?? "",
  ];
  return parts.filter((p) => p !== "").join("，");
}

function printTable(result: ResourceEvaluation): void {
  const names = ["高学历教师", "骨干教师", "体艺教师", "教辅用房", "运动场馆", "仪器设备", "多媒体教室"];
  for (const level of ["primary", "junior"] as const) {
    const l = result.levels[level];
    console.log(`\n${level === "primary" ? "小学" : "初中"}（${l.schoolCount} 所）差异系数：`);
    Object.values(l.indicators).forEach((s, k) => {
      console.log(
        `  ${names[k] ?? ""}\t${formatDifferenceCoefficient(s.cv)}\t${s.isCvPass ? "达标" : "未达标"}`,
      );
    });
  }
  const failing = result.schools.filter((s) => !s.isPass);
  console.log(`\n未达到校际标准的学校：${failing.length} 所`);
  for (const s of failing) {
    console.log(
      `  ${s.code} ${s.name}（${s.level === "primary" ? "小学部" : "初中部"}）达标 ${s.metCount}/7`,
    );
  }
  console.log(
    `\n资源配置评估结论：${result.isResourcePass ? "达标" : "未达标"}（规则集 ${result.ruleSet.id} ${result.ruleSet.version}，教学点：${result.teachingPointPolicy}）`,
  );
}

/** 资源配置 of the schools in a CSV; warnings go to stderr, errors refuse the file naming row and column. */
function evaluateCsv(
  file: string,
  policy: TeachingPointPolicy,
  ruleSet: (typeof RULE_SETS)[number] | undefined,
): ResourceEvaluation {
  const { schools, issues } = parseBalanceCsv(readCsv(file));
  if (hasErrors(issues)) {
    const lines = issues
      .filter((i) => i.severity === "error")
      .map((i) => `  ${where(file, i)}：${i.message}`);
    throw new AppError("validation-failed", `学校数据有误，未作评估：\n${lines.join("\n")}`);
  }
  const result = evaluateResources(schools, {
    teachingPointPolicy: policy,
    ...(ruleSet === undefined ? {} : { ruleSet }),
  });
  for (const i of [...issues, ...result.issues].filter((x) => x.severity !== "error")) {
    console.error(`提示：${where(file, i)}：${i.message}`);
  }
  return result;
}

/** 资源配置 of a county's schools from the statistics stored for `year`, as the web page computes it. */
async function evaluateStored(
  code: string,
  year: number,
  policy: TeachingPointPolicy | undefined,
  ruleSetId: string | undefined,
): Promise<ResourceEvaluation> {
  return withServices(async (deps) => {
    const unit = await orgUnitRepo.findByCode(deps.handle.db, code);
    if (unit === undefined) {
      throw new AppError("validation-failed", `--org：没有代码为 ${code} 的单位`);
    }
    const actor = { ...cliActor(), role: "leader" as const };
    const county = await evaluateBalance(deps, actor, {
      orgUnitId: unit.id,
      year,
      ...(policy === undefined ? {} : { policy }),
      ...(ruleSetId === undefined ? {} : { ruleSetId }),
    });
    for (const i of county.issues.filter((x) => x.severity !== "error")) {
      console.error(`提示：${i.message}`);
    }
    return county.evaluation;
  });
}

/**
 * `luoshi evaluate balance --schools FILE.csv | --org CODE --year YEAR [--json]`: 优质均衡 资源配置 from a
 * school CSV or from the statistics stored for a county.
 */
export function evaluateCommand(): Command {
  const evaluate = new Command("evaluate").description("督导评估 — supervision evaluations");
  evaluate
    .command("balance")
    .description("义务教育优质均衡：资源配置 7 项指标、校际差异系数、每校达标情况")
    .option("--schools <file>", "学校数据 CSV（表头见 README）")
    .option("--org <code>", "评估已导入的统计数据：县（区）的行政区划代码，如 620802")
    .option("--year <year>", "与 --org 一起：统计年度，如 2024")
    .option("--json", "以 JSON 输出（供程序使用）")
    .option("--policy <policy>", `教学点处理：${TEACHING_POINT_POLICIES.join(" | ")}（缺省 include）`)
    .option("--rule-set <id>", `规则集：${RULE_SETS.map((r) => r.id).join(" | ")}（缺省国家标准）`)
    .action(async (raw: unknown) => {
      const o = parseOptions(BalanceOptions, raw);
      const ruleSet = o.ruleSet === undefined ? undefined : RULE_SETS.find((r) => r.id === o.ruleSet);
      if (o.ruleSet !== undefined && ruleSet === undefined) {
        throw new AppError("validation-failed", `--rule-set：没有规则集 ${o.ruleSet}`);
      }
      const result =
        o.org === undefined
          ? evaluateCsv(o.schools ?? "", o.policy ?? "include", ruleSet)
          : await evaluateStored(o.org, o.year ?? 0, o.policy, o.ruleSet);
      if (o.json === true) {
        console.log(balanceResultToJson(result));
      } else {
        printTable(result);
      }
    });
  return evaluate;
}
