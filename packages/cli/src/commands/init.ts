import { createInterface } from "node:readline";
import { Command } from "commander";
import { z } from "zod";
import { DivisionCodeInput, Login } from "@luoshi/contracts";
import {
  AppError,
  DIVISION_SOURCE,
  discardSetupToken,
  initJurisdiction,
  listDivisions,
} from "@luoshi/server";
import { cliActor, withServices } from "../context.ts";
import { parseOptions } from "../options.ts";

const InitOptions = z.object({
  division: DivisionCodeInput,
  admin: Login,
  adminName: z.string().trim().min(1, { error: "请用 --admin-name 给出系统管理员姓名" }).max(50),
  passwordStdin: z.boolean().optional(),
});

const LEVEL_LABELS = { province: "省", city: "市", county: "县（区）", township: "乡镇（街道）" } as const;

/** The first line of standard input (the password, piped in so that it never shows on screen). */
async function readStdinLine(): Promise<string> {
  const lines = createInterface({ input: process.stdin, terminal: false });
  for await (const line of lines) {
    lines.close();
    return line;
  }
  return "";
}

/**
 * The administrator's password: one line on standard input with --password-stdin, else the
 * LUOSHI_ADMIN_PASSWORD environment variable (read here only: it is this command's input, not
 * configuration). Never an option, which would land in the shell history.
 */
async function adminPassword(fromStdin: boolean): Promise<string> {
  const password = fromStdin ? await readStdinLine() : (process.env.LUOSHI_ADMIN_PASSWORD ?? "");
  if (password === "") {
    throw new AppError(
      "validation-failed",
      "请给出系统管理员口令：用 --password-stdin 从标准输入读一行，或设置环境变量 LUOSHI_ADMIN_PASSWORD",
    );
  }
  return password;
}

/** `luoshi init --division <code> --admin <login> --admin-name <name>`. */
export function initCommand(): Command {
  return new Command("init")
    .description(
      "初始化本单位辖区：按行政区划代码建立县（区）、乡镇（街道）、教育局及其股室，并创建系统管理员",
    )
    .requiredOption("--division <code>", "行政区划代码：省（62）、市（6208）或县（区）（620802）")
    .requiredOption("--admin <login>", "系统管理员登录名")
    .requiredOption("--admin-name <name>", "系统管理员姓名")
    .option("--password-stdin", "从标准输入读取系统管理员口令（一行）；否则读环境变量 LUOSHI_ADMIN_PASSWORD")
    .action(async (raw: unknown) => {
      const o = parseOptions(InitOptions, raw);
      const password = await adminPassword(o.passwordStdin === true);
      await withServices(async (deps) => {
        const r = await initJurisdiction(
          deps,
          { divisionCode: o.division, admin: { login: o.admin, displayName: o.adminName, password } },
          cliActor(),
        );
        discardSetupToken(deps.config.dataDir);
        const j = r.jurisdiction;
        console.log(`已初始化辖区：${j.fullName}（${j.code}，${LEVEL_LABELS[j.level]}级）`);
        console.log(
          `  县（区）${r.counts.counties} 个，乡镇（街道）${r.counts.townships} 个，部门及股室 ${r.counts.departments} 个，共 ${r.counts.units} 个单位`,
        );
        console.log(`  区划数据：${r.divisionSource}`);
        console.log(`已创建系统管理员：${r.admin.login}（${r.admin.displayName}，${r.admin.orgUnitName}）`);
        const county = j.level === "county" ? j.code : "<县（区）代码>";
        console.log(
          [
            "",
            "下一步：",
            `  1. 导入学校名录（先预览，再加 --apply）：luoshi units import 学校名录.xlsx --county ${county}`,
            `  2. 为各学校开通账号：luoshi user bulk --unit ${j.code} --kinds school --out 初始账号.xlsx`,
            `  3. 导入统计数据：luoshi stats import 统计.xlsx --year <年度> --unit ${j.code}`,
            "  4. 启动服务：luoshi serve",
          ].join("\n"),
        );
      });
    });
}

/** `luoshi divisions [code]`: the divisions below a code (provinces without one), to find one's own. */
export function divisionsCommand(): Command {
  return new Command("divisions")
    .description("列出行政区划代码：不带参数列出各省，带代码列出其下级")
    .argument("[code]", "上级行政区划代码（如 62、6208、620802）")
    .action((code: string | undefined) => {
      const items = listDivisions(code);
      for (const d of items) {
        console.log(`${d.code}  ${d.name}  ${LEVEL_LABELS[d.level]}`);
      }
      console.log(`共 ${items.length} 个（区划数据：${DIVISION_SOURCE}）`);
    });
}
