import { createDecipheriv, createHmac, randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { Sm3Mac, Sm4CbcStream } from "./field-crypto-fast.ts";

describe("the field cipher's set-up-once path", () => {
  it("gives the same HMAC-SM3 as createHmac, for short and long keys", () => {
    for (const key of [randomBytes(32), randomBytes(100)]) {
      const mac = new Sm3Mac(key);
      for (const msg of ["", "a", "王测试安".repeat(40)]) {
        expect(
          mac.mac("p:", Buffer.from(msg)).equals(createHmac("sm3", key).update("p:").update(msg).digest()),
        ).toBe(true);
      }
    }
  });

  it("encrypts each value as SM4-CBC under its own random IV, opened by a fresh decipher", () => {
    const key = randomBytes(16);
    const stream = new Sm4CbcStream(key);
    const ivs = new Set<string>();
    for (const text of ["", "x", "0123456789abcdef", "王测试安 620899201604171234".repeat(7)]) {
      for (let n = 0; n < 3; n++) {
        const { iv, ct } = stream.encrypt(Buffer.from(text));
        ivs.add(iv.toString("hex"));
        const d = createDecipheriv("sm4-cbc", key, iv);
        expect(Buffer.concat([d.update(ct), d.final()]).toString()).toBe(text);
      }
    }
    expect(ivs.size).toBe(12);
  });
});
