import { defineConfig } from "@playwright/test";
import { CHROMIUM_LAUNCH } from "./lib/print/chromium";
import { E2E_DATA_DIR, e2ePort, e2eSmtpPort } from "./e2e/server-env";

/**
 * End-to-end tests in a real headless Chromium (Debian's, via executablePath: nothing is
 * downloaded) against a production build served by the same start script users run, on
 * its own embedded database that starts empty every run.
 */
const port = e2ePort();
const baseURL = `http://localhost:${port}`;

export default defineConfig({
  testDir: "e2e",
  // e2e/*.test.ts are vitest checks of the e2e support code, not browser tests.
  testMatch: "**/*.spec.ts",
  outputDir: "test-results/e2e",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  // Sign-in hashes with scrypt by design and a CI machine may be busy: a little more than the default 5 s.
  expect: { timeout: 15_000 },
  forbidOnly: !!process.env.CI,
  // The dashboards read the untouched 43-patient demo cohort, so they run first: every other
  // spec registers and enrolls patients of its own in the same database.
  projects: [
    { name: "demo-cohort", testMatch: "dashboards.spec.ts" },
    { name: "workflows", testIgnore: "dashboards.spec.ts", dependencies: ["demo-cohort"] },
  ],
  reporter: [["list"], ["json", { outputFile: "test-results/e2e-results.json" }]],
  use: {
    baseURL,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: CHROMIUM_LAUNCH,
  },
  webServer: {
    command: "npm run --silent start",
    url: `${baseURL}/api/health`,
    // The first start builds the app (next build): over five minutes on a machine shared by several builds.
    timeout: 900_000,
    reuseExistingServer: false,
    stdout: "pipe",
    gracefulShutdown: { signal: "SIGTERM", timeout: 15_000 },
    env: {
      PORT: String(port),
      TRIALDESK_DATA_DIR: E2E_DATA_DIR,
      TRIALDESK_DB_PORT: process.env.E2E_DB_PORT ?? "54339",
      TRIALDESK_FRESH_DATABASE: "1",
      TRIALDESK_MODE: "demo",
      // No scheduled backup during the browser tests (lib/db/base-backup is tested on its own).
      TRIALDESK_BACKUP_INTERVAL_HOURS: "0",
      // The app's local SMTP server (demo mode) receives alert emails into .data/e2e/mail; sent every second.
      TRIALDESK_SMTP_PORT: String(e2eSmtpPort()),
      TRIALDESK_MAIL_INTERVAL_SECONDS: "1",
      // A failed message is retried after 1 s, 2 s, 4 s... (30 s in use), so the mail-outage spec waits seconds.
      TRIALDESK_MAIL_RETRY_SECONDS: "1",
      // The mail-outage spec stops and starts the local SMTP server with a file (lib/mail/local-smtp-switch.ts).
      TRIALDESK_E2E_SMTP_SWITCH: "1",
    },
  },
});
