import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "./client.ts";
import { inTransaction } from "./db.ts";
import {
  addFieldKey,
  attachFieldKeyring,
  blindIndex,
  blindIndexWith,
  decryptField,
  decryptWith,
  describeField,
  encryptField,
  encryptWith,
  fieldKeyring,
  formatFieldKeyring,
  newFieldKeyring,
  parseFieldKeyring,
  type FieldKeyring,
} from "./field-crypto.ts";
import { createTestDatabase, TEST_FIELD_KEYRING, testEngines } from "./testing.ts";

const ID = "620102201503071236";

describe("field encryption (pure)", () => {
  const ring = newFieldKeyring();

  it("seals with SM4 by default and opens again", () => {
    const stored = encryptWith(ring, ID);
    expect(stored).toMatch(/^k1:sm4:[A-Za-z0-9+/=]+$/);
    expect(stored).not.toContain(ID);
    expect(decryptWith(ring, stored)).toBe(ID);
    expect(describeField(stored)).toEqual({ keyId: "k1", algorithm: "sm4" });
  });

  it("seals with AES-256-GCM when the ring says so", () => {
    const aes: FieldKeyring = { ...ring, algorithm: "aes" };
    const stored = encryptWith(aes, "甘肃省平凉市崆峒区柳湖镇下坪村3组");
    expect(stored.startsWith("k1:aes:")).toBe(true);
    expect(decryptWith(ring, stored)).toBe("甘肃省平凉市崆峒区柳湖镇下坪村3组");
  });

  it("gives a different ciphertext each time (random IV)", () => {
    expect(encryptWith(ring, ID)).not.toBe(encryptWith(ring, ID));
  });

  it("refuses a value whose ciphertext, tag, key id or algorithm was changed", () => {
    for (const algorithm of ["sm4", "aes"] as const) {
      const stored = encryptWith(ring, ID, "k1", algorithm);
      const body = Buffer.from(stored.slice(7), "base64");
      body[20] = (body[20] ?? 0) ^ 1;
      expect(() => decryptWith(ring, `k1:${algorithm}:${body.toString("base64")}`)).toThrow(/完整性/);
      const other = algorithm === "sm4" ? "aes" : "sm4";
      expect(() => decryptWith(ring, `k1:${other}:${stored.slice(7)}`)).toThrow(/完整性|过短/);
    }
    const two = addFieldKey(ring);
    const moved = `k2${encryptWith(two, ID, "k1").slice(2)}`;
    expect(() => decryptWith(two, moved)).toThrow(/完整性/);
    expect(() => decryptWith(ring, "plain text")).toThrow(/格式/);
    expect(() => decryptWith(ring, encryptWith(two, ID))).toThrow(/没有密钥 k2/);
  });

  it("opens values of every key in the ring after a new key is added", () => {
    const old = encryptWith(ring, ID);
    const two = addFieldKey(ring);
    expect(two.current).toBe("k2");
    const fresh = encryptWith(two, ID);
    expect(fresh.startsWith("k2:sm4:")).toBe(true);
    expect(decryptWith(two, old)).toBe(ID);
    expect(decryptWith(two, fresh)).toBe(ID);
    expect(addFieldKey(two).current).toBe("k3");
  });

  it("indexes normalised values, keyed and per kind", () => {
    const a = blindIndexWith(ring, "idNumber", "11010519491231002x");
    expect(a).toMatch(/^[0-9a-f]{64}$/);
    expect(blindIndexWith(ring, "idNumber", " 1101 0519 4912 3100 2X ")).toBe(a);
    expect(blindIndexWith(ring, "idNumber", "１１０１０５１９４９１２３１００２Ｘ")).toBe(a);
    expect(blindIndexWith(ring, "idNumber", "110105194912310021")).not.toBe(a);
    expect(blindIndexWith(ring, "phone", "11010519491231002X")).not.toBe(a);
    expect(blindIndexWith(newFieldKeyring(), "idNumber", "11010519491231002X")).not.toBe(a);
    expect(blindIndexWith(ring, "phone", "+86 138-1234-5678")).toBe(
      blindIndexWith(ring, "phone", "13812345678"),
    );
    expect(blindIndexWith(ring, "name", "张 晓明")).toBe(blindIndexWith(ring, "name", "张晓明"));
  });

  it("writes and reads its key file, and refuses a broken one in Chinese", () => {
    const two = { ...addFieldKey(ring), algorithm: "aes" as const };
    const back = parseFieldKeyring(formatFieldKeyring(two));
    expect(back.current).toBe("k2");
    expect(back.algorithm).toBe("aes");
    expect([...back.keys.keys()]).toEqual(["k1", "k2"]);
    expect(back.indexKey.equals(two.indexKey)).toBe(true);
    expect(decryptWith(back, encryptWith(two, ID))).toBe(ID);
    // the environment form: entries separated by ";"
    const oneLine = formatFieldKeyring(ring, { oneLine: true });
    expect(parseFieldKeyring(oneLine).current).toBe("k1");
    expect(() => parseFieldKeyring("current=k1")).toThrow(/不完整/);
    expect(() => parseFieldKeyring(`current=k9;index=${"0".repeat(64)};key.k1=${"1".repeat(64)}`)).toThrow(
      /当前密钥 k9/,
    );
    expect(() => parseFieldKeyring(`current=k1;index=abc;key.k1=${"1".repeat(64)}`)).toThrow(/64 位十六进制/);
  });
});

describe.each(testEngines())("field encryption on a database (%s)", (engine) => {
  let handle: DatabaseHandle;
  beforeAll(async () => {
    handle = await createTestDatabase(engine);
  }, 180_000);
  afterAll(async () => {
    await handle.close();
  });

  it("uses the test keyring attached by createTestDatabase, also inside a transaction", async () => {
    expect(fieldKeyring(handle.db)).toBe(TEST_FIELD_KEYRING);
    const stored = encryptField(handle.db, ID);
    expect(stored.startsWith("test1:sm4:")).toBe(true);
    const inside = await inTransaction(handle.db, (trx) =>
      Promise.resolve({ plain: decryptField(trx, stored), index: blindIndex(trx, "idNumber", ID) }),
    );
    expect(inside).toEqual({ plain: ID, index: blindIndex(handle.db, "idNumber", ID) });
  });

  it("refuses to seal anything on a database without a keyring", async () => {
    const bare = await createTestDatabase(engine, { asOwner: true });
    try {
      expect(() => encryptField(bare.db, ID)).toThrow(/未加载字段密钥/);
      attachFieldKeyring(bare.db, TEST_FIELD_KEYRING);
      expect(decryptField(bare.db, encryptField(bare.db, ID))).toBe(ID);
    } finally {
      await bare.close();
    }
  });
});
