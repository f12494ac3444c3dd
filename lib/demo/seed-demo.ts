import { hashPassword } from "@/lib/auth/password";
import { DEMO_ACCOUNTS, DEMO_PASSWORD, DEMO_SITES } from "@/lib/demo/demo-accounts";
import type { PrismaClient } from "@/lib/generated/prisma/client";

export interface SeedReport {
  sitesCreated: number;
  usersCreated: number;
}

/**
 * Creates whatever demo sites and users are missing and changes nothing that exists, so it
 * is safe on every start and never resets a password a demo user has changed.
 */
export async function seedDemoData(prisma: PrismaClient, mode: "demo" | "production"): Promise<SeedReport> {
  // Known passwords in a real trial would be a breach; the demo seed refuses to run there.
  if (mode !== "demo") throw new Error("The demo seed runs only in demo mode (TRIALDESK_MODE=demo).");
  const report: SeedReport = { sitesCreated: 0, usersCreated: 0 };

  const siteIds = new Map<string, string>();
  for (const site of DEMO_SITES) {
    const existing = await prisma.site.findUnique({ where: { code: site.code } });
    const row = existing ?? (await prisma.site.create({ data: { ...site } }));
    if (!existing) report.sitesCreated++;
    siteIds.set(site.code, row.id);
  }

  // The demo password is public, so one salted hash serves every demo account (scrypt is
  // deliberately slow; hashing seven times would slow every first start and every test file).
  let demoHash: string | undefined;
  for (const account of DEMO_ACCOUNTS) {
    if (await prisma.user.findUnique({ where: { email: account.email } })) continue;
    demoHash ??= await hashPassword(DEMO_PASSWORD);
    const siteId = account.siteCode ? siteIds.get(account.siteCode) : null;
    await prisma.user.create({
      data: {
        email: account.email,
        name: account.name,
        passwordHash: demoHash,
        roleAssignments: { create: { role: account.role, siteId } },
      },
    });
    report.usersCreated++;
  }
  return report;
}
