/** 单位名称核对 (a plan's unit names resolved once) — Chinese source strings. */
export const unitNamesZhCN = {
  "unitNames.tab": "单位名称核对",
  "unitNames.hint":
    "文件中出现的每个单位名称只需核对一次：选择对应单位后，该名称所在的全部条目一并对应。“各乡镇”“各学校”等统称按单位组分解，批量立项时为每个成员单位各立一项任务；已更名的机构（如国土局→自然资源局）按更名表自动对应。",
  "unitNames.empty": "这份文件的条目中没有列出责任单位，无需核对。",
  "unitNames.name": "原文名称",
  "unitNames.items": "条目数",
  "unitNames.resolution": "对应情况",
  "unitNames.unit": "对应单位（全部条目）",
  "unitNames.groupMembers": "单位组“{name}”，{count} 个成员单位",
  "unitNames.groupEmpty": "单位组“{name}”在本辖区没有成员单位，请在单位名称规则中调整",
  "unitNames.mapped": "已将“{name}”统一对应（{count} 个条目）",
  "unitNames.readOnly": "规划已确认，单位对应不能再修改。",
} as const;
