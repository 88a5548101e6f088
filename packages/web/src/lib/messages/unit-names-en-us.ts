import type { unitNamesZhCN } from "./unit-names-zh-cn.ts";

/** Unit name review — English strings. */
export const unitNamesEnUS: Record<keyof typeof unitNamesZhCN, string> = {
  "unitNames.tab": "Unit names",
  "unitNames.hint":
    "Each unit name in the document is checked once: choosing its unit ties every item that writes it. Collective names (各乡镇, 各学校 …) stand for unit groups, and batch creation makes one task per member; renamed agencies (国土局 → 自然资源局) resolve through the rename table.",
  "unitNames.empty": "No item of this document names a responsible unit; nothing to check.",
  "unitNames.name": "Name as written",
  "unitNames.items": "Items",
  "unitNames.resolution": "Resolved as",
  "unitNames.unit": "Unit (all items)",
  "unitNames.groupMembers": "Unit group “{name}”, {count} members",
  "unitNames.groupEmpty": "Unit group “{name}” has no members in this area; adjust the unit name rules",
  "unitNames.mapped": "“{name}” mapped on {count} items",
  "unitNames.readOnly": "The plan is confirmed; unit mappings can no longer change.",
};
