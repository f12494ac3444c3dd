import { describe, expect, test } from "vitest";
import { archivesToPrune, backupWarning, isBackupDue, takenAtFromName } from "./backup-status";

const now = new Date("2026-12-05T12:00:00.000Z");
const hoursAgo = (hours: number) => new Date(now.getTime() - hours * 3_600_000);

describe("isBackupDue", () => {
  test("is due when there never was one", () => {
    expect(isBackupDue(null, 24, now)).toBe(true);
  });
  test("waits the interval after a success", () => {
    expect(isBackupDue({ finishedAt: hoursAgo(23.9), succeeded: true }, 24, now)).toBe(false);
    expect(isBackupDue({ finishedAt: hoursAgo(24), succeeded: true }, 24, now)).toBe(true);
  });
  test("tries again an hour after a failure", () => {
    expect(isBackupDue({ finishedAt: hoursAgo(0.5), succeeded: false }, 24, now)).toBe(false);
    expect(isBackupDue({ finishedAt: hoursAgo(1), succeeded: false }, 24, now)).toBe(true);
  });
});

describe("backupWarning", () => {
  test("warns when there is no backup at all", () => {
    expect(backupWarning(null, null, now)).toMatch(/No backup/);
  });
  test("warns when the last attempt failed, even if an older one worked", () => {
    expect(
      backupWarning({ finishedAt: hoursAgo(1), succeeded: false }, { finishedAt: hoursAgo(25), succeeded: true }, now),
    ).toBe(`The last backup failed (${hoursAgo(1).toISOString()}).`);
  });
  test("warns when the last success is older than two days, not before", () => {
    expect(
      backupWarning({ finishedAt: hoursAgo(47), succeeded: true }, { finishedAt: hoursAgo(47), succeeded: true }, now),
    ).toBeNull();
    expect(
      backupWarning({ finishedAt: hoursAgo(73), succeeded: true }, { finishedAt: hoursAgo(73), succeeded: true }, now),
    ).toMatch(/3 days old/);
  });
});

describe("archivesToPrune", () => {
  const archive = (hours: number) => ({ name: `a-${hours}`, takenAt: hoursAgo(hours) });
  test("removes archives older than the retention", () => {
    expect(archivesToPrune([archive(1), archive(24 * 13), archive(24 * 15), archive(24 * 30)], 14, now)).toEqual([
      "a-360",
      "a-720",
    ]);
  });
  test("keeps the newest archive however old it is", () => {
    expect(archivesToPrune([archive(24 * 40), archive(24 * 30)], 14, now)).toEqual(["a-960"]);
  });
});

describe("takenAtFromName", () => {
  test("reads the time back from an archive name", () => {
    expect(takenAtFromName("trialdesk-base-2026-12-05T21-50-07-123Z.tar.gz")?.toISOString()).toBe(
      "2026-12-05T21:50:07.123Z",
    );
  });
  test("returns null for a name that holds no time", () => {
    expect(takenAtFromName("notes.txt")).toBeNull();
  });
});
