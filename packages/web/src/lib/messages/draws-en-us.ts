import type { drawsZhCN } from "./draws-zh-cn.ts";

/** The public draw-verification page in English; must carry every key of the Chinese strings. */
export const drawsEnUS: Record<keyof typeof drawsZhCN, string> = {
  "draw.linkFromLogin": "Public: verify a published draw (lottery, classes, inspections)",
  "draw.title": "Verify a draw",
  "draw.intro":
    "Every lottery, class draw and random inspection draw can be recomputed from the published frozen list and public numbers (algorithm {algorithm}). This page computes in your browser and sends nothing; `luoshi draw verify` or the stand-alone script do the same.",
  "draw.labels": "Frozen list",
  "draw.labelsHelp": "One entry per line, in the published order (application numbers, school codes …).",
  "draw.entropy": "Public numbers",
  "draw.entropyHelp": "One source per line, e.g. “Double Color Ball 2027031: 3 11 19 24 27 31 9”.",
  "draw.reveal": "Revealed link (if any)",
  "draw.commitment": "Commitment (if any)",
  "draw.published": "Published result (optional)",
  "draw.publishedHelp": "Paste the published result CSV (rank, entry, position) to compare row by row.",
  "draw.run": "Recompute",
  "draw.failed": "Cannot compute",
  "draw.agrees": "Verified: the ranks of all {count} entries match the recomputation",
  "draw.differs": "Not verified: {count} differences from the recomputation",
  "draw.digest": "List fingerprint (SHA-256)",
  "draw.key": "Entropy key",
  "draw.rank": "Rank",
  "draw.label": "Entry",
  "draw.position": "Position",
};
