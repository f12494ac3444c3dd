import "server-only";
import { ConflictError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";

export const PATIENT_LOCKED_MESSAGE = "The patient's data are locked for analysis; ask a coordinator to unlock them.";

/**
 * Refuses a change to a patient locked for analysis. A lock freezes everything about the
 * patient (forms, signatures, source data verification, queries, toxicity reviews) until a
 * coordinator unlocks it with a reason: the data cut must be exactly what was locked. FOR
 * SHARE holds off a concurrent lock until this transaction commits, so a change cannot slip
 * in between the check and the lock.
 */
export async function requireUnlockedPatient(tx: Prisma.TransactionClient, patientId: string): Promise<void> {
  const [row] = await tx.$queryRaw<{ locked_at: Date | null }[]>`
    SELECT "locked_at" FROM "patients" WHERE "id" = ${patientId}::uuid FOR SHARE`;
  if (row?.locked_at) throw new ConflictError(PATIENT_LOCKED_MESSAGE);
}
