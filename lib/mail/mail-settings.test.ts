import { describe, expect, it } from "vitest";
import { getMailSettings } from "./mail-settings";

describe("getMailSettings", () => {
  it("defaults: no mail server, local port 2525, every 15 s, first retry after 30 s", () => {
    expect(getMailSettings({})).toEqual({
      smtpUrl: null,
      from: "Trialdesk <trialdesk@localhost>",
      localSmtpPort: 2525,
      intervalMs: 15_000,
      retryBaseMs: 30_000,
    });
  });
  it("reads SMTP_URL and MAIL_FROM, and names a wrong variable", () => {
    expect(
      getMailSettings({
        SMTP_URL: "smtp://mail.example:587",
        MAIL_FROM: "trial@example.org",
        TRIALDESK_MAIL_INTERVAL_SECONDS: "2",
        TRIALDESK_MAIL_RETRY_SECONDS: "1",
      }),
    ).toMatchObject({
      smtpUrl: "smtp://mail.example:587",
      from: "trial@example.org",
      intervalMs: 2000,
      retryBaseMs: 1000,
    });
    expect(() => getMailSettings({ SMTP_URL: "mail.example" })).toThrow(
      /SMTP_URL: must be an smtp:\/\/ or smtps:\/\/ URL/,
    );
  });
});
