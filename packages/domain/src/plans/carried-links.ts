/**
 * 指标关联沿用: when a revised plan is confirmed, its targets that staff have not linked to an
 * indicator yet take over the confirmed links of the superseded version. Pure.
 */

/** A plan target as the carry-over reads it. */
export interface LinkableTarget {
  id: string;
  kind: string;
  text: string;
  metric: string;
  /** Whether staff confirmed the target's indicator link (目标监测). */
  isLinkConfirmed: boolean;
}

/** One link taken over: the new version's target and the superseded target it comes from. */
export interface CarriedLink {
  targetId: string;
  fromTargetId: string;
}

const normalized = (s: string): string => s.replace(/\s+/g, "");

/**
 * The links `current` takes over from `superseded`: an unlinked target takes the confirmed link of
 * the superseded target with the same kind and text (whitespace ignored; paths may differ — items get
 * renumbered between versions), else of the only target with the same kind and metric on both sides.
 * Each old target passes its link on at most once.
 */
export function carriedLinks(
  current: readonly LinkableTarget[],
  superseded: readonly LinkableTarget[],
): CarriedLink[] {
  const confirmed = superseded.filter((o) => o.isLinkConfirmed);
  const used = new Set<string>();
  const out: CarriedLink[] = [];
  const open = current.filter((t) => !t.isLinkConfirmed);
  const take = (t: LinkableTarget, o: LinkableTarget | undefined): boolean => {
    if (o === undefined || used.has(o.id)) {
      return false;
    }
    used.add(o.id);
    out.push({ targetId: t.id, fromTargetId: o.id });
    return true;
  };
  const rest = open.filter(
    (t) =>
      !take(
        t,
        confirmed.find(
          (o) => !used.has(o.id) && o.kind === t.kind && normalized(o.text) === normalized(t.text),
        ),
      ),
  );
  const sameMetric = (a: LinkableTarget, b: LinkableTarget): boolean =>
    a.kind === b.kind && a.metric !== "" && normalized(a.metric) === normalized(b.metric);
  for (const t of rest) {
    const olds = superseded.filter((o) => sameMetric(o, t));
    const news = current.filter((n) => sameMetric(n, t));
    const o = olds.length === 1 && news.length === 1 ? olds[0] : undefined;
    if (o !== undefined && o.isLinkConfirmed) {
      take(t, o);
    }
  }
  return out;
}
