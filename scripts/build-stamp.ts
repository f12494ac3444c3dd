import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { readdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";

/**
 * `npm start` builds only when no build exists for the current sources: a hash of every
 * file the production build depends on is stored beside the build.
 */
const INPUTS = [
  "app",
  "components",
  "lib",
  "public",
  "proxy.ts",
  "next.config.js",
  "package-lock.json",
  "tsconfig.json",
  "prisma/schema.prisma",
];
const SKIP = /(^|\/)(node_modules|\.next|.*\.test\.ts$)/;
const STAMP = path.join(".next", "trialdesk-build-stamp");

async function listFiles(entry: string): Promise<string[]> {
  if (!existsSync(entry) || SKIP.test(entry)) return [];
  const info = await readdir(entry, { withFileTypes: true }).catch(() => null);
  if (!info) return [entry];
  const nested = await Promise.all(info.map((child) => listFiles(path.join(entry, child.name))));
  return nested.flat();
}

export async function computeSourceHash(): Promise<string> {
  const files = (await Promise.all(INPUTS.map(listFiles))).flat().sort();
  const hash = createHash("sha256");
  for (const file of files)
    hash
      .update(file)
      .update("\0")
      .update(await readFile(file))
      .update("\0");
  return hash.digest("hex");
}

export async function isBuildCurrent(): Promise<boolean> {
  if (!existsSync(path.join(".next", "BUILD_ID")) || !existsSync(STAMP)) return false;
  return (await readFile(STAMP, "utf8")) === (await computeSourceHash());
}

export async function recordBuild(): Promise<void> {
  await writeFile(STAMP, await computeSourceHash());
}
