/**
 * The web bundle as a browser receives it: every built asset's size raw, gzip and brotli (the files the
 * build writes beside it and the server sends), and what the login page loads before anyone signs in.
 * Run after `npm run build:web`.
 */
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const dist = fileURLToPath(new URL("../packages/web/dist/", import.meta.url));
const assets = join(dist, "assets");
if (!existsSync(assets)) {
  console.log("packages/web/dist is not built: run npm run build:web first");
  process.exit(1);
}

const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
const sizeOf = (path: string) => (existsSync(path) ? statSync(path).size : 0);
const rows = readdirSync(assets)
  .filter((name) => /\.(js|css)$/.test(name))
  .map((name) => {
    const path = join(assets, name);
    return { name, raw: sizeOf(path), gz: sizeOf(`${path}.gz`), br: sizeOf(`${path}.br`) };
  })
  .sort((a, b) => b.raw - a.raw);

console.log(`${"asset".padEnd(40)}${"raw".padStart(12)}${"gzip".padStart(12)}${"brotli".padStart(12)}`);
for (const r of rows.slice(0, 12)) {
  console.log(
    `${r.name.padEnd(40)}${kb(r.raw).padStart(12)}${kb(r.gz).padStart(12)}${kb(r.br).padStart(12)}`,
  );
}
const total = (key: "raw" | "gz" | "br") => rows.reduce((n, r) => n + (r[key] || r.raw), 0);
console.log(
  `all ${String(rows.length)} assets: raw ${kb(total("raw"))}, gzip ${kb(total("gz"))}, brotli ${kb(total("br"))}`,
);

// The login page: index.html's entry script, its preloads and stylesheet (the login route's own chunk is
// small and loads after them).
const html = readFileSync(join(dist, "index.html"), "utf8");
const first = [...html.matchAll(/(?:src|href)="\/assets\/([^"]+)"/g)].map((m) => m[1] ?? "");
const firstRows = rows.filter((r) => first.includes(r.name));
const sum = (key: "raw" | "br") => firstRows.reduce((n, r) => n + (r[key] || r.raw), 0);
console.log(
  `login page before sign-in: ${String(firstRows.length)} files, raw ${kb(sum("raw"))}, brotli ${kb(sum("br"))}; charts loaded: ${first.some((n) => n.startsWith("echarts")) ? "yes" : "no"}`,
);
