/** 批量开通账号 — the Chinese source strings, spread into the main dictionary. */
export const usersBulkZhCN = {
  "users.bulk": "批量开通账号",
  "users.bulkTitle": "批量开通账号",
  "users.bulkUnit": "单位",
  "users.bulkUnitPlaceholder": "选择县区、乡镇或学校",
  "users.bulkKinds": "为哪些单位开通",
  "users.bulkKind.school": "学校",
  "users.bulkKind.department": "责任单位",
  "users.bulkRule":
    "每所学校、每个责任单位开通一个账号，登录名为单位代码，初始密码随机生成，首次登录须修改。教育局及其股室（局内人员使用个人账号）、已撤销的单位和已有账号的单位不开通。",
  "users.bulkSummary": "将开通 {count} 个账号，跳过 {skipped} 个单位",
  "users.bulkUnitName": "单位名称",
  "users.bulkSubmit": "开通并下载",
  "users.bulkDone": "已开通 {count} 个账号，初始账号文件已下载。",
  "users.bulkOnce":
    "文件只提供这一次，系统不保存初始密码，也无法再次下载。请通过安全渠道分发给各单位联系人，分发后删除文件；遗失的请逐个重置口令。",
  "users.bulkClose": "我已妥善保存",
} as const;
