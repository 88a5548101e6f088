import { drawOrder, type DrawInput } from "@luoshi/common/draw";

/** A pupil of the new grade; the label is the 学籍号 or application number, never a name. */
export interface ClassPupil {
  readonly label: string;
  readonly sex: "男" | "女";
  /** Prior score, only where the province allows scores to be used (never for grade 1). */
  readonly score?: number;
  /** Groups to spread evenly: 随迁, 留守, 随班就读 … */
  readonly tags?: readonly string[];
  /** Twins and other siblings share a group; the parents choose together or apart. */
  readonly siblings?: { readonly group: string; readonly together: boolean };
}

export interface ClassBalanceInput {
  readonly pupils: readonly ClassPupil[];
  readonly classCount: number;
  /** The published public numbers; the same ones seed the pupils' order, the class numbers and the lots. */
  readonly entropy: DrawInput["entropy"];
  /** 班主任 drawn by lot to classes 1…n; optional. */
  readonly teachers?: readonly string[];
}

export interface ClassReport {
  /** 1-based class number, drawn by lot. */
  readonly classNo: number;
  readonly teacher: string | null;
  readonly pupils: readonly string[];
  readonly size: number;
  readonly boys: number;
  readonly girls: number;
  readonly scoreMean: number | null;
  readonly scoreSd: number | null;
  readonly tags: Readonly<Record<string, number>>;
}

export interface ClassBalanceResult {
  readonly classes: readonly ClassReport[];
  /** The largest gap between class score means (null without scores). */
  readonly meanGap: number | null;
  /** Sibling wishes that could not be met, each explained. */
  readonly unmet: readonly string[];
  readonly listDigest: string;
}

export class ClassBalanceError extends Error {
  override readonly name = "ClassBalanceError";
}

interface Slot {
  readonly pupil: ClassPupil;
  readonly rank: number;
  cls: number;
}

/** The pupil's tags as one key: "" for none; pupils with the same key are alike for spreading. */
const tagKey = (p: ClassPupil): string => [...(p.tags ?? [])].sort().join("+");

/** Pupils with tags first, grouped by tag key, so that the snake spreads each group evenly. */
function compareTags(a: ClassPupil, b: ClassPupil): number {
  const [ka, kb] = [tagKey(a), tagKey(b)];
  if (ka === kb) return 0;
  if (ka === "") return 1;
  if (kb === "") return -1;
  return ka < kb ? -1 : 1;
}

function snakeClass(position: number, classes: number): number {
  const round = Math.floor(position / classes);
  const offset = position % classes;
  return round % 2 === 0 ? offset : classes - 1 - offset;
}

function means(slots: readonly Slot[], classes: number): { sum: number[]; count: number[] } {
  const sum = new Array<number>(classes).fill(0);
  const count = new Array<number>(classes).fill(0);
  for (const slot of slots) {
    if (slot.pupil.score === undefined) continue;
    sum[slot.cls] = (sum[slot.cls] ?? 0) + slot.pupil.score;
    count[slot.cls] = (count[slot.cls] ?? 0) + 1;
  }
  return { sum, count };
}

/** Two pupils may trade classes without changing sizes, the boys/girls split or the spread of tags. */
const exchangeable = (a: Slot, b: Slot): boolean =>
  a.pupil.sex === b.pupil.sex &&
  tagKey(a.pupil) === tagKey(b.pupil) &&
  a.pupil.siblings === undefined &&
  b.pupil.siblings === undefined;

/**
 * 均衡编班 ("阳光分班", no 重点班): stratify the grade by sex, pupils with tags first, then prior score
 * (where allowed), then a verifiable draw (docs/draws.md); deal the sequence to the classes like a snake
 * (1…n, n…1, …), so class sizes differ by at most one and each stratum is spread evenly; honour sibling
 * wishes by exchanging like for like; then, with scores, exchange like-for-like pupils between the
 * classes with the highest and lowest mean while that narrows the gap. Finally the classes are numbered,
 * and the 班主任 assigned, by two more draws from the same public numbers. Deterministic: the same inputs
 * give the same classes.
 */
export function balanceClasses(input: ClassBalanceInput): ClassBalanceResult {
  const { pupils, classCount: n } = input;
  if (!Number.isInteger(n) || n < 1) throw new ClassBalanceError(`班级数 ${n} 须为正整数`);
  if (pupils.length < n) throw new ClassBalanceError(`新生 ${pupils.length} 人少于班级数 ${n}`);
  if (input.teachers !== undefined && input.teachers.length !== n) {
    throw new ClassBalanceError(`班主任 ${input.teachers.length} 人，与班级数 ${n} 不符`);
  }
  const draw = drawOrder({ labels: pupils.map((p) => p.label), entropy: input.entropy });
  const rankOf = new Map(draw.order.map((entry) => [entry.label, entry.rank]));
  const slots: Slot[] = pupils
    .map((pupil) => ({ pupil, rank: rankOf.get(pupil.label) ?? 0, cls: 0 }))
    .sort(
      (a, b) =>
        (a.pupil.sex === b.pupil.sex ? 0 : a.pupil.sex === "男" ? -1 : 1) ||
        compareTags(a.pupil, b.pupil) ||
        (b.pupil.score ?? -Infinity) - (a.pupil.score ?? -Infinity) ||
        a.rank - b.rank,
    );
  slots.forEach((slot, position) => {
    slot.cls = snakeClass(position, n);
  });

  const unmet = placeSiblings(slots, n);
  const meanGap = narrowMeans(slots, n);

  const groupLabel = (group: number): string => `组${String(group + 1).padStart(3, "0")}`;
  const classLots = drawOrder({
    labels: Array.from({ length: n }, (_, i) => groupLabel(i)),
    entropy: input.entropy,
  });
  const classNoOf = new Map(classLots.order.map((entry) => [entry.label, entry.rank]));
  const teacherOf = new Map<number, string>();
  if (input.teachers !== undefined) {
    for (const entry of drawOrder({ labels: input.teachers, entropy: input.entropy }).order) {
      teacherOf.set(entry.rank, entry.label);
    }
  }

  const classes: ClassReport[] = Array.from({ length: n }, (_, group) => {
    const members = slots.filter((slot) => slot.cls === group).sort((a, b) => a.rank - b.rank);
    const scores = members.flatMap((slot) => (slot.pupil.score === undefined ? [] : [slot.pupil.score]));
    const mean = scores.length === 0 ? null : scores.reduce((s, v) => s + v, 0) / scores.length;
    const sd =
      mean === null ? null : Math.sqrt(scores.reduce((s, v) => s + (v - mean) ** 2, 0) / scores.length);
    const tags: Record<string, number> = {};
    for (const slot of members) for (const tag of slot.pupil.tags ?? []) tags[tag] = (tags[tag] ?? 0) + 1;
    const classNo = classNoOf.get(groupLabel(group)) ?? group + 1;
    return {
      classNo,
      teacher: teacherOf.get(classNo) ?? null,
      pupils: members.map((slot) => slot.pupil.label),
      size: members.length,
      boys: members.filter((slot) => slot.pupil.sex === "男").length,
      girls: members.filter((slot) => slot.pupil.sex === "女").length,
      scoreMean: mean,
      scoreSd: sd,
      tags,
    };
  }).sort((a, b) => a.classNo - b.classNo);
  return { classes, meanGap, unmet, listDigest: draw.listDigest };
}

/** Moves siblings together (or apart) by exchanging each with a like pupil; returns wishes not met. */
function placeSiblings(slots: Slot[], n: number): string[] {
  const groups = new Map<string, Slot[]>();
  for (const slot of slots) {
    const group = slot.pupil.siblings?.group;
    if (group !== undefined) groups.set(group, [...(groups.get(group) ?? []), slot]);
  }
  const unmet: string[] = [];
  const closest = (target: Slot, cls: number): Slot | undefined => {
    let best: Slot | undefined;
    let bestGap = Infinity;
    for (const slot of slots) {
      if (slot.cls !== cls || slot.pupil.sex !== target.pupil.sex || slot.pupil.siblings !== undefined)
        continue;
      const gap =
        Math.abs((slot.pupil.score ?? 0) - (target.pupil.score ?? 0)) +
        (tagKey(slot.pupil) === tagKey(target.pupil) ? 0 : 1000);
      if (gap < bestGap) {
        best = slot;
        bestGap = gap;
      }
    }
    return best;
  };
  for (const [group, members] of [...groups.entries()].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const together = members[0]?.pupil.siblings?.together ?? true;
    if (together) {
      const home = members[0]?.cls ?? 0;
      for (const member of members.slice(1)) {
        if (member.cls === home) continue;
        const partner = closest(member, home);
        if (partner === undefined) {
          unmet.push(`同胞组 ${group}：${home + 1} 组中没有可与 ${member.pupil.label} 对调的同性别学生`);
          continue;
        }
        partner.cls = member.cls;
        member.cls = home;
      }
    } else {
      const used = new Set<number>();
      for (const member of members) {
        if (!used.has(member.cls)) {
          used.add(member.cls);
          continue;
        }
        const free = Array.from({ length: n }, (_, cls) => cls).find(
          (cls) => !used.has(cls) && closest(member, cls) !== undefined,
        );
        const partner = free === undefined ? undefined : closest(member, free);
        if (free === undefined || partner === undefined) {
          unmet.push(`同胞组 ${group}：班级数不足以把 ${members.length} 人分开`);
          continue;
        }
        partner.cls = member.cls;
        member.cls = free;
        used.add(free);
      }
    }
  }
  return unmet;
}

/** Exchanges like-for-like pupils between the top and bottom class while the mean gap narrows. */
function narrowMeans(slots: Slot[], n: number): number | null {
  if (!slots.some((slot) => slot.pupil.score !== undefined)) return null;
  const gapOf = (): { gap: number; hi: number; lo: number; count: number[] } => {
    const { sum, count } = means(slots, n);
    const avg = sum.map((s, i) => ((count[i] ?? 0) === 0 ? 0 : s / (count[i] ?? 1)));
    let hi = 0;
    let lo = 0;
    avg.forEach((value, i) => {
      if (value > (avg[hi] ?? 0)) hi = i;
      if (value < (avg[lo] ?? 0)) lo = i;
    });
    return { gap: (avg[hi] ?? 0) - (avg[lo] ?? 0), hi, lo, count };
  };
  for (let round = 0; round < 20 * n; round += 1) {
    const { gap, hi, lo, count } = gapOf();
    if (gap < 0.05) return gap;
    const hiCount = count[hi] ?? 1;
    const loCount = count[lo] ?? 1;
    const fromHi = slots.filter((slot) => slot.cls === hi && slot.pupil.score !== undefined);
    const fromLo = slots.filter((slot) => slot.cls === lo && slot.pupil.score !== undefined);
    let best: [Slot, Slot] | undefined;
    let bestGap = gap;
    for (const a of fromHi) {
      for (const b of fromLo) {
        if (!exchangeable(a, b)) continue;
        const d = (a.pupil.score ?? 0) - (b.pupil.score ?? 0);
        if (d <= 0) continue;
        const pairGap = Math.abs(gap - d / hiCount - d / loCount);
        if (pairGap < bestGap - 1e-9) {
          best = [a, b];
          bestGap = pairGap;
        }
      }
    }
    if (best === undefined) return gap;
    const [a, b] = best;
    a.cls = lo;
    b.cls = hi;
  }
  return gapOf().gap;
}
