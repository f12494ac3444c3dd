import { hashPassword } from "@/lib/auth/password";
import { DEMO_ACCOUNTS, DEMO_PASSWORD, DEMO_SITES } from "@/lib/demo/demo-accounts";
import { LAB_PANEL } from "@/lib/forms/labs/lab-panel";
import type { PrismaClient } from "@/lib/generated/prisma/client";

export interface SeedReport {
  sitesCreated: number;
  usersCreated: number;
  /** Demo sites given the typical adult reference ranges because they had none. */
  labRangeSitesSeeded: number;
}

/** Before the demo cohort's first screening (2024): every demo sample has a range in force. */
const DEMO_RANGES_FROM = new Date("2023-01-01");

/**
 * Creates whatever demo sites and users are missing and changes nothing that exists, so it
 * is safe on every start and never resets a password a demo user has changed.
 */
export async function seedDemoData(prisma: PrismaClient, mode: "demo" | "production"): Promise<SeedReport> {
  // Known passwords in a real trial would be a breach; the demo seed refuses to run there.
  if (mode !== "demo") throw new Error("The demo seed runs only in demo mode (TRIALDESK_MODE=demo).");
  const report: SeedReport = { sitesCreated: 0, usersCreated: 0, labRangeSitesSeeded: 0 };

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

  // Each demo laboratory reports the panel's typical adult ranges (lib/forms/labs/lab-panel.ts),
  // recorded by the demo administrator as a real one would on the admin page.
  const admin = await prisma.user.findFirst({
    where: { roleAssignments: { some: { role: "ADMIN" } } },
    orderBy: { createdAt: "asc" },
    select: { id: true },
  });
  for (const siteId of siteIds.values()) {
    if (!admin || (await prisma.labReferenceRange.count({ where: { siteId } }))) continue;
    await prisma.labReferenceRange.createMany({
      data: LAB_PANEL.map((p) => ({
        siteId,
        test: p.test,
        unit: p.defaultUnit,
        lln: p.lln,
        uln: p.uln,
        validFrom: DEMO_RANGES_FROM,
        createdById: admin.id,
      })),
    });
    report.labRangeSitesSeeded++;
  }
  return report;
}
