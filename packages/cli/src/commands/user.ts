import { closeSync, openSync, rmSync, writeSync } from "node:fs";
import { extname, resolve } from "node:path";
import { Command } from "commander";
import { z } from "zod";
import { chinaDate, writeCsv } from "@luoshi/common";
import { BULK_ACCOUNT_KIND_VALUES, Login, RoleCode } from "@luoshi/contracts";
import { orgUnitRepo, userRepo } from "@luoshi/db";
import {
  BULK_ACCOUNT_KIND_LABELS,
  BULK_SKIP_LABELS,
  isSensitivity,
  ROLE_LABELS,
  ROLES,
  SENSITIVITY_LABELS,
} from "@luoshi/domain/auth";
import {
  AppError,
  createBulkAccounts,
  createUser,
  dormantAccounts,
  INITIAL_ACCOUNT_HEADERS,
  initialAccountRows,
  initialAccountsXlsx,
  listUsers,
  resetPassword,
  resetSecondFactor,
  setClearance,
} from "@luoshi/server";
import { cliActor, withServices } from "../context.ts";
import { parseOptions } from "../options.ts";

const AddOptions = z.object({
  login: Login,
  name: z.string().trim().min(1, { error: "请用 --name 给出姓名" }).max(50),
  role: RoleCode,
  unit: z.string().min(2, { error: "请用 --unit 给出所属单位代码" }),
});

const BulkOptions = z.object({
  unit: z.string().min(2, { error: "请用 --unit 给出单位代码" }),
  kinds: z
    .string()
    .transform((k) => [...new Set(k.split(",").map((s) => s.trim()))])
    .pipe(z.array(z.enum(BULK_ACCOUNT_KIND_VALUES, { error: "只能是 school、department" })).min(1)),
  out: z
    .string()
    .regex(/\.(xlsx|csv)$/i, { error: "文件名应以 .xlsx 或 .csv 结尾" })
    .transform((p) => resolve(p)),
});

/**
 * Opens the output file before any account is made (mode 600, never over an existing file): a path that
 * cannot be written must not cost the only copy of the passwords.
 */
function openPrivateFile(path: string): number {
  try {
    return openSync(path, "wx", 0o600);
  } catch (error) {
    const reason =
      (error as NodeJS.ErrnoException).code === "EEXIST" ? "文件已存在，请换一个文件名" : String(error);
    throw new AppError("validation-failed", `--out：无法新建 ${path}：${reason}`);
  }
}

/** `luoshi user bulk`: 批量开通账号, the passwords written only to the file. */
function bulkCommand(): Command {
  return new Command("bulk")
    .description(
      "批量开通账号：为单位下每所学校、每个责任单位开通一个账号，初始密码只写入 --out 文件（首次登录须修改）",
    )
    .requiredOption("--unit <code>", "单位代码（县区、乡镇或学校的代码）")
    .option(
      "--kinds <kinds>",
      "开通哪些单位：school（学校）、department（责任单位），逗号分隔",
      "school,department",
    )
    .requiredOption("--out <file>", "初始账号文件（.xlsx 或 .csv），权限 600，不覆盖已有文件")
    .action(async (raw: unknown) => {
      const o = parseOptions(BulkOptions, raw);
      await withServices(async (deps) => {
        const unit = await orgUnitRepo.findByCode(deps.handle.db, o.unit);
        if (unit === undefined) {
          throw new AppError("validation-failed", `--unit：没有代码为 ${o.unit} 的单位`);
        }
        const fd = openPrivateFile(o.out);
        let written = false;
        try {
          const actor = { ...cliActor(), role: "systemAdmin" as const };
          const result = await createBulkAccounts(deps, actor, { unitId: unit.id, kinds: o.kinds });
          const now = deps.now();
          const bytes =
            extname(o.out).toLowerCase() === ".csv"
              ? Buffer.from(
                  writeCsv([INITIAL_ACCOUNT_HEADERS, ...initialAccountRows(result.accounts)]),
                  "utf8",
                )
              : await initialAccountsXlsx(unit.name, result.accounts, now);
          writeSync(fd, bytes);
          written = true;
          const byKind = o.kinds.map(
            (k) => `${BULK_ACCOUNT_KIND_LABELS[k]} ${result.accounts.filter((a) => a.kind === k).length} 个`,
          );
          console.log(`已为“${unit.name}”开通 ${result.accounts.length} 个账号（${byKind.join("，")}）`);
          const reasons = Object.entries(BULK_SKIP_LABELS)
            .map(
              ([reason, label]) => [label, result.skipped.filter((s) => s.reason === reason).length] as const,
            )
            .filter(([, n]) => n > 0)
            .map(([label, n]) => `${label} ${n} 个`);
          if (reasons.length > 0) {
            console.log(`跳过 ${result.skipped.length} 个单位：${reasons.join("；")}`);
          }
          console.log(`初始账号文件：${o.out}（仅此一份，系统不保存初始密码；请安全分发后删除）`);
        } finally {
          closeSync(fd);
          if (!written) {
            rmSync(o.out, { force: true });
          }
        }
      });
    });
}

/** `luoshi user add|list|reset-password|bulk`. */
export function userCommand(): Command {
  const user = new Command("user").description("用户管理 — accounts");
  user
    .command("add")
    .description("新建用户，打印一次性临时口令（首次登录须修改）")
    .requiredOption("--login <login>", "登录名")
    .requiredOption("--name <name>", "姓名")
    .requiredOption("--role <role>", `角色：${ROLES.map((r) => `${r}（${ROLE_LABELS[r]}）`).join("、")}`)
    .requiredOption("--unit <code>", "所属单位代码（行政区划代码、学校标识码或部门代码）")
    .action(async (raw: unknown) => {
      const o = parseOptions(AddOptions, raw);
      await withServices(async (deps) => {
        const unit = await orgUnitRepo.findByCode(deps.handle.db, o.unit);
        if (unit === undefined) {
          throw new AppError("validation-failed", `--unit：没有代码为 ${o.unit} 的单位`);
        }
        const { user: created, temporaryPassword } = await createUser(deps, cliActor(), {
          login: o.login,
          displayName: o.name,
          role: o.role,
          orgUnitId: unit.id,
        });
        console.log(`已创建用户 ${created.login}（${ROLE_LABELS[o.role]}，${unit.name}）`);
        console.log(`临时口令：${temporaryPassword}（仅显示这一次，首次登录须修改）`);
      });
    });
  user
    .command("list")
    .description("列出用户")
    .action(async () => {
      await withServices(async (deps) => {
        const { rows } = await listUsers(deps, { ...cliActor(), role: "systemAdmin" });
        for (const u of rows) {
          console.log(
            [
              u.login.padEnd(14),
              u.display_name.padEnd(8),
              ROLE_LABELS[u.role].padEnd(10),
              u.org_unit_name,
            ].join(" "),
          );
        }
        console.log(`共 ${rows.length} 个用户`);
      });
    });
  user
    .command("reset-password")
    .description("重置口令：生成临时口令，结束该用户所有会话")
    .argument("<login>", "登录名")
    .action(async (login: string) => {
      await withServices(async (deps) => {
        const found = await userRepo.findByLogin(deps.handle.db, login);
        if (found === undefined) {
          throw new AppError("not-found", `没有登录名为 ${login} 的用户`);
        }
        const { temporaryPassword } = await resetPassword(
          deps,
          { ...cliActor(), role: "systemAdmin" },
          found.id,
        );
        console.log(`已重置 ${login} 的口令。临时口令：${temporaryPassword}（首次登录须修改）`);
      });
    });
  user
    .command("dormant")
    .description(
      "清查长期未用账号：列出超过 LUOSHI_DORMANT_DAYS 天（默认 90）未登录的在用账号；加 --apply 一并停用",
    )
    .option("--apply", "停用列出的账号并结束其会话（记入审计日志）", false)
    .action(async (raw: { apply: boolean }) => {
      await withServices(async (deps) => {
        const result = await dormantAccounts(
          deps,
          { ...cliActor(), role: "systemAdmin" },
          {
            apply: raw.apply,
          },
        );
        for (const a of result.accounts) {
          console.log(
            [
              a.login.padEnd(14),
              a.displayName.padEnd(8),
              ROLE_LABELS[a.role].padEnd(10),
              a.orgUnitName.padEnd(12),
              `最后活动 ${chinaDate(a.lastActiveAt)}`,
            ].join(" "),
          );
        }
        const verb = result.disabled ? "已停用" : "未停用（加 --apply 停用）";
        console.log(
          result.accounts.length === 0
            ? `没有超过 ${result.days} 天未使用的在用账号`
            : `共 ${result.accounts.length} 个账号超过 ${result.days} 天未使用，${verb}`,
        );
      });
    });
  user
    .command("clearance")
    .description("设置许可级别（安全标记）：general（一般）、sensitive（敏感）、highly-sensitive（高敏）")
    .argument("<login>", "登录名")
    .argument("<level>", "许可级别")
    .action(async (login: string, level: string) => {
      if (!isSensitivity(level)) {
        throw new AppError(
          "validation-failed",
          `许可级别只能是 general、sensitive、highly-sensitive：${level}`,
        );
      }
      await withServices(async (deps) => {
        const found = await userRepo.findByLogin(deps.handle.db, login);
        if (found === undefined) {
          throw new AppError("not-found", `没有登录名为 ${login} 的用户`);
        }
        await setClearance(deps, cliActor(), found.id, level);
        console.log(`已将 ${login} 的许可级别设为“${SENSITIVITY_LABELS[level]}”`);
      });
    });
  user
    .command("reset-totp")
    .description("重置双因素认证（手机丢失且恢复码用完时）：删除该账号的动态口令密钥和恢复码并结束其会话")
    .argument("<login>", "登录名")
    .action(async (login: string) => {
      await withServices(async (deps) => {
        await resetSecondFactor(deps, cliActor(), login);
        console.log(`已重置 ${login} 的双因素认证；该账号下次登录后须重新绑定动态口令`);
      });
    });
  user.addCommand(bulkCommand());
  return user;
}
