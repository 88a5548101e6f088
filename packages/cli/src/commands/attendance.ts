import { Command } from "commander";
import { z } from "zod";
import { attendanceRepo } from "@luoshi/db";
import { loadDemoAttendance } from "@luoshi/server";
import { cliActor, withServices } from "../context.ts";
import { parseOptions } from "../options.ts";

const Month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, { error: "月份应写成 YYYY-MM，如 2025-09" });
const PartitionOptions = z.object({ from: Month, to: Month });

/** The last day of a month "YYYY-MM". */
const monthEnd = (m: string): string => {
  const [y, mm] = m.split("-").map(Number) as [number, number];
  return new Date(Date.UTC(y, mm, 0)).toISOString().slice(0, 10);
};

/** `luoshi attendance partitions --from 2025-09 --to 2026-07`: the monthly partitions of daily attendance. */
export function attendanceCommand(): Command {
  const cmd = new Command("attendance").description("学生日考勤（按月分区的考勤表）");
  cmd
    .command("partitions")
    .description("为学生日考勤建好各月分区（报送时也会自动建当月分区），并列出已有分区")
    .requiredOption("--from <month>", "起始月份 YYYY-MM")
    .requiredOption("--to <month>", "截止月份 YYYY-MM")
    .action(async (raw: unknown) => {
      const o = parseOptions(PartitionOptions, raw);
      await withServices(async (deps) => {
        const made = await attendanceRepo.ensurePartitions(deps.handle.db, `${o.from}-01`, monthEnd(o.to));
        const all = await attendanceRepo.partitions(deps.handle.db);
        console.log(`新建分区 ${String(made)} 个；现有分区：${all.join("、")}`);
      });
    });
  return cmd;
}

/** `luoshi demo attendance`: a term of synthetic attendance for the demo registry. */
export async function demoAttendance(): Promise<void> {
  await withServices(async (deps) => {
    const started = performance.now();
    const r = await loadDemoAttendance(deps, cliActor());
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    console.log(
      r.days > 0
        ? `已生成演示考勤：${String(r.days)} 个上学日，${String(r.reports)} 份学校日报，${String(r.absences)} 人次缺勤，${String(r.flags)} 条辍学风险预警（${seconds} 秒）。`
        : "没有演示学籍，或已有考勤数据，未生成演示考勤。",
    );
  });
}
