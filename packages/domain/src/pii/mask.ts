/**
 * Masking of personal data for display (docs/personal-data.md): what a list, an export or a screen
 * shows of a child's or a family's name, 身份证号, phone and address to someone who may not see the full
 * value. Pure functions over strings; the full value is never derivable from the masked one.
 */

const STAR = "*";

/** The characters of a string, by code point (a 生僻字 outside the BMP counts as one). */
const charsOf = (s: string): string[] => Array.from(s);

/** Two-character surnames (复姓) kept whole when a name is masked. */
const COMPOUND_SURNAMES = new Set(
  (
    "欧阳 太史 端木 上官 司马 东方 独孤 南宫 万俟 闻人 夏侯 诸葛 尉迟 公羊 赫连 澹台 皇甫 宗政 濮阳 公冶 太叔 申屠 " +
    "公孙 慕容 仲孙 钟离 长孙 宇文 司徒 鲜于 司空 闾丘 子车 亓官 司寇 巫马 公西 颛孙 壤驷 公良 漆雕 乐正 宰父 谷梁 " +
    "拓跋 夹谷 轩辕 令狐 段干 百里 呼延 东郭 南门 羊舌 微生 梁丘 左丘 西门 第五 南荣 东里 即墨 达奚 褚师"
  ).split(" "),
);

/**
 * 姓名: the surname stays, the given name is masked — 张*, 张*明 (three characters keep the last),
 * 欧阳** (a 复姓 stays whole, the rest masked); longer names keep the first and last character. A name
 * with a separating dot (少数民族 names, 买买提·艾力) keeps the first character of its first part only.
 */
export function maskName(name: string): string {
  const n = name.trim();
  if (n === "") {
    return "";
  }
  const parts = n.split(/[·•・.]/);
  if (parts.length > 1) {
    return parts
      .map((p, i) => {
        const chars = charsOf(p);
        return i === 0
          ? (chars[0] ?? "") + STAR.repeat(Math.max(chars.length - 1, 0))
          : STAR.repeat(chars.length);
      })
      .join("·");
  }
  const chars = charsOf(n);
  if (chars.length === 1) {
    return STAR;
  }
  const head2 = chars.slice(0, 2).join("");
  if (chars.length >= 3 && COMPOUND_SURNAMES.has(head2)) {
    return head2 + STAR.repeat(chars.length - 2);
  }
  if (chars.length === 2) {
    return `${chars[0] ?? ""}${STAR}`;
  }
  return `${chars[0] ?? ""}${STAR.repeat(chars.length - 2)}${chars[chars.length - 1] ?? ""}`;
}

/** 身份证号: the first 4 (province and city) and last 4 characters, every other character a star. */
export function maskIdNumber(id: string): string {
  const chars = charsOf(id.trim());
  if (chars.length <= 8) {
    return STAR.repeat(chars.length);
  }
  return chars.slice(0, 4).join("") + STAR.repeat(chars.length - 8) + chars.slice(-4).join("");
}

/**
 * 电话: a mobile number as 138****5678 (first 3, last 4); a fixed line keeps its area code and last 4
 * (0933-****2345); anything shorter than 7 digits shows only its last 2.
 */
export function maskPhone(phone: string): string {
  const p = phone.trim();
  const mobile = /^(\+?86[\s-]?)?(1\d{2})[\s-]?(\d{4})[\s-]?(\d{4})$/.exec(p);
  if (mobile) {
    return `${mobile[2] ?? ""}****${mobile[4] ?? ""}`;
  }
  const fixed = /^(0\d{2,3})[\s-]?(\d{3,4})[\s-]?(\d{4})$/.exec(p);
  if (fixed) {
    return `${fixed[1] ?? ""}-${STAR.repeat((fixed[2] ?? "").length)}${fixed[3] ?? ""}`;
  }
  const chars = charsOf(p);
  if (chars.length < 7) {
    return STAR.repeat(Math.max(chars.length - 2, 0)) + chars.slice(-2).join("");
  }
  return chars.slice(0, 3).join("") + STAR.repeat(chars.length - 7) + chars.slice(-4).join("");
}

/** The administrative levels an address starts with, in order; each is optional. */
const ADDRESS_LEVELS: readonly RegExp[] = [
  // 省级
  /^(?:北京市|天津市|上海市|重庆市|[\u4e00-\u9fa5]{2,7}?(?:省|自治区|特别行政区))/u,
  // 地级
  /^[^\s\d县区旗镇乡街路村号巷组]{1,9}?(?:自治州|地区|盟|州|市)/u,
  // 县级
  /^[^\s\d市镇街路村号巷组]{1,9}?(?:自治县|自治旗|县|旗|区|市)/u,
  // 乡级
  /^[^\s\d县区旗市路号巷组]{1,12}?(?:街道办事处|街道|民族乡|镇|乡|苏木)/u,
];

/** Endings that look like a 县级 name but are places inside a town (小区, 社区, 园区 …). */
const NOT_A_COUNTY = /(?:小区|社区|园区|校区|片区|景区|厂区|新区\d)$/u;

/**
 * 地址: kept up to the 乡镇/街道 (or up to the county when no town is named), the rest — village, road,
 * house number — replaced by "****". An address with no recognisable county or town shows only its
 * province and city, or nothing.
 */
export function maskAddress(address: string): string {
  const a = address.trim();
  if (a === "") {
    return "";
  }
  let pos = 0;
  let kept = 0;
  ADDRESS_LEVELS.forEach((level, i) => {
    const m = level.exec(a.slice(pos));
    if (m === null || (i === 2 && NOT_A_COUNTY.test(m[0]))) {
      return;
    }
    pos += m[0].length;
    kept = pos;
  });
  const head = a.slice(0, kept);
  return head.length === a.length ? head : `${head}****`;
}
