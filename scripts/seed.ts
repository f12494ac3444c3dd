import { createPrismaClient } from "@/lib/db/create-prisma-client";
import { applyMigrations } from "@/lib/db/migrate";
import { getPrisma } from "@/lib/db/prisma";
import { seedDemoData } from "@/lib/demo/seed-demo";
import { seedDemoCohort } from "@/lib/demo/seed-demo-cohort";
import { openDatabase } from "./database";
import { appMode, resolveAuthSecret } from "./runtime-config";

/** `npm run db:seed`: the demo seed on its own (refuses in production mode). */
async function main(): Promise<void> {
  const database = await openDatabase();
  const prisma = createPrismaClient(database.url, 2);
  try {
    await applyMigrations(database.url);
    console.log(await seedDemoData(prisma, appMode()));
    // lib/data (the cohort's write path) reads its database from the app's configuration.
    process.env.DATABASE_URL = database.url;
    process.env.NEXTAUTH_SECRET ??= await resolveAuthSecret(appMode());
    console.log(await seedDemoCohort(appMode()));
  } finally {
    await prisma.$disconnect();
    await getPrisma().$disconnect();
    await database.embedded?.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
