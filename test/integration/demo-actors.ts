import type { Actor } from "@/lib/auth/actor";
import { loadActor } from "@/lib/auth/get-actor";
import { DEMO_ACCOUNTS } from "@/lib/demo/demo-accounts";
import { seedDemoData } from "@/lib/demo/seed-demo";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { createTestDatabase } from "./test-database";

export type DemoActorName =
  "investigator1" | "investigator2" | "investigator3" | "coordinator" | "pi" | "monitor" | "admin";

/** Every demo account's name (its email's local part), in the order of DEMO_ACCOUNTS. */
export const DEMO_ACTOR_NAMES = DEMO_ACCOUNTS.map((account) => account.email.split("@")[0] as DemoActorName);

/** Seeds the demo sites and users into a test database and loads each as an Actor. */
export async function seedDemoActors(prisma: PrismaClient) {
  await seedDemoData(prisma, "demo");
  const actors = {} as Record<DemoActorName, Actor>;
  for (const [index, account] of DEMO_ACCOUNTS.entries()) {
    const user = await prisma.user.findUniqueOrThrow({ where: { email: account.email } });
    actors[DEMO_ACTOR_NAMES[index]!] = (await loadActor(user.id))!;
  }
  const sites = Object.fromEntries((await prisma.site.findMany()).map((s) => [s.code, s.id])) as Record<
    "TW01" | "TW02" | "TW03",
    string
  >;
  return { actors, sites };
}

/**
 * A new migrated database with the demo sites and one actor per role; most integration files
 * open it through withDemoDatabase() (./with-demo-database.ts), which also drops it.
 */
export async function openDemoDatabase() {
  const db = await createTestDatabase();
  return { db, ...(await seedDemoActors(db.prisma)) };
}
