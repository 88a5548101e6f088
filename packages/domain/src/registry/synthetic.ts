/**
 * 演示学籍: a deterministic, visibly synthetic registry. Counts come from a year of school statistics
 * (pupils by school and grade), so the registry and the statistics agree school by school.
 *
 * How a reader (or a 密评 assessor) tells these pupils from real ones:
 * - names are a common surname + "测试" + one character derived from the pupil's index (王测试安);
 * - 身份证件号 have the real layout, a real province and city and a correct GB 11643 check character,
 *   but the county part of the region code is 99, which no county has (GB/T 2260 numbers a city's
 *   counties from 01 and its 省直辖 ones from 90 on), e.g. 620899 for the demo county 620802;
 * - guardians' phone numbers start with 100, which no mobile network uses.
 */
import { createRng, hashSeed, type Rng } from "../demo/prng.ts";
import type { SchoolType, UrbanRural } from "../org/org-unit.ts";
import { GRADE_LABELS, type EduLevel } from "../stats/levels.ts";
import type { SchoolYearRecord } from "../stats/records.ts";
import { gradeElement, type Grade } from "./grades.ts";
import { idNumberCheckChar } from "../pii/id-number.ts";
import type { StudentRecord } from "./record.ts";

/** A school the generator places pupils in. */
export interface SyntheticSchool {
  code: string;
  schoolType: SchoolType;
  urbanRural: UrbanRural;
  /** The 户籍地 most of its pupils have (its 乡镇, with village names for rural schools). */
  homes: readonly string[];
}

/** How many pupils one school has in one grade. */
export interface GradeCount {
  schoolCode: string;
  grade: Grade;
  pupils: number;
}

const SURNAMES =
  "王李张刘陈杨赵黄周吴徐孙马胡朱郭何罗高林郑梁谢宋唐许韩冯邓曹彭曾肖田董潘袁蔡蒋余于杜叶程魏苏吕丁任卢姚沈钟姜崔谭陆范汪廖石金韦贾夏付方邹熊白孟秦邱侯江尹薛闫段雷龙黎史陶贺毛郝顾龚邵万覃武钱戴严莫孔向常汤";
const GIVEN = "安宁欣怡子涵梓轩雨泽浩然思远佳琪一诺明杰文博晨曦嘉豪若汐俊熙可馨宇航书瑶家乐语桐天佑紫萱皓辰";

/** The age a pupil of the grade's first year turns during the 学年 that starts in September. */
const ENTRY_AGE: Readonly<Record<EduLevel, number>> = {
  preschool: 3,
  primary: 6,
  junior: 12,
  senior: 15,
  vocational: 15,
  special: 7,
};

/** The synthetic region code for a county: its city's four digits + 99. */
export function syntheticRegionCode(countyCode: string): string {
  return `${countyCode.slice(0, 4)}99`;
}

/** The grade counts of a year of statistics (pupils.<level>.g<n>, 特殊教育 as a whole). */
export function gradeCountsFromStatistics(records: readonly SchoolYearRecord[]): GradeCount[] {
  const out: GradeCount[] = [];
  for (const r of records) {
    for (const level of Object.keys(GRADE_LABELS) as EduLevel[]) {
      const grades: Grade[] =
        GRADE_LABELS[level].length === 0
          ? [{ level, grade: 0 }]
          : GRADE_LABELS[level].map((_, i) => ({ level, grade: i + 1 }));
      for (const grade of grades) {
        const pupils = r.values[gradeElement(grade)] ?? 0;
        if (pupils > 0) {
          out.push({ schoolCode: r.schoolCode, grade, pupils });
        }
      }
    }
  }
  return out;
}

const pad = (n: number, w: number): string => String(n).padStart(w, "0");

/** A birth date in the 学年 window of the grade (born Sep of y−age−1 … Aug of y−age). */
function birthDate(rng: Rng, grade: Grade, year: number): string {
  const age =
    ENTRY_AGE[grade.level] + Math.max(0, grade.grade - 1) + (grade.level === "special" ? rng.int(0, 8) : 0);
  const start = Date.UTC(year - age - 1, 8, 1);
  const day = rng.int(0, 364);
  return new Date(start + day * 86400000).toISOString().slice(0, 10);
}

/** Options of {@link generateSyntheticRegistry}. */
export interface SyntheticRegistryOptions {
  seed: number;
  /** The 学年 (its autumn year) the registry describes. */
  year: number;
  /** The county's 行政区划代码 (the synthetic region code derives from it). */
  countyCode: string;
  schools: readonly SyntheticSchool[];
  counts: readonly GradeCount[];
}

/** Generates one pupil per counted place, in school and grade order. */
export function generateSyntheticRegistry(o: SyntheticRegistryOptions): StudentRecord[] {
  const region = syntheticRegionCode(o.countyCode);
  const schools = new Map(o.schools.map((s) => [s.code, s]));
  const sequence = new Map<string, number>();
  const out: StudentRecord[] = [];
  let index = 0;
  for (const c of o.counts) {
    const school = schools.get(c.schoolCode);
    if (school === undefined) {
      continue;
    }
    const rng = createRng(hashSeed(o.seed, "registry", c.schoolCode, c.grade.level, c.grade.grade));
    const cap = c.grade.level === "preschool" ? 30 : c.grade.level === "primary" ? 45 : 50;
    const classes = Math.max(1, Math.ceil(c.pupils / cap));
    for (let i = 0; i < c.pupils; i++) {
      const birth = birthDate(rng, c.grade, o.year);
      const sex = rng.chance(0.52) ? "M" : "F";
      const taken = sequence.get(birth) ?? 0;
      sequence.set(birth, taken + 1);
      // sequence: odd for boys, even for girls, up to 999 per birth date
      const seq = (taken * 2 + (sex === "M" ? 1 : 0)) % 1000;
      const first17 = `${region}${birth.replaceAll("-", "")}${pad(seq, 3)}`;
      const id = `${first17}${idNumberCheckChar(first17)}`;
      const surname = SURNAMES.charAt(index % SURNAMES.length);
      const given = GIVEN.charAt(Math.floor(index / SURNAMES.length) % GIVEN.length);
      const rural = school.urbanRural === "rural";
      const special = school.schoolType === "special";
      const home = school.homes[rng.int(0, Math.max(0, school.homes.length - 1))] ?? "";
      const withGuardian = rng.chance(0.9);
      out.push({
        studentNo: `G${id}`,
        idNumber: id,
        name: `${surname}测试${given}`,
        sex,
        birthDate: birth,
        schoolCode: school.code,
        grade: c.grade,
        className: `${(i % classes) + 1}班`,
        hukou: home,
        migrant: !rural && rng.chance(0.12),
        leftBehind: rural && rng.chance(0.18),
        disabled: special || rng.chance(0.006),
        guardianName: withGuardian ? `${surname}测试家长` : null,
        guardianPhone: withGuardian ? `100${pad((index * 7919) % 100_000_000, 8)}` : null,
        status: "enrolled",
      });
      index++;
    }
  }
  return out;
}
