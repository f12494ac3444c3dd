import { describe, expect, test } from "vitest";
import { getBackupSettings } from "./env";

describe("getBackupSettings", () => {
  test("defaults: daily, kept 14 days, in the data folder's backups/", () => {
    expect(getBackupSettings({}, "/srv/trialdesk/.data")).toEqual({
      intervalHours: 24,
      retentionDays: 14,
      dir: "/srv/trialdesk/.data/backups",
    });
  });
  test("reads each variable; 0 hours turns the schedule off", () => {
    expect(
      getBackupSettings({
        TRIALDESK_BACKUP_INTERVAL_HOURS: "0",
        TRIALDESK_BACKUP_RETENTION_DAYS: "30",
        TRIALDESK_BACKUP_DIR: "/backups",
      }),
    ).toEqual({
      intervalHours: 0,
      retentionDays: 30,
      dir: "/backups",
    });
  });
  test("a wrong value stops with a message naming the variable", () => {
    expect(() => getBackupSettings({ TRIALDESK_BACKUP_RETENTION_DAYS: "two weeks" })).toThrow(
      /TRIALDESK_BACKUP_RETENTION_DAYS/,
    );
    expect(() => getBackupSettings({ TRIALDESK_BACKUP_INTERVAL_HOURS: "-1" })).toThrow(
      /TRIALDESK_BACKUP_INTERVAL_HOURS/,
    );
  });
});
