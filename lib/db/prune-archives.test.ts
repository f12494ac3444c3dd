import { mkdtemp, readdir, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterEach, expect, test } from "vitest";
import { backupFileName } from "./base-backup";
import { pruneArchives } from "./backup-schedule";

let folder: string | undefined;
afterEach(async () => {
  if (folder) await rm(folder, { recursive: true, force: true });
});

test("deletes archives past the retention with their checksum files, keeps the rest and anything else", async () => {
  folder = await mkdtemp(path.join(os.tmpdir(), "trialdesk-prune-"));
  const now = new Date("2026-12-05T02:00:00.000Z");
  const daysAgo = (days: number) => backupFileName(new Date(now.getTime() - days * 86_400_000));
  for (const name of [daysAgo(1), daysAgo(13), daysAgo(15), daysAgo(40)]) {
    await writeFile(path.join(folder, name), "archive");
    await writeFile(path.join(folder, `${name}.sha256`), "sum");
  }
  await writeFile(path.join(folder, "notes.txt"), "kept");

  const deleted = await pruneArchives({ intervalHours: 24, retentionDays: 14, dir: folder }, now);

  expect(deleted.sort()).toEqual([daysAgo(15), daysAgo(40)].sort());
  expect((await readdir(folder)).sort()).toEqual(
    [daysAgo(1), `${daysAgo(1)}.sha256`, daysAgo(13), `${daysAgo(13)}.sha256`, "notes.txt"].sort(),
  );
});
