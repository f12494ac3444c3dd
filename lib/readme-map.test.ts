import { existsSync, readFileSync, readdirSync, statSync } from "node:fs";
import { describe, expect, test } from "vitest";

/**
 * The README's architecture map is the next engineer's first look at the tree: it must name
 * every folder of app/, components/ and lib/ down to CHECKED_DEPTH path segments (e.g.
 * `lib/data`, `components/forms`, `app/admin`), and nothing that no longer exists. Deeper
 * folders are listed in the map too but not enforced, so a branch adding one deep folder does
 * not break the build of the others; a new top-level area does.
 */
const ROOTS = ["app", "components", "lib"] as const;
const CHECKED_DEPTH = 2;
/** The generated Prisma client: not source, not committed. */
const EXCLUDED = new Set(["lib/generated"]);

/** Folders under `root` at most `depth` segments deep (root itself is depth 1), sorted. */
function listFolders(root: string, depth: number): string[] {
  const found: string[] = [];
  const walk = (path: string, level: number) => {
    if (EXCLUDED.has(path)) return;
    found.push(path);
    if (level >= depth) return;
    for (const name of readdirSync(path)) {
      const child = `${path}/${name}`;
      if (statSync(child).isDirectory()) walk(child, level + 1);
    }
  };
  walk(root, 1);
  return found.sort();
}

/**
 * Folder paths named by the first code block after "## Architecture": one entry per line,
 * `name/` indented two spaces per level below its parent, then its description.
 */
function parseArchitectureMap(readme: string): string[] {
  const section = readme.slice(readme.indexOf("## Architecture"));
  const block = /```\n([\s\S]*?)\n```/.exec(section)?.[1] ?? "";
  const stack: string[] = [];
  const paths: string[] = [];
  for (const line of block.split("\n")) {
    const entry = /^( *)(\S+)\/(?: |$)/.exec(line);
    if (!entry) continue;
    const level = entry[1]!.length / 2;
    if (!Number.isInteger(level) || level > stack.length) throw new Error(`README map: bad indentation at "${line}"`);
    stack.length = level;
    stack.push(entry[2]!);
    paths.push(stack.join("/"));
  }
  return paths;
}

describe("the README's architecture map", () => {
  const mapped = parseArchitectureMap(readFileSync("README.md", "utf8"));

  test("parses nested entries into full paths", () => {
    const sample = "## Architecture\n\n```\nlib/   x\n  data/   y\n    exports/  z\n  db/  w\nlib/env.ts  file\n```\n";
    expect(parseArchitectureMap(sample)).toEqual(["lib", "lib/data", "lib/data/exports", "lib/db"]);
  });

  test(`lists every folder of ${ROOTS.join("/, ")}/ to depth ${CHECKED_DEPTH}`, () => {
    const missing = ROOTS.flatMap((root) => listFolders(root, CHECKED_DEPTH)).filter(
      (folder) => !mapped.includes(folder),
    );
    expect(missing, "add these folders to the map in README.md, ## Architecture").toEqual([]);
  });

  test("names no folder that does not exist", () => {
    const stale = mapped.filter((path) => !existsSync(path) || !statSync(path).isDirectory());
    expect(stale, "remove these from the map in README.md, ## Architecture").toEqual([]);
  });
});
