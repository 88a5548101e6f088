/**
 * The vocabulary of quantities: units, comparator words and the filler words trimmed from metrics.
 * Kept apart from the scanner so extending it is a data change.
 */
import type { Comparator } from "./types.ts";

/** Units that make a bare number a count or amount (longest first). 年 only counts after a verb. */
export const COUNT_UNITS = [
  "个百分点",
  "百分点",
  "平方米",
  "平米",
  "人次",
  "课时",
  "分钟",
  "学时",
  "批次",
  "小时",
  "公里",
  "千米",
  "%",
  "‰",
  "所",
  "个",
  "名",
  "人",
  "元",
  "套",
  "台",
  "间",
  "项",
  "届",
  "次",
  "场",
  "枚",
  "份",
  "亩",
  "张",
  "册",
  "家",
  "处",
  "座",
  "班",
  "支",
  "辆",
  "件",
  "篇",
  "门",
  "节",
  "天",
  "倍",
  "种",
  "条",
  "栋",
  "户",
  "吨",
];
/** Units read only after a comparator verb: 人均受教育年限达到10.8年. */
export const VERB_ONLY_UNITS = ["年", "分", "岁", "米"];
/** Chinese numerals are read only before these units (两届, 一小时, 一次): elsewhere they are idiom. */
export const CHINESE_UNITS = ["小时", "届", "次"];
/** Periods: 每3-5年进行一次 is "at most every five years". */
export const PERIOD_UNITS = ["年", "个月", "月", "周", "天"];
/** 一次 counts only as an event frequency: 举办一次, 开展一次. */
export const EVENT_VERBS = /(?:举办|开展|召开|组织|举行)$/;

/** Comparator words just before a value, checked in order against the text ending at the value. */
export const BEFORE: readonly (readonly [RegExp, Comparator])[] = [
  // 不低于符合条件教师总数的10%: a bound on a share of what follows the verb
  [/(?:不低于|不少于|不小于|至少)[^,;:()]{1,16}的$/, ">="],
  [/(?:不高于|不超过|不多于|最多)[^,;:()]{1,16}的$/, "<="],
  [/(?:不低于|不少于|不小于|至少|最少|≥)[^,;]{0,4}$/, ">="],
  [/(?:不高于|不超过|不多于|最多|≤)[^,;]{0,4}$/, "<="],
  [
    /(?:下降到|降低到|降至|减少到|减少至|提高到|提高至|提升到|提升至|增加到|增加至|增长到|增至|上升到|控制在|保持在|稳定在)$/,
    "=",
  ],
  [/(?:下降|降低|减少|压减)了?$/, "decrease"],
  [/(?:提高|提升|增长|增加|上升|新增)了?$/, "increase"],
  [/(?:超过|高于|多于|大于)$/, ">"],
  [/(?:低于|少于|小于)$/, "<"],
  [/(?:达到|达|实现|为|是)了?$/, "="],
];

/** Words a count's prefix ends with when the thing counted follows the number (建成45所示范校). */
export const LEADING_VERB =
  /(?:建成|建设|创建|完成|新建|改扩建|培养|实施|开展|举办|组织|建立|深化|加快|推进|打造|引进|招聘|培训|资助|办理|发放|投资|累计|共|为|对|分|获|有|设立|配备|更新|评选|表彰|按照|按|以|通过|提供|确保|力争|争取|使|让|保证|推动|达|完成了|建成了|创建了|实施了|举办了|开展了)$/;
/** Words before a metric that are not part of it: 全区, 确保, 到2025年 …  */
export const METRIC_FILLER_START =
  /^(?:其中|全区|全市|全县|全镇|全省|全乡|我区|我市|我县|确保|力争|争取|使|让|推动|保证|保障|和|及|与|并|且|共有|共|现有|累计|目前|分别|同时|以|到\d{4}年(?:底|末)?(?:前)?|至\d{4}年|\d{4}年(?:底|末)?(?:前)?|截至\d{4}年|截止\d{4}年|[“”"'])+/;
/** Words after a metric that are not part of it: 均, 分别 …  */
export const METRIC_FILLER_END = /(?:均|都|分别|全部|共计|总计|累计|共|和|及|与|[“”"'])+$/;
/** School stages that head a shared metric list: 小学、初中入学率. */
export const STAGE_WORD =
  /^(?:幼儿园|小学|初中|高中|普通高中|中职|中小学|义务教育|学前教育|特殊教育|职业教育|学前|城区|农村|乡村|城镇|公办|民办)/;
