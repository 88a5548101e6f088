/**
 * Docs a newcomer can trust: every rule the code cites is in the repository, every identifier the
 * glossary names exists, every file path the docs name exists, and no link leaves the repository.
 *
 * - "spec §1.1a", "standards §4 (S23)", "§2 #8" … anywhere in packages/, scripts/ and e2e/ (and in the
 *   docs themselves) must name a heading of docs/standards.md, and "#N" a row N of that section's table.
 * - "security.md" / "standards.md" / "registries.md" citations (the spec files' original names) and
 *   "docs/….md" references in code must name a document of docs/.
 * - Backticked identifiers in the glossary's identifier column must occur in packages/{name}/src or
 *   a migration.
 * - Backticked repository paths in README.md and docs/*.md must exist; markdown links must be web
 *   addresses or files inside the repository.
 */
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { basename, dirname, join, relative, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const SKIP_DIRS = new Set(["node_modules", "dist", "dist-types", ".git", "fixtures", "test-results"]);
const CODE_EXT = /\.(ts|tsx|js|mjs|sql|json)$/;

/** Files under `dir` (repository-relative, forward slashes) whose names match `ext`. */
function filesUnder(dir: string, ext: RegExp): string[] {
  const out: string[] = [];
  const walk = (abs: string): void => {
    for (const entry of readdirSync(abs, { withFileTypes: true })) {
      if (entry.isDirectory()) {
        if (!SKIP_DIRS.has(entry.name)) {
          walk(join(abs, entry.name));
        }
      } else if (ext.test(entry.name)) {
        out.push(relative(ROOT, join(abs, entry.name)).split(sep).join("/"));
      }
    }
  };
  if (existsSync(join(ROOT, dir))) {
    walk(join(ROOT, dir));
  }
  return out;
}

const read = (file: string): string => readFileSync(join(ROOT, file), "utf8");

const DOCS = ["README.md", ...filesUnder("docs", /\.md$/)];
const CODE = [
  ...filesUnder("packages", CODE_EXT),
  ...filesUnder("scripts", CODE_EXT),
  ...filesUnder("e2e", CODE_EXT),
]
  // This file names citation forms as examples.
  .filter((f) => f !== "scripts/docs.test.ts");

/** The documents code may cite by their original file names. */
const CITED_DOCUMENTS: Record<string, string> = {
  "standards.md": "docs/standards.md",
  "security.md": "docs/security-requirements.md",
  "registries.md": "docs/registries.md",
};

/** docs/standards.md split by its "§" headings: section id → text up to the next heading. */
function standardsSections(): Map<string, string> {
  const sections = new Map<string, string>();
  let current: string | null = null;
  for (const line of read("docs/standards.md").split("\n")) {
    const heading = /^#{1,6}\s+(.*)$/.exec(line);
    if (heading !== null) {
      const id = /^§(\d+(?:\.\d+[a-z]*)?)\s/.exec(heading[1] ?? "");
      current = id?.[1] ?? null;
      if (current !== null) {
        expect(sections.has(current), `duplicate heading §${current}`).toBe(false);
        sections.set(current, "");
      }
    } else if (current !== null) {
      sections.set(current, `${sections.get(current) ?? ""}${line}\n`);
    }
  }
  return sections;
}

/** One "§X" or "§X #N" citation with where it was found. */
interface Citation {
  file: string;
  line: number;
  section: string;
  item: string | null;
}

function citationsIn(file: string): Citation[] {
  const found: Citation[] = [];
  read(file)
    .split("\n")
    .forEach((text, i) => {
      // Arabic numerals only: "§一(一)" is a plan's own numbering, not a standards section.
      for (const m of text.matchAll(/§\s?(\d+(?:\.\d+[a-z]*)?)(?:\s?#(\d+))?/g)) {
        found.push({ file, line: i + 1, section: m[1] ?? "", item: m[2] ?? null });
      }
    });
  return found;
}

/** Backticked spans of a markdown text (inline code only; fenced blocks are skipped). */
function backticked(markdown: string): string[] {
  const withoutFences = markdown.replace(/^```[^\n]*\n[\s\S]*?^```$/gm, "");
  return [...withoutFences.matchAll(/`([^`\n]+)`/g)].map((m) => m[1] ?? "");
}

/** Paths a doc may name that are created at run time or by a build, not kept in the repository. */
const GENERATED_PATHS = new Set(["./data", "data", "packages/web/dist"]);

/** Whether a backticked span names a repository file or folder (rather than code, a command or a URL). */
function looksLikePath(span: string): boolean {
  if (
    /[\s<>{}()=|"'`,;]/.test(span) ||
    span.includes("://") ||
    span.startsWith("/") ||
    span.startsWith("@")
  ) {
    return false;
  }
  return (
    /^\.{0,2}\/?[\w.-]+(\/[\w.*-]+)+\/?$/.test(span) || /^[\w.-]+\.(ts|tsx|js|sql|md|json|csv)$/.test(span)
  );
}

const ALL_FILES = [
  ...filesUnder("packages", /./),
  ...filesUnder("scripts", /./),
  ...filesUnder("e2e", /./),
  ...filesUnder("docs", /./),
  ...filesUnder(".ci", /./),
  ...readdirSync(ROOT).filter((f) => statSync(join(ROOT, f)).isFile()),
];
const BASENAMES = new Set(ALL_FILES.map((f) => basename(f)));

function pathExists(span: string): boolean {
  const path = span.replace(/^\.\//, "").replace(/\/$/, "");
  if (GENERATED_PATHS.has(span) || GENERATED_PATHS.has(path)) {
    return true;
  }
  if (path.includes("*")) {
    // A glob: its folder must exist and hold at least one matching file.
    const folder = path.slice(0, path.lastIndexOf("/"));
    const pattern = new RegExp(
      `^${path
        .split("*")
        .map((p) => p.replace(/[.+?^${}()|[\]\\]/g, "\\$&"))
        .join("[^/]*")}$`,
    );
    return existsSync(join(ROOT, folder)) && ALL_FILES.some((f) => pattern.test(f));
  }
  if (!path.includes("/")) {
    return existsSync(join(ROOT, path)) || BASENAMES.has(path);
  }
  return existsSync(join(ROOT, path));
}

describe("docs/standards.md holds every rule the code cites", () => {
  const sections = standardsSections();

  it("has the numbered sections", () => {
    expect([...sections.keys()]).toEqual(
      expect.arrayContaining(["0", "1", "1.1a", "1.1b", "2", "3", "4", "5", "6.5"]),
    );
  });

  it("resolves every § citation in packages/, scripts/, e2e/ and the docs", () => {
    const citations = [...CODE, ...DOCS].flatMap(citationsIn);
    expect(citations.length).toBeGreaterThan(100);
    const unresolved = citations
      .filter((c) => {
        const body = sections.get(c.section);
        if (body === undefined) {
          return true;
        }
        return c.item !== null && !new RegExp(`^\\|\\s*${c.item}\\s*\\|`, "m").test(body);
      })
      .map((c) => `${c.file}:${String(c.line)} §${c.section}${c.item === null ? "" : ` #${c.item}`}`);
    expect(unresolved).toEqual([]);
  });

  it("has a document for every spec file the code names", () => {
    const missing: string[] = [];
    for (const file of [...CODE, ...DOCS]) {
      for (const m of read(file).matchAll(/\b(standards|security|registries)\.md\b/g)) {
        const target = CITED_DOCUMENTS[m[0]];
        if (target === undefined || !existsSync(join(ROOT, target))) {
          missing.push(`${file}: ${m[0]}`);
        }
      }
      for (const m of read(file).matchAll(/\bdocs\/[\w-]+\.md\b/g)) {
        if (!existsSync(join(ROOT, m[0]))) {
          missing.push(`${file}: ${m[0]}`);
        }
      }
    }
    expect(missing).toEqual([]);
  });
});

describe("docs/glossary.md", () => {
  const glossary = read("docs/glossary.md");

  /** Backticked spans of the identifier column of every table in the glossary. */
  function identifiers(): string[] {
    const spans: string[] = [];
    let column = -1;
    for (const line of glossary.split("\n")) {
      if (!line.startsWith("|")) {
        column = -1;
        continue;
      }
      const cells = line
        .split("|")
        .slice(1, -1)
        .map((c) => c.trim());
      if (column === -1) {
        column = cells.findIndex((c) => c.toLowerCase() === "identifier");
        continue;
      }
      const cell = cells[column];
      if (cell !== undefined && !/^-+$/.test(cell)) {
        spans.push(...backticked(cell));
      }
    }
    return spans;
  }

  const sources = [
    ...readdirSync(join(ROOT, "packages")).flatMap((p) => filesUnder(`packages/${p}/src`, /\.(ts|tsx)$/)),
    ...filesUnder("packages/db/migrations", /\.sql$/),
  ]
    .map(read)
    .join("\n");

  it("names identifiers that exist in packages/*/src or a migration", () => {
    const names = identifiers();
    expect(names.length).toBeGreaterThan(100);
    const missing = names.filter((name) => {
      if (!/^[\w$.:/-]+$/.test(name)) {
        return true; // not a single identifier: write one per backtick pair
      }
      const escaped = name.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
      return !new RegExp(`(?<![\\w$])${escaped}(?![\\w$])`).test(sources);
    });
    expect(missing).toEqual([]);
  });

  it("settles 督办 and 督导 at the top", () => {
    const head = glossary.slice(0, glossary.indexOf("\n|"));
    expect(head).toMatch(/督办/);
    expect(head).toMatch(/督导/);
  });
});

describe("README.md and docs/*.md", () => {
  it("name only repository paths that exist", () => {
    const missing = DOCS.flatMap((doc) =>
      backticked(read(doc))
        .filter(looksLikePath)
        .filter((span) => !pathExists(span))
        .map((span) => `${doc}: ${span}`),
    );
    expect(missing).toEqual([]);
  });

  it("link only to web addresses or files inside the repository", () => {
    const bad: string[] = [];
    for (const doc of DOCS) {
      const text = read(doc);
      for (const m of text.matchAll(/\]\(([^)\s]+)\)/g)) {
        const target = m[1] ?? "";
        if (/^(https?:|mailto:|#)/.test(target)) {
          continue;
        }
        const abs = resolve(ROOT, dirname(doc), target.replace(/#.*$/, ""));
        if (!abs.startsWith(ROOT + sep) || !existsSync(abs)) {
          bad.push(`${doc}: ${target}`);
        }
      }
      for (const m of text.matchAll(/(\.\.\/shared|shared\/spec|\/work\/|\/home\/|\/tmp\/)\S*/g)) {
        bad.push(`${doc}: ${m[0]}`);
      }
    }
    expect(bad).toEqual([]);
  });
});
