import { createPrismaClient } from "@/lib/db/create-prisma-client";
import { applyMigrations } from "@/lib/db/migrate";
import { seedDemoData } from "@/lib/demo/seed-demo";
import { openDatabase } from "./database";
import { appMode } from "./runtime-config";

/** `npm run db:seed`: the demo seed on its own (refuses in production mode). */
async function main(): Promise<void> {
  const database = await openDatabase();
  const prisma = createPrismaClient(database.url, 2);
  try {
    await applyMigrations(database.url);
    console.log(await seedDemoData(prisma, appMode()));
  } finally {
    await prisma.$disconnect();
    await database.embedded?.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
