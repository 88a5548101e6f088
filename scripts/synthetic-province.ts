/**
 * A synthetic province for the benchmarks: 10 cities × 10 counties × 10 townships × N schools (N = 25
 * gives 25,000 schools) with 10 years of school statistics, 招生 history for the cohort formulas and
 * 乡镇 population, drawn with the seeded demo PRNG so every run sees the same data.
 */
import { createRng, hashSeed } from "@luoshi/domain/demo";
import type { OrgUnitSeed, SchoolType, UrbanRural } from "@luoshi/domain/org";
import { syntheticSchoolValues, type PopulationRecord, type SchoolYearRecord } from "@luoshi/domain/stats";

/** The generated province. */
export interface SyntheticProvince {
  /** Parent before child: province, cities, counties, townships, schools. */
  units: OrgUnitSeed[];
  /** Full school-year records of `years`. */
  records: SchoolYearRecord[];
  /** 招生-only records of the 9 years before the first (primary schools), for 巩固率. */
  history: SchoolYearRecord[];
  population: PopulationRecord[];
  years: readonly number[];
}

/** Options of {@link synthesizeProvince}. */
export interface SyntheticProvinceOptions {
  /** Schools per township (default 25: 25,000 schools). */
  schoolsPerTownship?: number;
  /** First statistics year (default 2015); 10 years are generated. */
  firstYear?: number;
}

const TYPES: readonly SchoolType[] = [
  "kindergarten",
  "primary",
  "teachingPoint",
  "junior",
  "nineYear",
  "completeSecondary",
  "senior",
];
const TYPE_WEIGHTS = [40, 30, 10, 8, 6, 2, 4];

/** Generates the province (990000 合成省; cities 99CC00, counties 99CCKK, townships 99CCKKTTT). */
export function synthesizeProvince(options: SyntheticProvinceOptions = {}): SyntheticProvince {
  const perTownship = options.schoolsPerTownship ?? 25;
  const firstYear = options.firstYear ?? 2015;
  const years = Array.from({ length: 10 }, (_, i) => firstYear + i);
  const units: OrgUnitSeed[] = [{ code: "990000", name: "合成省", kind: "province" }];
  const records: SchoolYearRecord[] = [];
  const history: SchoolYearRecord[] = [];
  const population: PopulationRecord[] = [];
  let serial = 0;
  for (let c = 0; c < 10; c++) {
    const city = `99${String(c + 1).padStart(2, "0")}00`;
    units.push({ code: city, name: `市${c}`, kind: "city", parentCode: "990000" });
    for (let k = 0; k < 10; k++) {
      const county = `${city.slice(0, 4)}${String(k + 1).padStart(2, "0")}`;
      units.push({ code: county, name: `县${c}-${k}`, kind: "county", parentCode: city });
      for (let t = 0; t < 10; t++) {
        const township = `${county}${String(t + 1).padStart(3, "0")}`;
        units.push({ code: township, name: `乡${c}-${k}-${t}`, kind: "township", parentCode: county });
        const rng = createRng(hashSeed(7, township));
        const ur: UrbanRural = t < 2 ? "urban" : t < 5 ? "town" : "rural";
        for (let s = 0; s < perTownship; s++) {
          const type = TYPES[rng.weightedIndex(TYPE_WEIGHTS)] ?? "primary";
          const code = String(9000000000 + serial++);
          const isPrivate = type === "kindergarten" && rng.chance(0.4);
          units.push({
            code,
            name: `合成学校${code}`,
            kind: "school",
            parentCode: township,
            school: {
              schoolType: type,
              ownership: isPrivate ? "private" : "public",
              isInclusive: !isPrivate || rng.chance(0.5),
              urbanRural: ur,
            },
          });
          const size = type === "teachingPoint" ? rng.int(5, 40) : rng.int(60, ur === "rural" ? 400 : 2000);
          for (const year of years) {
            records.push({ schoolCode: code, year, values: syntheticSchoolValues(rng, type, size, year) });
          }
          if (type === "primary") {
            for (let h = firstYear - 9; h < firstYear; h++) {
              history.push({
                schoolCode: code,
                year: h,
                values: { "entrants.primary": Math.round(size / 6) },
              });
            }
          }
        }
        for (const year of years) {
          const values: Record<string, number> = {};
          for (let a = 0; a < 18; a++) {
            values[`population.age${a}`] = rng.int(200, 600);
          }
          population.push({ areaCode: township, year, values });
        }
      }
    }
  }
  return { units, records, history, population, years };
}
