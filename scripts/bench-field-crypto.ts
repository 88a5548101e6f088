// Field encryption benchmark (issue 15): how fast personal data is sealed, opened and indexed per field
// (SM4-CBC + HMAC-SM3, and AES-256-GCM), and how long `luoshi pii rotate-key` takes for a registry-sized
// column on the embedded database. Run: node scripts/bench-field-crypto.ts
import { performance } from "node:perf_hooks";
import { blindIndexWith, decryptWith, encryptField, encryptWith, newFieldKeyring } from "@luoshi/db";
import { createEncryptedProbe, createTestDatabase } from "@luoshi/db/testing";
import { parseConfig, rotateFieldKey, systemActor, type ServiceDeps } from "@luoshi/server";

const VALUES = 100_000;
const ROWS = 20_000;
const ids = Array.from({ length: VALUES }, (_, i) => `62080220${String(100000000 + i).slice(1)}X`);

function perSecond(label: string, work: () => void): void {
  const start = performance.now();
  work();
  const ms = performance.now() - start;
  console.log(`${label.padEnd(34)} ${String(Math.round((VALUES / ms) * 1000)).padStart(9)} /s`);
}

const ring = newFieldKeyring();
for (const algorithm of ["sm4", "aes"] as const) {
  let sealed: string[] = [];
  perSecond(`encrypt 身份证号 (${algorithm})`, () => {
    sealed = ids.map((v) => encryptWith(ring, v, "k1", algorithm));
  });
  perSecond(`decrypt 身份证号 (${algorithm})`, () => {
    for (const s of sealed) {
      decryptWith(ring, s);
    }
  });
}
perSecond("blind index 身份证号 (HMAC-SM3)", () => {
  for (const v of ids) {
    blindIndexWith(ring, "idNumber", v);
  }
});

const handle = await createTestDatabase("pglite");
const parsed = parseConfig({ LUOSHI_DATA_DIR: "/tmp/luoshi-bench-field-crypto" });
if (parsed.config === undefined) {
  throw new Error("config");
}
const deps: ServiceDeps = { handle, config: parsed.config, now: () => new Date() };
const probe = await createEncryptedProbe(
  handle.db,
  "bench_pupils",
  ids.slice(0, ROWS).map((v) => encryptField(handle.db, v)),
);
const start = performance.now();
const result = await rotateFieldKey(deps, systemActor("bench"), () => undefined, [probe]);
const seconds = (performance.now() - start) / 1000;
console.log(
  `rotate-key, ${String(ROWS)} rows (PGlite)        ${seconds.toFixed(1)} s (${String(result.columns[0]?.rewritten)} re-encrypted, ${String(Math.round(ROWS / seconds))} rows/s)`,
);
await handle.close();
