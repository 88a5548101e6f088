import { md5 } from "@noble/hashes/legacy.js";
import { utf8ToBytes } from "@noble/hashes/utils.js";
import { DrawInputError } from "./entropy.ts";

/** One step of an RFC 3797 selection, as the RFC's worked example prints it. */
export interface Rfc3797Step {
  /** 1-based selection index. */
  readonly index: number;
  readonly md5Hex: string;
  /** How many pool members were left to choose from (the divisor). */
  readonly remaining: number;
  /** 1-based pool position chosen. */
  readonly selected: number;
}

function remainder(digest: Uint8Array, divisor: number): number {
  let acc = 0;
  for (const byte of digest) acc = (acc * 256 + byte) % divisor;
  return acc;
}

function toHex(bytes: Uint8Array): string {
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, "0")).join("");
}

/**
 * RFC 3797 §4 (Eastlake, 2004): selection i (0-based) hashes the two-byte big-endian i, the key
 * string and the same two bytes with MD5, takes the 128-bit value modulo the number of members
 * still in the pool, and picks that member (counting from 0 in pool order). Kept for its published
 * reference inputs and outputs, which prove this module's arithmetic; new draws use `drawOrder`.
 */
export function rfc3797Select(poolSize: number, count: number, key: string): Rfc3797Step[] {
  if (!Number.isInteger(poolSize) || poolSize < 1 || poolSize > 65_535) {
    throw new DrawInputError(`名单人数须在 1 至 65535 之间，收到 ${poolSize}`);
  }
  if (!Number.isInteger(count) || count < 0 || count > poolSize) {
    throw new DrawInputError(`抽取人数须在 0 至 ${poolSize} 之间，收到 ${count}`);
  }
  const keyBytes = utf8ToBytes(key);
  const left = Array.from({ length: poolSize }, (_, index) => index + 1);
  const steps: Rfc3797Step[] = [];
  for (let index = 0; index < count; index += 1) {
    const message = new Uint8Array(keyBytes.length + 4);
    message[0] = (index >> 8) & 0xff;
    message[1] = index & 0xff;
    message.set(keyBytes, 2);
    message[keyBytes.length + 2] = (index >> 8) & 0xff;
    message[keyBytes.length + 3] = index & 0xff;
    const digest = md5(message);
    const remaining = left.length;
    const [selected] = left.splice(remainder(digest, remaining), 1);
    if (selected === undefined) throw new Error("unreachable: remainder outside the pool");
    steps.push({ index: index + 1, md5Hex: toHex(digest).toUpperCase(), remaining, selected });
  }
  return steps;
}
