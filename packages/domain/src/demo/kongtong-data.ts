/**
 * Reference data for the demo county 平凉市崆峒区 as the "十四五" education plan describes it in 2020
 * (fixtures/seeds/000_0be9ef1e3056036c.txt). Township names follow the 2020 administrative division;
 * their 9-digit codes use the usual pattern (街道 0xx, 镇 1xx, 乡 2xx) and village names are plausible,
 * not checked against the 统计用区划代码 — this is demo data, not a register.
 */

/** 甘肃省 → 平凉市 → 崆峒区. */
export const PROVINCE = { code: "620000", name: "甘肃省" } as const;
/** The city (地级市). */
export const CITY = { code: "620800", name: "平凉市" } as const;
/** The demo county (县级区). */
export const COUNTY = { code: "620802", name: "崆峒区", fullName: "平凉市崆峒区" } as const;

/** 街道 (urban), 镇 (town seat is 镇区) or 乡 (everything 乡村). */
export type TownshipKind = "street" | "town" | "township";

/** One 乡镇（街道） of the county. */
export interface TownshipData {
  code: string;
  name: string;
  /** Name without 镇/乡/回族乡/街道, used in seat school names (崆峒区白水中学). */
  short: string;
  kind: TownshipKind;
  /** Relative size (population, schools); streets are placed by hand and use it only for private kindergartens. */
  weight: number;
  /** 回族乡: its schools count as 民族学校. */
  isEthnic: boolean;
  /** Village names without 村, unique within the township; empty for streets. */
  villages: readonly string[];
}

const v = (names: string): readonly string[] => names.split(" ");

/** The 18 乡镇（街道） in the county's own order. */
export const TOWNSHIPS: readonly TownshipData[] = [
  {
    code: "620802001",
    name: "中街街道",
    short: "中街",
    kind: "street",
    weight: 1,
    isEthnic: false,
    villages: [],
  },
  {
    code: "620802002",
    name: "东关街道",
    short: "东关",
    kind: "street",
    weight: 1.2,
    isEthnic: false,
    villages: [],
  },
  {
    code: "620802003",
    name: "西郊街道",
    short: "西郊",
    kind: "street",
    weight: 1.2,
    isEthnic: false,
    villages: [],
  },
  {
    code: "620802100",
    name: "崆峒镇",
    short: "崆峒",
    kind: "town",
    weight: 1.3,
    isEthnic: false,
    villages: v("太统 大岔 颉河 崆峒 蒋家沟 土谷堆 寨子街 平坦 曹湾 纸坊沟 韩家沟 大阳 西沟 后峡"),
  },
  {
    code: "620802101",
    name: "白水镇",
    short: "白水",
    kind: "town",
    weight: 1.6,
    isEthnic: false,
    villages: v("白水 王寨 苏家沟 新庄 高庄 张庄 屈岘 杨庄 白水桥 朱家沟 梁家庄 桃园 范沟 上营 下营"),
  },
  {
    code: "620802102",
    name: "草峰镇",
    short: "草峰",
    kind: "town",
    weight: 1.4,
    isEthnic: false,
    villages: v("草峰 塔山 苏王 阳坡 何沟 丰台 郭家川 吴家沟 袁家庄 湫池 贺家山 程家庄 油坊 双桥 井沟"),
  },
  {
    code: "620802103",
    name: "安国镇",
    short: "安国",
    kind: "town",
    weight: 1.4,
    isEthnic: false,
    villages: v("安国 油坊庄 老庄 何岔 芦塬 上寨 王沟 刘沟 尚家沟 苏家塬 庙庄 阳洼 景家庄 沟圈 杏树坪"),
  },
  {
    code: "620802104",
    name: "柳湖镇",
    short: "柳湖",
    kind: "town",
    weight: 1.3,
    isEthnic: false,
    villages: v("柳湖 十里铺 周庄 暖泉 裴家庄 下关 五里墩 郑家沟 崔家庄 韩家庄 庙底下 马坊 北原 后寨"),
  },
  {
    code: "620802105",
    name: "四十里铺镇",
    short: "四十里铺",
    kind: "town",
    weight: 1.6,
    isEthnic: false,
    villages: v(
      "四十里铺 纪家庄 陈坪 赵家河 邵寨 寨子 大秦 杨家坪 上官 何家堡 白家湾 柳树沟 罗家庄 孙家沟 桃园",
    ),
  },
  {
    code: "620802106",
    name: "花所镇",
    short: "花所",
    kind: "town",
    weight: 1.3,
    isEthnic: false,
    villages: v("花所 杨庄 山寨 太阳 刘家沟 北庄 东庄 王坪 苏湾 安家庄 吕家沟 屯字 上川 黑池 曹家湾"),
  },
  {
    code: "620802200",
    name: "索罗乡",
    short: "索罗",
    kind: "township",
    weight: 0.9,
    isEthnic: false,
    villages: v("索罗 大湾 北庄 南沟 庙湾 辛店 芦家沟 吴家庄 上坪 下坪 罗家山 沟门 寨子湾 马家洼"),
  },
  {
    code: "620802201",
    name: "香莲乡",
    short: "香莲",
    kind: "township",
    weight: 0.9,
    isEthnic: false,
    villages: v("香莲 麻川 寺沟 孟家庄 川口 大阳洼 王家沟 李家山 杜家沟 沙岭 石咀 河湾 秦家塬 前进"),
  },
  {
    code: "620802202",
    name: "西阳回族乡",
    short: "西阳",
    kind: "township",
    weight: 1,
    isEthnic: true,
    villages: v("西阳 张湾 柳沟 马沟 王湾 庙庄 红崖 沟里 杨家沟 大岔 拐子 东岔 西岔 花沟"),
  },
  {
    code: "620802203",
    name: "大寨回族乡",
    short: "大寨",
    kind: "township",
    weight: 0.8,
    isEthnic: true,
    villages: v("大寨 小寨 寨沟 马莲 沟口 后沟 车家湾 海家庄 苏家沟 石咀 何家山 周家沟 上庄 瓦窑"),
  },
  {
    code: "620802204",
    name: "上杨回族乡",
    short: "上杨",
    kind: "township",
    weight: 0.8,
    isEthnic: true,
    villages: v("上杨 下杨 梁原 马家庄 刘家庄 崖窑 冯家沟 土桥 黄家湾 新庄 沟门 苏家河 上川 下川"),
  },
  {
    code: "620802205",
    name: "麻武乡",
    short: "麻武",
    kind: "township",
    weight: 0.8,
    isEthnic: false,
    villages: v("麻武 鸭儿沟 砚峡 金坪 双桥 堡子 安家庄 刘家湾 石窑 崖湾 官庄 阎家沟 高山 峡口"),
  },
  {
    code: "620802206",
    name: "峡门回族乡",
    short: "峡门",
    kind: "township",
    weight: 0.7,
    isEthnic: true,
    villages: v("峡门 颉崖 上峡 下峡 石堡子 马峡 东峡 水泉 土家沟 罗家湾 松树 河坪 香坊 龙门"),
  },
  {
    code: "620802207",
    name: "寨河回族乡",
    short: "寨河",
    kind: "township",
    weight: 0.8,
    isEthnic: true,
    villages: v("寨河 白庙 马家沟 杨家河 堡子山 冯家湾 穆家沟 铁家沟 闫家庄 苏家湾 吊沟 东湾 西湾 柳家沟"),
  },
];

/** Schools placed by hand in the city streets (and 平凉十中 in 四十里铺镇): names do not vary with the seed. */
export interface FixedSchoolData {
  townshipCode: string;
  name: string;
  aliases?: string[];
}

/** 高级中学 (3), all in the streets. */
export const SENIOR_SCHOOLS: readonly FixedSchoolData[] = [
  { townshipCode: "620802001", name: "平凉市第二中学", aliases: ["平凉二中"] },
  { townshipCode: "620802002", name: "平凉市第五中学", aliases: ["平凉五中"] },
  { townshipCode: "620802003", name: "平凉市第八中学", aliases: ["平凉八中"] },
];

/** 完全中学 (2). */
export const COMPLETE_SECONDARY_SCHOOLS: readonly FixedSchoolData[] = [
  { townshipCode: "620802003", name: "平凉市第七中学", aliases: ["平凉七中"] },
  { townshipCode: "620802105", name: "平凉市第十中学", aliases: ["平凉十中"] },
];

/** 特殊教育学校 (1): the plan says the district runs 平凉市特殊教育学校. */
export const SPECIAL_SCHOOLS: readonly FixedSchoolData[] = [
  { townshipCode: "620802001", name: "平凉市特殊教育学校", aliases: ["平凉特校", "崆峒区特殊教育学校"] },
];

/** Urban 初级中学 (6 of 17; the other 11 sit in township seats). */
export const URBAN_JUNIOR_SCHOOLS: readonly FixedSchoolData[] = [
  { townshipCode: "620802001", name: "平凉市第三中学", aliases: ["平凉三中"] },
  { townshipCode: "620802001", name: "平凉市第四中学", aliases: ["平凉四中"] },
  { townshipCode: "620802002", name: "平凉市第九中学", aliases: ["平凉九中"] },
  { townshipCode: "620802002", name: "平凉市第十一中学", aliases: ["平凉十一中"] },
  { townshipCode: "620802003", name: "平凉市第十三中学", aliases: ["平凉十三中"] },
  { townshipCode: "620802003", name: "崆峒区西郊初级中学" },
];

/** Urban 小学 (14 of 111). */
export const URBAN_PRIMARY_SCHOOLS: readonly FixedSchoolData[] = [
  ...["中山街", "红旗街", "解放路", "新民路", "东大街"].map((n) => ({
    townshipCode: "620802001",
    name: `崆峒区${n}小学`,
  })),
  ...["东关", "广成路", "八里桥", "土坝"].map((n) => ({ townshipCode: "620802002", name: `崆峒区${n}小学` })),
  ...["西郊", "南台", "宝塔", "柳湖路", "崆峒路"].map((n) => ({
    townshipCode: "620802003",
    name: `崆峒区${n}小学`,
  })),
];

/** Urban 公办幼儿园 (9); 第六幼儿园 is only planned for "十四五". */
export const URBAN_PUBLIC_KINDERGARTENS: readonly FixedSchoolData[] = [
  ...["第一", "第二", "中街", "机关"].map((n) => ({ townshipCode: "620802001", name: `崆峒区${n}幼儿园` })),
  ...["第三", "东关"].map((n) => ({ townshipCode: "620802002", name: `崆峒区${n}幼儿园` })),
  ...["第四", "第五", "西郊"].map((n) => ({ townshipCode: "620802003", name: `崆峒区${n}幼儿园` })),
];

/** Brand names for 民办幼儿园 (each used at most once in a county). */
export const PRIVATE_KINDERGARTEN_BRANDS: readonly string[] = v(
  "金太阳 小天使 童心 蓝天 阳光 启航 博雅 育才 星星 七色光 贝贝 乐乐 爱弥儿 蒙特梭利 小博士 " +
    "小精灵 彩虹 春蕾 新星 智慧树 红苹果 小太阳 金色童年 哈佛摇篮 童乐 贝佳 格林 英才 晨光 苗苗 " +
    "小树苗 快乐宝贝 小哈佛 向日葵 嘉禾 金钥匙 小画家 七彩 东方 卓越 明德 欣欣 金摇篮 小状元 " +
    "童趣 爱心 希望 思源 睿智 天天 北大附 悦读 贝儿 小海豚 书香 宝贝 未来星 天才 多多 蓓蕾 " +
    "金苹果 康桥 星辰 乐贝 小白鸽 启智 童画 聪聪 安琪儿 海星",
);
