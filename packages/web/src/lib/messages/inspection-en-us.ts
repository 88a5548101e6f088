import type { inspectionZhCN } from "./inspection-zh-cn.ts";

/** 督导 — English strings. */
export const inspectionEnUS: Record<keyof typeof inspectionZhCN, string> = {
  "nav.inspection": "Inspection",
  "inspection.title": "School inspectors (责任督学)",
  "inspection.tabCards": "School signs",
  "inspection.tabRoster": "Inspector roster",
  "inspection.rosterHint":
    "Each inspector looks after about {ratio} schools; an inspector sees only the schools of their zone.",
  "inspection.schoolsWithout": "{count} schools have no inspector yet",
  "inspection.unrostered": "Inspector accounts not on the roster:",
  "inspection.addToRoster": "Add to roster: {name}",
  "inspection.noInspectors": "No inspectors on the roster yet",
  "inspection.name": "Name",
  "inspection.kind": "Kind",
  "inspection.kind.fullTime": "Full-time inspector",
  "inspection.kind.partTime": "Part-time inspector",
  "inspection.zone": "Inspection zone",
  "inspection.schools": "Schools of the zone",
  "inspection.overRatio": "{count} over",
  "inspection.phone": "Phone",
  "inspection.duties": "Duties",
  "inspection.dutiesHint": "One per line; left empty, the sign prints the default duties.",
  "inspection.edit": "Edit",
  "inspection.editTitle": "Inspector: {name}",
  "inspection.save": "Save",
  "inspection.saved": "Saved",
  "inspection.cardTitle": "{school}: school inspector sign",
  "inspection.printCard": "Download sign (Word)",
  "inspection.noInspector":
    "No inspector has been named for this school yet; please contact the inspection office.",
  "inspection.noInspectorShort": "No inspector",
  "inspection.responsible": "Inspector",
  "inspection.matters": "What the inspector checks",
  "inspection.openCard": "Open sign",
  "inspection.noSchools": "There are no schools in your scope",
};
