import type { registryZhCN } from "./registry-zh-cn.ts";

/** 单位名录导入 in English; must carry every key of the Chinese strings. */
export const registryEnUS: Record<keyof typeof registryZhCN, string> = {
  "reg.open": "Import school list",
  "reg.title": "Import the school list (education statistics)",
  "reg.hint":
    "Upload the school list of the education statistics (.xlsx or .csv, at most 10 MB), optionally with a 责任单位 sheet. Schools are matched on their school code: existing ones only get the changed fields, never a duplicate; schools missing from the file are listed, not closed. Nothing is written before you confirm.",
  "reg.template": "Download template",
  "reg.county": "County",
  "reg.countyPlaceholder": "Choose the county",
  "reg.drop": "Click or drop the school list here",
  "reg.dropHint": ".xlsx or .csv; the header may be in the first 5 rows",
  "reg.fileType": "Only .xlsx and .csv files",
  "reg.fileTooLarge": "The file is larger than 10 MB",
  "reg.reading": "Reading and comparing…",
  "reg.problemsTitle": "The file has {count} problems; nothing was imported. Fix them and upload again",
  "reg.summary":
    "{file}: {added} new, {changed} changed, {unchanged} unchanged, {missing} missing from the file",
  "reg.added": "New ({count})",
  "reg.changed": "Changed ({count})",
  "reg.missing": "Missing from the file ({count})",
  "reg.missingHint": "These units are in the registry but not in the file; the import does not close them.",
  "reg.row": "Row",
  "reg.code": "Code",
  "reg.name": "Name",
  "reg.parent": "Township / parent",
  "reg.type": "School type",
  "reg.kinds": "Change",
  "reg.fields": "Changes (before → after)",
  "reg.empty": "(empty)",
  "reg.effectiveOn": "Effective on",
  "reg.apply": "Confirm import",
  "reg.discard": "Discard",
  "reg.applied": "Imported: {added} new, {changed} changed (effective {day})",
  "reg.nothing": "The file matches the registry; there is nothing to import",
};
