import { afterAll, afterEach, beforeAll, describe, expect, test } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { ForbiddenError } from "@/lib/errors";
import { seedDemoActors } from "@/test/integration/demo-actors";
import { createTestDatabase, type TestDatabase } from "@/test/integration/test-database";
import { getBackupOverview, getBackupWarning } from "./backups";

let db: TestDatabase;
let admin: Actor;
let investigator: Actor;
const now = new Date("2026-12-05T12:00:00.000Z");
const hoursAgo = (hours: number) => new Date(now.getTime() - hours * 3_600_000);

async function recordRun(finishedAt: Date, succeeded: boolean): Promise<void> {
  await db.query(
    `INSERT INTO backup_runs (started_at, finished_at, succeeded, method, trigger, file_name, size_bytes, error)
     VALUES ($1, $1, $2, 'base-backup', 'scheduled', $3, $4, $5)`,
    [
      finishedAt,
      succeeded,
      succeeded ? `trialdesk-base-${finishedAt.getTime()}.tar.gz` : null,
      succeeded ? 4_000_000 : null,
      succeeded ? null : "disk full",
    ],
  );
}

beforeAll(async () => {
  db = await createTestDatabase();
  ({ admin, investigator1: investigator } = (await seedDemoActors(db.prisma)).actors);
  process.env.TRIALDESK_SCHEDULED_BACKUPS = "on";
});
afterEach(async () => {
  await db.query("DELETE FROM backup_runs");
});
afterAll(async () => {
  delete process.env.TRIALDESK_SCHEDULED_BACKUPS;
  await db.drop();
});

describe("getBackupOverview", () => {
  test("shows the administrator the last attempt and the last success; a failure after a success warns", async () => {
    await recordRun(hoursAgo(30), true);
    await recordRun(hoursAgo(2), false);
    const overview = await getBackupOverview(admin, now);
    expect(overview.lastRun).toMatchObject({
      succeeded: false,
      error: "disk full",
      finishedAt: hoursAgo(2).toISOString(),
    });
    expect(overview.lastSuccess).toMatchObject({
      succeeded: true,
      sizeBytes: 4_000_000,
      finishedAt: hoursAgo(30).toISOString(),
    });
    expect(overview.warning).toMatch(/last backup failed/);
  });

  test("is refused to a user without backup.read", async () => {
    await expect(getBackupOverview(investigator, now)).rejects.toBeInstanceOf(ForbiddenError);
  });
});

describe("getBackupWarning (for the home work-list)", () => {
  test("is null after a recent success and warns once it is older than two days", async () => {
    await recordRun(hoursAgo(20), true);
    expect(await getBackupWarning(admin, now)).toBeNull();
    expect(await getBackupWarning(admin, new Date(now.getTime() + 40 * 3_600_000))).toMatch(/2 days old/);
  });

  test("warns when no backup was ever taken, only to those who may see backups, only when this app takes them", async () => {
    expect(await getBackupWarning(admin, now)).toMatch(/No backup/);
    expect(await getBackupWarning(investigator, now)).toBeNull();
    process.env.TRIALDESK_SCHEDULED_BACKUPS = "off";
    expect(await getBackupWarning(admin, now)).toBeNull();
    process.env.TRIALDESK_SCHEDULED_BACKUPS = "on";
  });
});
