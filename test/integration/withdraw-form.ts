import type { Actor } from "@/lib/auth/actor";
import { deleteCrfRecord } from "@/lib/data/crf-records";
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";

/** Withdraws the first live form matching `where` (the oldest) through the write path, as `actor` would; returns it. */
export async function withdrawFirstForm(prisma: PrismaClient, actor: Actor, where: Prisma.CrfRecordWhereInput) {
  const record = await prisma.crfRecord.findFirstOrThrow({
    where: { ...where, deletedAt: null },
    orderBy: { createdAt: "asc" },
  });
  await deleteCrfRecord(actor, { patientId: record.patientId, recordId: record.id, reason: "Entered in error" });
  return record;
}
