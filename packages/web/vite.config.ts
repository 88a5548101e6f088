import { fileURLToPath } from "node:url";
import { defineConfig } from "vite";
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
  // Our own shared code (lib, components, contracts, common) in one file rather than many tiny ones.
  {
    name: "shared",
    priority: 5,
    test: /[\\/]packages[\\/](web[\\/]src[\\/](lib|components)|contracts[\\/]src|common[\\/]src)[\\/]/,
  },
];

// Built from the repo root with `vite build packages/web`; the config pins its own folder as root.
export default defineConfig({
  root,
  plugins: [react()],
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
