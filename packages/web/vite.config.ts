import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";
import { defineConfig, type Plugin } from "vite";
import react from "@vitejs/plugin-react";

const root = fileURLToPath(new URL(".", import.meta.url));

/**
 * Vendor chunks: react, antd and echarts are big and change rarely, so each gets its own long-cached
 * file. Higher priority wins when a module could go to two groups (react is imported by all).
 */
const vendorGroups = [
  {
    name: "react",
    priority: 40,
    test: /[\\/]node_modules[\\/](react|react-dom|react-is|scheduler|react-router|cookie|@tanstack)[\\/]/,
  },
  { name: "echarts", priority: 30, test: /[\\/]node_modules[\\/](echarts|zrender|tslib)[\\/]/ },
  {
    name: "antd",
    priority: 20,
    test: /[\\/]node_modules[\\/](antd|@ant-design|@babel[\\/]runtime|@rc-component|rc-[^/\\]+|@emotion|stylis|dayjs|throttle-debounce|scroll-into-view-if-needed|compute-scroll-into-view|is-mobile|json2mq|string-convert|toggle-selection|copy-to-clipboard|classnames|clsx)[\\/]/,
  },
  { name: "zod", priority: 10, test: /[\\/]node_modules[\\/]zod[\\/]/ },
  // Our own shared code (lib, components, contracts, common) in one file rather than many tiny ones —
  // except the chart wrapper: it imports echarts, which must stay out of the login page's files.
  {
    name: "shared",
    priority: 5,
    test: /[\\/]packages[\\/](web[\\/]src[\\/](lib|components[\\/](?!echart\.tsx))|contracts[\\/]src|common[\\/]src)[\\/]/,
  },
];

/** Assets smaller than this are sent as they are: compression would not pay for its header. */
const COMPRESS_FROM_BYTES = 1024;

/**
 * Writes `name.br` and `name.gz` beside every built asset, once at build time, so that the server
 * sends compressed files without compressing on each request (@fastify/static `preCompressed`).
 */
function precompress(): Plugin {
  return {
    name: "luoshi-precompress",
    apply: "build",
    writeBundle(options) {
      const dir = join(options.dir ?? join(root, "dist"), "assets");
      for (const name of readdirSync(dir)) {
        if (!/\.(js|css|svg|json)$/.test(name)) {
          continue;
        }
        const data = readFileSync(join(dir, name));
        if (data.length < COMPRESS_FROM_BYTES) {
          continue;
        }
        writeFileSync(
          join(dir, `${name}.br`),
          brotliCompressSync(data, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }),
        );
        writeFileSync(join(dir, `${name}.gz`), gzipSync(data, { level: 9 }));
      }
    },
  };
}

// Built from the repo root with `vite build packages/web`; the config pins its own folder as root.
export default defineConfig({
  root,
  plugins: [react(), precompress()],
  build: {
    outDir: "dist",
    emptyOutDir: true,
    chunkSizeWarningLimit: 1200,
    rolldownOptions: {
      output: {
        codeSplitting: { includeDependenciesRecursively: false, groups: vendorGroups },
      },
    },
  },
  server: {
    proxy: { "/api": { target: "http://localhost:3000", changeOrigin: false } },
  },
  preview: {
    proxy: { "/api": { target: "http://localhost:3000", changeOrigin: false } },
  },
});
