/**
 * Fuzz benchmark of 导入规划文件 over HTTP on an in-memory PGlite: the named hostile documents of issue 14
 * (a 200 MB zip bomb, 10⁶ headings, 10⁵ unclosed <div>, a 2,000-page PDF, NUL, a giant run, stray
 * bytes), then damaged seeds (truncated, bit-flipped, padded, random) until ≥ 1,000 uploads, then
 * GET /api/plans after a 5,000-item draft. Prints crashes (5xx or a thrown request), the slowest
 * request, requests over 5 s, partial writes and refusals that do not say which file and where.
 * Run: node scripts/bench-fuzz-docs.ts [uploads=1000] [seed=14]
 */
import { createTestServer, TestClient } from "@luoshi/server/testing";
import {
  damage,
  hostileDocuments,
  seedFiles,
  seededRandom,
  uploadAndCheck,
  type Damage,
  type FuzzDocument,
} from "@luoshi/server/fuzz";

const uploads = Number(process.argv[2] ?? 1000);
const random = seededRandom(Number(process.argv[3] ?? 14));
const server = await createTestServer("pglite");
try {
  const client = new TestClient(server.app);
  await client.login("bureauplanner");
  const seeds = await seedFiles();
  const kinds: Damage[] = ["truncate", "flip", "insert", "random"];
  const docs: FuzzDocument[] = [...(await hostileDocuments(200)), ...seeds];
  while (docs.length < uploads) {
    const from = seeds[Math.floor(random() * seeds.length)];
    const kind = kinds[Math.floor(random() * kinds.length)] ?? "flip";
    if (from !== undefined) {
      docs.push({ ...from, label: `${from.label} (${kind})`, bytes: damage(from.bytes, kind, random) });
    }
  }
  let crashes = 0;
  let maxMs = 0;
  let slowest = "";
  let over5s = 0;
  let accepted = 0;
  const problems: string[] = [];
  const started = performance.now();
  for (const [i, doc] of docs.entries()) {
    if (i > 0 && i % 100 === 0) {
      console.error(
        `… ${String(i)} uploads, ${String(crashes)} crashes, slowest ${(maxMs / 1000).toFixed(2)} s`,
      );
    }
    try {
      const outcome = await uploadAndCheck(client, server.handle.db, doc);
      if (outcome.status >= 500) crashes++;
      if (outcome.status === 201) accepted++;
      if (outcome.ms > maxMs) {
        maxMs = outcome.ms;
        slowest = doc.label;
      }
      if (outcome.ms > 5000) over5s++;
      problems.push(...outcome.problems);
    } catch (error) {
      crashes++;
      problems.push(`${doc.label}: ${String(error)}`);
    }
  }
  const partial = problems.filter((p) => p.includes("database changed")).length;
  const unnamed = problems.filter((p) => p.includes("does not name") || p.includes("no where")).length;
  console.log(
    `${String(docs.length)} uploads in ${((performance.now() - started) / 1000).toFixed(0)} s: ${String(accepted)} accepted, ${String(docs.length - accepted)} refused`,
  );
  console.log(
    `crashes ${String(crashes)}, partial writes ${String(partial)}, refusals without file/where ${String(unnamed)}`,
  );
  console.log(`slowest request ${(maxMs / 1000).toFixed(2)} s (${slowest}); over 5 s: ${String(over5s)}`);
  for (const p of problems.slice(0, 20)) console.log(`  ${p}`);

  // the plan list with a draft at the item bound
  const big = `${Array.from({ length: 4999 }, () => "一、加强工作").join("\n")}\n`;
  const imported = await client.request("POST", "/api/plans", {
    fileName: "五千条.txt",
    contentBase64: Buffer.from(big).toString("base64"),
  });
  const t0 = performance.now();
  const list = await client.request("GET", "/api/plans");
  console.log(
    `5,000-item draft: import ${String(imported.statusCode)}; GET /api/plans ${String(list.statusCode)} in ${(performance.now() - t0).toFixed(0)} ms`,
  );
  process.exitCode = crashes + problems.length === 0 ? 0 : 1;
} finally {
  await server.close();
}
