#!/usr/bin/env node
// luoshi runs its TypeScript directly on Node.js 24 (type stripping). The repo pins Node 24 as a dev
// dependency, so `npx luoshi` and the npm scripts find it; a bare older `node` gets a clear message.
const major = Number(process.versions.node.split(".")[0]);
if (major < 24) {
  console.error(
    `luoshi 需要 Node.js 24（当前 ${process.version}）。请在仓库根目录用 npx luoshi 或 npm run luoshi -- … 运行。\n` +
      `luoshi needs Node.js 24 (this is ${process.version}); run it as \`npx luoshi\` from the repository root.`,
  );
  process.exit(1);
}
await import("../src/main.ts");
