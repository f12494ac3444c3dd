import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

// Two tiers by file suffix (see docs/decisions): pure unit tests beside their source, and
// integration tests that run against a real PostgreSQL started by the global setup.
export default defineConfig({
  resolve: {
    tsconfigPaths: true,
    // `server-only` throws outside Next's server bundle; tests run lib/data directly.
    alias: { "server-only": fileURLToPath(new URL("./test/server-only-stub.ts", import.meta.url)) },
  },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          // Generous: CI machines are small and often busy; no test here measures speed.
          testTimeout: 20_000,
          include: ["lib/**/*.test.ts", "scripts/**/*.test.ts", "e2e/**/*.test.ts"],
          exclude: ["**/*.integration.test.ts", "node_modules/**"],
          environment: "node",
        },
      },
      {
        extends: true,
        test: {
          name: "integration",
          include: ["**/*.integration.test.ts"],
          exclude: ["node_modules/**"],
          environment: "node",
          globalSetup: ["test/integration/global-setup.ts"],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
