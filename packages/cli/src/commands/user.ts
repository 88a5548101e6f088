import { Command } from "commander";
import { z } from "zod";
import { Login, RoleCode } from "@luoshi/contracts";
import { orgUnitRepo, userRepo } from "@luoshi/db";
import { ROLE_LABELS, ROLES } from "@luoshi/domain/auth";
import { AppError, createUser, listUsers, resetPassword } from "@luoshi/server";
import { cliActor, withServices } from "../context.ts";
import { parseOptions } from "../options.ts";

const AddOptions = z.object({
  login: Login,
  name: z.string().trim().min(1, { error: "请用 --name 给出姓名" }).max(50),
  role: RoleCode,
  unit: z.string().min(2, { error: "请用 --unit 给出所属单位代码" }),
});

/** `luoshi user add|list|reset-password`. */
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
  return user;
}
