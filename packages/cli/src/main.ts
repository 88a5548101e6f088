import { Command, CommanderError } from "commander";
import { AppError } from "@luoshi/server";
import { auditCommand } from "./commands/audit.ts";
import { backupCommand, restoreCommand } from "./commands/backup.ts";
import { demo } from "./commands/demo.ts";
import { drawCommand } from "./commands/draw.ts";
import { importCommand, parseCommand } from "./commands/documents.ts";
import { evaluateCommand } from "./commands/evaluate.ts";
import { indicatorsCommand } from "./commands/indicators.ts";
import { divisionsCommand, initCommand } from "./commands/init.ts";
import { migrateCommand } from "./commands/migrate.ts";
import { piiCommand } from "./commands/pii.ts";
import { serve } from "./commands/serve.ts";
import { statsCommand } from "./commands/stats.ts";
import { demoDropout, demoRegistry, registryCommand } from "./commands/registry.ts";
import { attendanceCommand, demoAttendance } from "./commands/attendance.ts";
import { unitsCommand } from "./commands/units.ts";
import { userCommand } from "./commands/user.ts";

const program = new Command("luoshi")
  .description("落实 — 教育政策落实监测平台 (education policy into tracked, measured, judged work)")
  .version("0.1.0")
  .exitOverride();

program
  .command("serve")
  .description("启动 Web 与 API 服务")
  .option("--demo", "数据库为空时载入演示县（平凉市崆峒区）并打印演示账号")
  .option("--port <port>", "端口（缺省 3000，或环境变量 PORT）")
  .action(serve);
program.addCommand(initCommand());
program.addCommand(divisionsCommand());
program
  .command("demo")
  .description(
    "创建数据目录并载入演示县；luoshi demo registry 再载入演示学籍（约 8.6 万名合成学生）和一个学期的演示考勤；luoshi demo dropout 再载入演示控辍数据",
  )
  .argument(
    "[what]",
    "registry：载入演示学籍与考勤；attendance：只生成演示考勤；dropout：载入演示适龄比对与控辍案件",
  )
  .action(async (what: string | undefined) => {
    if (what === undefined) {
      await demo();
    } else if (what === "registry") {
      await demoRegistry();
      await demoAttendance();
    } else if (what === "attendance") {
      await demoAttendance();
    } else if (what === "dropout") {
      await demoDropout();
    } else {
      throw new AppError(
        "validation-failed",
        `luoshi demo ${what}：未知的演示数据，可用 registry、attendance 或 dropout`,
      );
    }
  });
program.command("migrate").description("执行数据库迁移").action(migrateCommand);
program.addCommand(userCommand());
program.addCommand(auditCommand());
program.addCommand(backupCommand());
program.addCommand(restoreCommand());
program.addCommand(evaluateCommand());
program.addCommand(parseCommand());
program.addCommand(importCommand());
program.addCommand(statsCommand());
program.addCommand(registryCommand());
program.addCommand(attendanceCommand());
program.addCommand(indicatorsCommand());
program.addCommand(unitsCommand());
program.addCommand(piiCommand());
program.addCommand(drawCommand());

try {
  await program.parseAsync(process.argv);
} catch (error) {
  if (error instanceof CommanderError) {
    process.exitCode = error.exitCode;
  } else if (error instanceof AppError) {
    console.error(`错误（${error.code}）：${error.message}`);
    process.exitCode = 1;
  } else {
    throw error;
  }
}
