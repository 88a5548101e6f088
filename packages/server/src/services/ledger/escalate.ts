import { chinaDate } from "@luoshi/common";
import {
  ESCALATION_LABELS,
  escalationSteps,
  isSupervised,
  lightOf,
  type EscalationLevel,
} from "@luoshi/domain/ledger";
import { escalationRepo, inTransaction, notificationRepo } from "@luoshi/db";
import type { Actor, ServiceDeps } from "../../context.ts";
import { recordAudit } from "../audit/audit.service.ts";
import { authorize } from "../access/authorize.ts";
import { ledgerData } from "./ledger-data.ts";
import { bureauOwner, settingsOf } from "./ledger-settings.ts";

/** How many records of each level a run wrote, and the reminders it sent. */
export type EscalationRun = Record<EscalationLevel, number> & { notifications: number };

const NOTE: Record<EscalationLevel, (unit: string) => string> = {
  urge: (unit) => `已向${unit}发出催办单`,
  notice: (unit) => `已向${unit}发出督办通知单，列为红灯督办`,
  interview: (unit) => `约谈${unit}主要负责人，责令限期整改；整改不到位的按规定问责`,
};

/**
 * 运行督办升级: for every open task of the jurisdiction, the steps its light on today earns
 * (`escalationSteps`), each written once — a record in the task's 督办记录 and a reminder to the lead
 * unit in the notifications table, both keyed so that running again adds nothing. Audited with counts.
 */
export async function runEscalation(deps: ServiceDeps, actor: Actor): Promise<EscalationRun> {
  authorize(actor, "task.review");
  const owner = await bureauOwner(deps, actor);
  const { db } = deps.handle;
  const today = chinaDate(deps.now());
  const settings = await settingsOf(db, owner);
  const d = await ledgerData(deps, actor, new Date(deps.now().getTime() - 400 * 86_400_000));
  const names = new Map(d.units.map((u) => [u.id, u.name]));
  const reportsOf = Map.groupBy(d.reports, (r) => r.taskId);
  const rows = d.tasks
    .filter((t) => isSupervised(t, today))
    .flatMap((t) => {
      const light = lightOf(t, today, reportsOf.get(t.id) ?? []);
      const unit = names.get(t.leadUnit) ?? "";
      return escalationSteps(t, light, today, {
        interviewAfterWorkingDays: settings.interviewAfterWorkingDays,
      }).map((s) => ({
        title: t.title,
        dedupe_key: s.key,
        record: {
          task_id: t.id,
          org_unit_id: t.leadUnit,
          level: s.level,
          dedupe_key: s.key,
          reason: s.reason,
          due_day: s.dueDay,
          subject: s.level === "interview" ? `${unit}主要负责人` : null,
          note: NOTE[s.level](unit),
          created_by: actor.userId,
          created_at: deps.now(),
        },
      }));
    });
  return inTransaction(db, async (trx) => {
    const written = await escalationRepo.insertNew(
      trx,
      rows.map((r) => r.record),
    );
    const titles = new Map(rows.map((r) => [r.dedupe_key, r.title]));
    const notifications = await notificationRepo.insert(
      trx,
      written.map((e) => ({
        org_unit_id: e.org_unit_id,
        task_id: e.task_id,
        kind: `escalation-${e.level}`,
        text: `【${ESCALATION_LABELS[e.level as EscalationLevel]}】“${titles.get(e.dedupe_key) ?? ""}”：${e.reason}`,
        created_by: actor.userId,
        created_at: deps.now(),
        dedupe_key: `escalation:${e.dedupe_key}`,
      })),
    );
    const run: EscalationRun = {
      urge: written.filter((e) => e.level === "urge").length,
      notice: written.filter((e) => e.level === "notice").length,
      interview: written.filter((e) => e.level === "interview").length,
      notifications,
    };
    await recordAudit(trx, actor, {
      action: "ledger.escalate",
      entityType: "task_escalation",
      entityId: today,
      details: { ...run, alreadyRecorded: rows.length - written.length },
    });
    return run;
  });
}
