import { defineConfig } from "prisma/config";

// env("DATABASE_URL") would throw when the variable is unset and break `prisma generate`
// on a fresh install, so read process.env with a harmless fallback.
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "postgresql://localhost:5432/trialdesk" },
});
