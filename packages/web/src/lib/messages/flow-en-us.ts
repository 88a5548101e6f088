import type { flowZhCN } from "./flow-zh-cn.ts";

/** 消息, 工作台, 会签, edit and batch creation in English; must carry every key of the Chinese strings. */
export const flowEnUS: Record<keyof typeof flowZhCN, string> = {
  "inbox.bell": "Messages",
  "inbox.bellUnread": "Messages ({count} unread)",
  "inbox.title": "Messages",
  "inbox.all": "All",
  "inbox.unreadOnly": "Unread",
  "inbox.markAll": "Mark all read",
  "inbox.markRead": "Mark read",
  "inbox.read": "Read",
  "inbox.counts": "{total} in all, {unread} unread",
  "inbox.empty":
    "No messages yet: assignments, reminders, returns, instructions and sign-off requests arrive here.",
  "inbox.emptyUnread": "No unread messages.",

  "workbench.title": "To do",
  "workbench.empty":
    "Nothing to do: no task to assign, sign for, report on, co-sign or review, no red light and no unread message.",

  "cosign.title": "Co-unit sign-off",
  "cosign.noFinal":
    "Once the lead unit files its final report (consolidated, 100%), each co-unit signs it here.",
  "cosign.confirmed": "Agreed",
  "cosign.objected": "Objected",
  "cosign.pending": "Not signed",
  "cosign.confirm": "Agree",
  "cosign.object": "Object",
  "cosign.note": "Reason for the objection",
  "cosign.done": "Signed",

  "edit.button": "Edit / reassign",
  "edit.title": "Edit or reassign the task",
  "edit.hint":
    "Changing the lead unit reassigns the task: the new lead signs for it again and the old one is told. Changes go into the history.",
  "edit.reason": "Reason",
  "edit.submit": "Save",
  "edit.done": "Saved",

  "batch.crumb": "Create tasks",
  "batch.title": "Create tasks: {plan}",
  "batch.notConfirmed": "Tasks can be created once the plan is confirmed.",
  "batch.noItems": "No task items were found in this plan; mark them while reviewing the plan.",
  "batch.setAll": "Set for all (applies to the ticked items)",
  "batch.applyAll": "Apply to ticked",
  "batch.allLead": "Lead unit",
  "batch.allCo": "Co-units",
  "batch.allDeadline": "Deadline",
  "batch.acceptDays": "Days to sign (working days)",
  "batch.clause": "Item",
  "batch.pick": "Choose item {path}",
  "batch.rowDeadline": "Deadline of item {path}",
  "batch.rowFrequency": "Reporting cycle of item {path}",
  "batch.rowDays": "Days to sign for item {path}",
  "batch.submit": "Create ({count})",
  "batch.missing": "Items {paths} still need a lead unit or a deadline",

  "task.acceptBy": "Sign by",
  "task.acceptWithin": "within {days} working days of assignment",
};
