import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  auditRepo,
  decryptField,
  encryptField,
  ENCRYPTED_COLUMNS,
  fieldKeyring,
  WHOLE_TREE,
  type DatabaseHandle,
  type EncryptedColumn,
  type FieldKeyring,
} from "@luoshi/db";
import {
  createEncryptedProbe,
  createTestDatabase,
  overwriteEncryptedValue,
  readEncryptedColumn,
  TEST_FIELD_KEYRING,
  testEngines,
} from "@luoshi/db/testing";
import { parseConfig } from "../../config.ts";
import { systemActor, type ServiceDeps } from "../../context.ts";
import { fieldKeyUsage, rotateFieldKey } from "./rotate-field-key.service.ts";

/** A throwaway table stands for a registry's encrypted column (600 rows: more than one batch). */
const ROWS = 600;
const ID_A = "11010519491231002X";
const ID_B = "620102201503071236";
const idOf = (i: number) => `6201022015030${String(i).padStart(5, "0")}`;

describe.each(testEngines())("rotating the field key (%s)", (engine) => {
  let handle: DatabaseHandle;
  let deps: ServiceDeps;
  let probe: EncryptedColumn;
  beforeAll(async () => {
    handle = await createTestDatabase(engine);
    const config = parseConfig({ LUOSHI_DATA_DIR: "/tmp/luoshi-test-unused", NODE_ENV: "test" }).config;
    if (config === undefined) {
      throw new Error("config");
    }
    deps = { handle, config, now: () => new Date() };
    const values = Array.from({ length: ROWS }, (_, i) =>
      i % 7 === 0 ? null : encryptField(handle.db, idOf(i)),
    );
    probe = await createEncryptedProbe(handle.db, "pii_rotation_probe", values);
  }, 180_000);
  afterAll(async () => {
    await handle.close();
  });

  it("re-encrypts every value under a new current key, keeps the old key, and records it", async () => {
    const saved: FieldKeyring[] = [];
    const before = await fieldKeyUsage(deps, [probe]);
    expect(before.columns[0]?.byKey).toEqual({ test1: ROWS - Math.ceil(ROWS / 7) });

    const result = await rotateFieldKey(deps, systemActor("test"), (ring) => saved.push(ring), [
      ...ENCRYPTED_COLUMNS,
      probe,
    ]);
    expect(result.from).toBe("test1");
    expect(result.to).toBe("k1");
    expect(result.columns.find((c) => c.table === probe.table)?.rewritten).toBe(ROWS - Math.ceil(ROWS / 7));
    // the ring was saved before anything changed, and it still holds the old key
    expect(saved).toHaveLength(1);
    expect([...(saved[0]?.keys.keys() ?? [])]).toEqual(["test1", "k1"]);
    expect(fieldKeyring(handle.db)).toBe(saved[0]);

    const rows = await readEncryptedColumn(handle.db, probe);
    expect(rows).toHaveLength(ROWS);
    rows.forEach((r, i) => {
      if (i % 7 === 0) {
        expect(r.value).toBeNull();
      } else {
        expect(r.value?.startsWith("k1:sm4:")).toBe(true);
        expect(decryptField(handle.db, r.value ?? "")).toBe(idOf(i));
      }
    });
    const after = await fieldKeyUsage(deps, [probe]);
    expect(after.columns[0]?.byKey).toEqual({ k1: ROWS - Math.ceil(ROWS / 7) });

    const trail = await auditRepo.list(handle.db, {
      scope: WHOLE_TREE,
      action: "pii.rotate-key",
      limit: 10,
      offset: 0,
    });
    expect(trail.rows.map((r) => r.entity_id)).toEqual(["k1"]);
    expect(JSON.stringify(trail.rows[0]?.details)).not.toContain(
      TEST_FIELD_KEYRING.keys.get("test1")?.toString("hex"),
    );
  });

  it("rewrites a column keyed by uuid, as the registries' tables are", async () => {
    const byUuid = await createEncryptedProbe(
      handle.db,
      "pii_rotation_uuid_probe",
      [ID_A, ID_B].map((v) => encryptField(handle.db, v)),
      "uuid",
    );
    const result = await rotateFieldKey(deps, systemActor("test"), () => undefined, [byUuid]);
    expect(result).toMatchObject({ from: "k1", to: "k2", columns: [{ rewritten: 2 }] });
    const rows = await readEncryptedColumn(handle.db, byUuid);
    expect(rows.map((r) => r.value?.slice(0, 7))).toEqual(["k2:sm4:", "k2:sm4:"]);
    expect(rows.map((r) => decryptField(handle.db, r.value ?? "")).sort()).toEqual([ID_A, ID_B]);
  });

  it("stops with the row named when a value does not open, leaving it as it was", async () => {
    const second = (await readEncryptedColumn(handle.db, probe))[1]?.value ?? "";
    await overwriteEncryptedValue(handle.db, probe, "2", `k1:sm4:AAAA${second.slice(7)}`);
    await expect(rotateFieldKey(deps, systemActor("test"), () => undefined, [probe])).rejects.toThrow(
      /pii_rotation_probe\.secret（id = 2）无法解密/,
    );
  });
});
