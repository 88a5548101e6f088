/**
 * Benchmark of the indicator engine: a synthetic province (10 cities × 10 counties × 10 townships ×
 * 25 schools = 25,000 schools) over 10 years, drawn with the seeded demo PRNG; every standard indicator
 * for every org unit and year. Run: node scripts/bench-indicators.ts [schoolsPerTownship]
 */
import { createRng, hashSeed, type Rng } from "@luoshi/domain/demo";
import { STANDARD_INDICATORS } from "@luoshi/domain/indicators";
import { compileIndicators, evaluateIndicators } from "@luoshi/domain/indicators";
import { prepareRows } from "@luoshi/domain/indicators";
import { buildStatRows } from "@luoshi/domain/indicators";
import type { OrgUnitSeed, SchoolType, UrbanRural } from "@luoshi/domain/org";
import type { PopulationRecord, SchoolYearRecord } from "@luoshi/domain/stats";

const SCHOOLS_PER_TOWNSHIP = Number(process.argv[2] ?? 25);
const YEARS = Array.from({ length: 10 }, (_, i) => 2015 + i);
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

let peakRss = 0;
const sample = (): void => {
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
};

function levelValues(v: Record<string, number>, rng: Rng, level: string, pupils: number, cap: number): void {
  const classes = Math.max(1, Math.ceil(pupils / cap));
  const size = pupils / classes;
  const big = size >= 56 ? classes : 0;
  v[`pupils.${level}`] = pupils;
  v[`classes.${level}`] = classes;
  if (level !== "preschool") {
    v[`classes.${level}.size36to45`] = classes - big;
    v[`classes.${level}.size56to65`] = big;
    v[`entrants.${level}`] = Math.round(pupils / 6);
    v[`graduates.${level}`] = Math.round((pupils / 6) * rng.between(0.95, 1));
    v[`dropouts.${level}`] = rng.int(0, 2);
  }
  const t = Math.max(1, Math.round(pupils / rng.between(12, 20)));
  const bachelor = Math.round(t * rng.between(0.5, 0.9));
  v[`teachers.fullTime.${level}`] = t;
  v[`teachers.bachelor.${level}`] = bachelor;
  v[`teachers.associate.${level}`] = t - bachelor;
  v[`teachers.certified.${level}`] = t - rng.int(0, 1);
  v[`teachers.backbone.${level}`] = Math.round(t * 0.1);
  if (level !== "preschool") {
    v[`teachers.pe.${level}`] = Math.round(t * 0.07);
    v[`teachers.music.${level}`] = Math.round(t * 0.04);
    v[`teachers.art.${level}`] = Math.round(t * 0.04);
  }
  if (level === "junior") {
    v["cohort.junior.transfersIn"] = rng.int(0, 5);
    v["cohort.junior.transfersOut"] = rng.int(0, 5);
    v["cohort.compulsory.transfersIn"] = rng.int(0, 9);
    v["cohort.compulsory.transfersOut"] = rng.int(0, 9);
  }
}

function schoolValues(rng: Rng, type: SchoolType, size: number, year: number): Record<string, number> {
  const v: Record<string, number> = {};
  const grow = 1 + 0.01 * (year - 2020);
  const p = Math.max(5, Math.round(size * grow));
  if (type === "kindergarten") {
    levelValues(v, rng, "preschool", p, 30);
    v.principals = 1;
    v["principals.certified"] = 1;
  }
  if (type === "primary" || type === "teachingPoint" || type === "nineYear") {
    levelValues(v, rng, "primary", p, 45);
  }
  if (type === "junior" || type === "nineYear" || type === "completeSecondary") {
    levelValues(v, rng, "junior", Math.round(p * 0.6), 50);
  }
  if (type === "senior" || type === "completeSecondary") {
    levelValues(v, rng, "senior", p, 50);
  }
  v["staff.total"] =
    Object.entries(v).reduce((s, [k, x]) => (k.startsWith("teachers.fullTime.") ? s + x : s), 0) + 2;
  v["area.teachingAux"] = Math.round(p * rng.between(3.5, 8));
  v["area.sportsGround"] = Math.round(p * rng.between(6, 14));
  v["equipment.value"] = Math.round(p * rng.between(1500, 4000));
  v["computers.pupil"] = Math.round(p / rng.between(4, 10));
  v["classrooms.multimedia"] = Math.round(p / 40);
  v["funding.publicBudget"] = p * 700;
  v["funding.training"] = Math.round(p * 700 * rng.between(0.03, 0.08));
  return v;
}

function synthesize(): { units: OrgUnitSeed[]; records: SchoolYearRecord[]; population: PopulationRecord[] } {
  const units: OrgUnitSeed[] = [{ code: "990000", name: "合成省", kind: "province" }];
  const records: SchoolYearRecord[] = [];
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
        for (let s = 0; s < SCHOOLS_PER_TOWNSHIP; s++) {
          const type = TYPES[rng.weightedIndex(TYPE_WEIGHTS)] ?? "primary";
          const code = String(9000000000 + serial++);
          const isPrivate = type === "kindergarten" && rng.chance(0.4);
          units.push({
            code,
            name: code,
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
          for (const year of YEARS) {
            records.push({ schoolCode: code, year, values: schoolValues(rng, type, size, year) });
          }
          if (type === "primary") {
            for (let h = 2006; h < 2015; h++) {
              records.push({
                schoolCode: code,
                year: h,
                values: { "entrants.primary": Math.round(size / 6) },
              });
            }
          }
        }
        for (const year of YEARS) {
          const values: Record<string, number> = {};
          for (let a = 0; a < 18; a++) {
            values[`population.age${a}`] = rng.int(200, 600);
          }
          population.push({ areaCode: township, year, values });
        }
      }
    }
  }
  return { units, records, population };
}

const t0 = performance.now();
const data = synthesize();
sample();
const t1 = performance.now();
const { rows } = buildStatRows(data.units, data.records, data.population);
const prepared = prepareRows(rows);
sample();
const t2 = performance.now();
const { compiled, issues: compileIssues } = compileIndicators(STANDARD_INDICATORS);
const { tables } = evaluateIndicators(prepared, compiled, { years: YEARS, maxIssues: 0 });
sample();
const t3 = performance.now();

// A second run on the same prepared rows (warm JIT, columns cached): the cost of a re-computation.
const t4 = performance.now();
evaluateIndicators(prepared, compiled, { years: YEARS, maxIssues: 0 });
sample();
const t5 = performance.now();

const schools = data.units.filter((u) => u.kind === "school").length;
let cells = 0;
for (const t of tables.values()) {
  cells += t.values.length;
}
const ms = (a: number, b: number): string => `${(b - a).toFixed(0)} ms`;
console.log(
  `schools ${schools}, units ${prepared.unitCodes.length}, rows ${prepared.rowCount}, years ${YEARS.length}`,
);
console.log(
  `indicators ${compiled.length} (compile issues ${compileIssues.length}), values computed ${cells}`,
);
console.log(
  `generate ${ms(t0, t1)} | tag + index ${ms(t1, t2)} | evaluate catalogue ${ms(t2, t3)} | engine total ${ms(t1, t3)} | all ${ms(t0, t3)}`,
);
console.log(`second evaluation of the catalogue (warm) ${ms(t4, t5)}`);
console.log(`peak rss ${(peakRss / 1024 / 1024).toFixed(0)} MB`);
