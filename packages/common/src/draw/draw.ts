import { extract } from "@noble/hashes/hkdf.js";
import { hmac } from "@noble/hashes/hmac.js";
import { sha256 } from "@noble/hashes/sha2.js";
import { bytesToHex, hexToBytes, utf8ToBytes } from "@noble/hashes/utils.js";
import { DrawInputError, entropyKey, parseEntropyText, type EntropySource } from "./entropy.ts";

/** The name of the algorithm below; printed on every 公示 so that a reader knows what to re-run. */
export const DRAW_ALGORITHM = "luoshi-draw-v1";

/**
 * The frozen list's fingerprint, published when the list is frozen and before the seed is known:
 * SHA-256 of the labels joined by "\n" in UTF-8, in the published order.
 */
export function listDigest(labels: readonly string[]): string {
  checkLabels(labels);
  return bytesToHex(sha256(utf8ToBytes(labels.join("\n"))));
}

function checkLabels(labels: readonly string[]): void {
  if (labels.length === 0) throw new DrawInputError("名单为空，无法抽签", "labels");
  const seen = new Set<string>();
  for (const [index, label] of labels.entries()) {
    if (label.trim() === "" || label !== label.trim() || /[\r\n]/u.test(label)) {
      throw new DrawInputError(`名单第 ${index + 1} 项“${label}”为空、含换行或首尾空白`, "labels");
    }
    if (seen.has(label)) throw new DrawInputError(`名单第 ${index + 1} 项“${label}”重复`, "labels");
    seen.add(label);
  }
}

/**
 * A commitment to a secret made before the list is frozen: SHA-256 applied `rounds` times (a hash
 * chain, as in the S/KEY scheme of RFC 1760). The bureau publishes the last link and, at the draw,
 * reveals the link before it; anyone checks that one more SHA-256 gives the published value.
 */
export function hashChain(secretHex: string, rounds: number): string[] {
  if (!Number.isInteger(rounds) || rounds < 1 || rounds > 10_000) {
    throw new DrawInputError(`哈希链长度须在 1 至 10000 之间，收到 ${rounds}`);
  }
  const links: string[] = [];
  let current = parseHex(secretHex, "密钥");
  for (let round = 0; round < rounds; round += 1) {
    current = sha256(current);
    links.push(bytesToHex(current));
  }
  return links;
}

/** True when SHA-256(reveal) is the published commitment. */
export function revealMatches(revealHex: string, commitmentHex: string): boolean {
  return bytesToHex(sha256(parseHex(revealHex, "揭示值"))) === commitmentHex.toLowerCase();
}

function parseHex(value: string, what: string): Uint8Array {
  if (!/^(?:[0-9a-fA-F]{2})+$/u.test(value)) throw new DrawInputError(`${what}须为十六进制字节串`, "reveal");
  return hexToBytes(value.toLowerCase());
}

export interface DrawInput {
  /** The frozen list, in its published order: application numbers, school codes — never names. */
  readonly labels: readonly string[];
  /** Public numbers fixed after the list was frozen (named lottery draws of a later date). */
  readonly entropy: readonly EntropySource[];
  /** The revealed link of a published hash-chain commitment, if the draw used one. */
  readonly reveal?: { readonly revealHex: string; readonly commitmentHex: string };
}

export interface DrawPosition {
  readonly label: string;
  /** 1-based place in the draw's order: 摇号 sequence number, 抽查 order, class order. */
  readonly rank: number;
  /** The label's 128-bit position value, hex; the order is these values ascending. */
  readonly position: string;
}

export interface DrawResult {
  readonly algorithm: typeof DRAW_ALGORITHM;
  readonly listDigest: string;
  readonly entropyKey: string;
  readonly order: readonly DrawPosition[];
}

/**
 * Orders a frozen list by public randomness (after the Verifiable Random Selection draft,
 * draft-thomson-elegy-vrs-00, which succeeds RFC 3797):
 *   PRK = HKDF-Extract(salt = revealed link or empty, IKM = "luoshi-draw-v1\n" + listDigest + "\n" + entropyKey)
 *   position(label) = HKDF-Expand(PRK, info = label in UTF-8, 16 bytes)
 * and sorts by position (ties, which need a 128-bit collision, by label). A label's position does not
 * depend on the others, so adding or removing a name after the freeze cannot be hidden: the digest
 * changes. Selecting k = taking the first k of the order.
 */
export function drawOrder(input: DrawInput): DrawResult {
  const digest = listDigest(input.labels);
  const key = entropyKey(input.entropy);
  let salt: Uint8Array = new Uint8Array(0);
  if (input.reveal !== undefined) {
    if (!revealMatches(input.reveal.revealHex, input.reveal.commitmentHex)) {
      throw new DrawInputError("揭示值与事先公布的承诺值不符：SHA-256(揭示值) ≠ 承诺值", "reveal");
    }
    salt = parseHex(input.reveal.revealHex, "揭示值");
  }
  const prk = extract(sha256, utf8ToBytes(`${DRAW_ALGORITHM}\n${digest}\n${key}`), salt);
  // HKDF-Expand to 16 bytes is the first block alone, T(1) = HMAC(PRK, info || 0x01), truncated; the
  // keyed HMAC state is made once and cloned per label (a city's 100,000 applications).
  const keyed = hmac.create(sha256, prk);
  const counter = Uint8Array.of(1);
  const positions = input.labels.map((label) => ({
    label,
    position: bytesToHex(keyed.clone().update(utf8ToBytes(label)).update(counter).digest().subarray(0, 16)),
  }));
  positions.sort((a, b) =>
    a.position < b.position ? -1 : a.position > b.position ? 1 : a.label < b.label ? -1 : 1,
  );
  return {
    algorithm: DRAW_ALGORITHM,
    listDigest: digest,
    entropyKey: key,
    order: positions.map((entry, index) => ({ ...entry, rank: index + 1 })),
  };
}

/** One row of a published result as read back from its CSV: the line it is on, 名次 and 名单项. */
export interface PublishedRow {
  readonly line: number;
  readonly rank: string;
  readonly label: string;
}

/**
 * Compares a recomputed draw with a published result, row by row; each problem names the rank, the
 * label it should have and the published line. Empty when they agree.
 */
export function compareWithPublished(result: DrawResult, published: readonly PublishedRow[]): string[] {
  const problems: string[] = [];
  if (published.length !== result.order.length) {
    problems.push(`公布结果有 ${published.length} 项，重算有 ${result.order.length} 项`);
  }
  for (const [index, expected] of result.order.entries()) {
    const row = published[index];
    if (row !== undefined && row.rank === String(expected.rank) && row.label === expected.label) continue;
    const found = row === undefined ? "缺失" : `第 ${row.line} 行为“${row.rank} ${row.label}”`;
    problems.push(`名次 ${expected.rank} 应为“${expected.label}”，公布结果${found}`);
  }
  return problems;
}

/** The header of a published result CSV, which `publishedRows` skips. */
export const RESULT_HEADER = ["名次", "名单项", "位置值"] as const;

/** Reads the rows of a published result from parsed CSV records, skipping the header. */
export function publishedRows(
  records: readonly { line: number; fields: readonly string[] }[],
): PublishedRow[] {
  return records
    .filter((record) => record.fields[0] !== RESULT_HEADER[0])
    .map((record) => ({ line: record.line, rank: record.fields[0] ?? "", label: record.fields[1] ?? "" }));
}

/** A draw's inputs as a 公示 publishes them: texts, not yet parsed. */
export interface DrawText {
  /** The frozen list, one label per line in the published order; blank lines are skipped. */
  readonly labels: string;
  /** The public numbers, one source per line ({@link parseEntropyText}). */
  readonly entropy: string;
  /** The revealed link and the commitment, both or neither; blank counts as absent. */
  readonly reveal?: string;
  readonly commitment?: string;
}

/**
 * Reads the list one label per line: a repeated label is named with both lines (the list's positions
 * shift when blank lines are skipped, so positions would not help a reader find it).
 */
export function parseLabelText(text: string): string[] {
  const firstLine = new Map<string, number>();
  const labels: string[] = [];
  for (const [index, raw] of text.split(/\r?\n/u).entries()) {
    const label = raw.trim();
    if (label === "") continue;
    const earlier = firstLine.get(label);
    if (earlier !== undefined) {
      throw new DrawInputError(`名单第 ${index + 1} 行“${label}”与第 ${earlier} 行重复`, "labels");
    }
    firstLine.set(label, index + 1);
    labels.push(label);
  }
  return labels;
}

/** The draw of published texts: the one path the command line and the public page both take. */
export function drawFromText(text: DrawText): DrawResult {
  const reveal = text.reveal?.trim() ?? "";
  const commitment = text.commitment?.trim() ?? "";
  if ((reveal === "") !== (commitment === "")) {
    throw new DrawInputError("揭示值与承诺值须同时给出", "reveal");
  }
  return drawOrder({
    labels: parseLabelText(text.labels),
    entropy: parseEntropyText(text.entropy),
    ...(reveal === "" ? {} : { reveal: { revealHex: reveal, commitmentHex: commitment } }),
  });
}
