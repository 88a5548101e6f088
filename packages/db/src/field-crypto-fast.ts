/**
 * The field cipher's hot path without per-value set-up (docs/student-registry.md, "Performance").
 * Node sets up an OpenSSL cipher or HMAC context afresh for every createCipheriv/createHmac, which costs
 * far more than the few hundred bytes of a pupil's values. Both are made once per key here:
 *
 * - **HMAC-SM3** (RFC 2104) as two SM3 hashes whose states after the padded key (K ⊕ ipad, K ⊕ opad) are
 *   kept and copied per value: HMAC(K, m) = SM3((K ⊕ opad) ‖ SM3((K ⊕ ipad) ‖ m)). Same bytes as
 *   createHmac("sm3", K).
 * - **SM4-CBC with a fresh random IV per value** from one long-lived CBC cipher (no automatic padding):
 *   CBC encrypts each block as E(X ⊕ C_prev), where C_prev is the stream's last ciphertext block; feeding
 *   the value's first block as P₁ ⊕ IV ⊕ C_prev gives E(P₁ ⊕ IV) — exactly the first block of SM4-CBC
 *   under IV — and the value's later blocks chain as CBC does. The output is bit for bit what a new
 *   cipher with that IV gives (PKCS#7 padding added here), so decryption is unchanged. IVs come from the
 *   system's random source in batches.
 */
import { createCipheriv, createHash, randomBytes, type Cipheriv, type Hash } from "node:crypto";

const SM3_BLOCK = 64;

/** HMAC-SM3 with a key fixed once. */
export class Sm3Mac {
  private readonly inner: Hash;
  private readonly outer: Hash;

  constructor(key: Buffer) {
    const k = Buffer.alloc(SM3_BLOCK);
    (key.length > SM3_BLOCK ? createHash("sm3").update(key).digest() : key).copy(k);
    const ipad = Buffer.alloc(SM3_BLOCK);
    const opad = Buffer.alloc(SM3_BLOCK);
    for (let i = 0; i < SM3_BLOCK; i++) {
      ipad[i] = (k[i] ?? 0) ^ 0x36;
      opad[i] = (k[i] ?? 0) ^ 0x5c;
    }
    this.inner = createHash("sm3").update(ipad);
    this.outer = createHash("sm3").update(opad);
  }

  /** The MAC of the parts, concatenated (strings as UTF-8). */
  mac(...parts: readonly (string | Buffer)[]): Buffer {
    const h = this.inner.copy();
    for (const p of parts) {
      h.update(p);
    }
    return this.outer.copy().update(h.digest()).digest();
  }
}

const IV_BATCH = 4096;

/** SM4-CBC encryption with a random IV per value, through one cipher context per key. */
export class Sm4CbcStream {
  private readonly cipher: Cipheriv;
  private last = Buffer.alloc(16);
  private ivs = Buffer.alloc(0);
  private ivAt = 0;

  constructor(key: Buffer) {
    this.cipher = createCipheriv("sm4-cbc", key, Buffer.alloc(16));
    this.cipher.setAutoPadding(false);
  }

  /** A fresh random IV and the SM4-CBC ciphertext (PKCS#7 padded) of `plain` under it. */
  encrypt(plain: Buffer): { iv: Buffer; ct: Buffer } {
    if (this.ivAt + 16 > this.ivs.length) {
      this.ivs = randomBytes(16 * IV_BATCH);
      this.ivAt = 0;
    }
    const iv = Buffer.from(this.ivs.subarray(this.ivAt, this.ivAt + 16));
    this.ivAt += 16;
    const pad = 16 - (plain.length % 16);
    const block = Buffer.alloc(plain.length + pad, pad);
    plain.copy(block);
    for (let i = 0; i < 16; i++) {
      block[i] = (block[i] ?? 0) ^ (iv[i] ?? 0) ^ (this.last[i] ?? 0);
    }
    const ct = this.cipher.update(block);
    this.last = Buffer.from(ct.subarray(ct.length - 16));
    return { iv, ct };
  }
}
