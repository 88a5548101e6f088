/**
 * 演示适龄名单: a synthetic 适龄儿童 list for the demo county, deterministic. Most children are pupils of
 * the demo registry (every `step`-th pupil of 小学 and 初中: they match); `unmatched` children are made up
 * with the county part 98 of a 身份证号 (620898…), which GB/T 2260 never assigns, and names of the form
 * surname + 测试 + a character, so nobody can take them for real people.
 */
import { TOWNSHIPS } from "../demo/kongtong-data.ts";
import { createRng, hashSeed } from "../demo/prng.ts";
import { idNumberCheckChar } from "../pii/index.ts";
import type { StudentRecord } from "../registry/record.ts";
import { ageOnCutoff, isSchoolAge } from "./school-age.ts";

/** One row of the demo list as its CSV writes it. */
export interface DemoChild {
  idNumber: string;
  name: string;
  sex: "M" | "F";
  birthDate: string;
  township: string;
  village: string;
}

const SURNAMES = "王李张刘陈杨赵黄周吴徐孙马朱胡郭何高林罗";
const GIVEN = "安宁平远怡静康乐和明";
const RURAL = TOWNSHIPS.filter((t) => t.villages.length > 0);

const pad = (n: number, w: number): string => String(n).padStart(w, "0");

/** The demo 适龄 list of `year`: registry pupils of compulsory age, and `unmatched` children without 学籍. */
export function demoSchoolAgeList(
  registry: readonly StudentRecord[],
  year: number,
  options: { step?: number; unmatched?: number } = {},
): DemoChild[] {
  const step = options.step ?? 200;
  const rng = createRng(hashSeed("demo-school-age", year));
  const place = (i: number) => {
    const t = RURAL[i % RURAL.length];
    return {
      township: t?.name ?? "",
      village: `${t?.villages[Math.floor(i / RURAL.length) % (t.villages.length || 1)] ?? ""}村`,
    };
  };
  const out: DemoChild[] = [];
  registry
    .filter((r) => (r.grade.level === "primary" || r.grade.level === "junior") && r.idNumber !== null)
    .filter((_r, i) => i % step === 0)
    .forEach((r, i) => {
      if (isSchoolAge(ageOnCutoff(r.birthDate, year))) {
        out.push({
          idNumber: r.idNumber ?? "",
          name: r.name,
          sex: r.sex,
          birthDate: r.birthDate,
          ...place(i),
        });
      }
    });
  const count = options.unmatched ?? 60;
  for (let i = 0; i < count; i++) {
    const age = 6 + (i % 10);
    const birth = `${String(year - age - 1)}-${pad(rng.int(9, 12), 2)}-${pad(rng.int(1, 28), 2)}`;
    const sex = i % 2 === 0 ? "M" : "F";
    const first17 = `620898${birth.replaceAll("-", "")}${pad(((i * 2) % 998) + (sex === "M" ? 1 : 0), 3)}`;
    out.push({
      idNumber: `${first17}${idNumberCheckChar(first17)}`,
      name: `${SURNAMES.charAt(i % SURNAMES.length)}测试${GIVEN.charAt(Math.floor(i / SURNAMES.length) % GIVEN.length)}`,
      sex,
      birthDate: birth,
      ...place(i * 7 + 3),
    });
  }
  return out;
}
