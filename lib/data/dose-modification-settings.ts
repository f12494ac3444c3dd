import "server-only";
import { hasPermission, type Actor } from "@/lib/auth/actor";
import { diffFields } from "@/lib/audit/audit-log";
import { getPrisma } from "@/lib/db/prisma";
import type { DoseModificationRule } from "@/lib/domain/dosing/dose-modification";
import { ForbiddenError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { DoseModificationRulesSchema } from "@/lib/schemas/safety-settings";
import { commitSettingsChange, parseSettingsChange } from "./settings-change";

/** The study whose table this is (one study per instance today; the table is keyed by study). */
const STUDY_ID = 1;

export interface DoseModificationView {
  rules: DoseModificationRule[];
  version: number;
  updatedAt: string;
}

/** The table, read inside a save's transaction (the dosing rule of the save path). */
export async function loadDoseModificationRules(tx: Prisma.TransactionClient): Promise<DoseModificationRule[]> {
  const row = await tx.doseModificationTable.findUniqueOrThrow({ where: { studyId: STUDY_ID } });
  return DoseModificationRulesSchema.parse(row.rules);
}

/** The protocol's dose-modification table: for those who read the trial's forms and its administrators. */
export async function getDoseModificationTable(actor: Actor): Promise<DoseModificationView> {
  if (!hasPermission(actor, "patient.read") && !hasPermission(actor, "study.admin")) throw new ForbiddenError();
  const row = await getPrisma().doseModificationTable.findUniqueOrThrow({ where: { studyId: STUDY_ID } });
  return {
    rules: DoseModificationRulesSchema.parse(row.rules),
    version: row.version,
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** Replaces the table with the version the editor read and a reason; the change and its audit record commit together. */
export async function updateDoseModificationTable(
  actor: Actor,
  input: { rules: unknown; expectedVersion: number; reason: string },
): Promise<DoseModificationView> {
  const { rules, reason } = parseSettingsChange(actor, DoseModificationRulesSchema, input);
  return getPrisma().$transaction(async (tx) => {
    const row = await commitSettingsChange(tx, actor, {
      lock: () =>
        tx.$queryRaw`SELECT "study_id" FROM "dose_modification_tables" WHERE "study_id" = ${STUDY_ID} FOR UPDATE`,
      read: () => tx.doseModificationTable.findUniqueOrThrow({ where: { studyId: STUDY_ID } }),
      expectedVersion: input.expectedVersion,
      staleMessage:
        "The dose-modification table was changed by someone else after you opened it. Reload, then apply your change again.",
      diff: (current) => diffFields({ rules: current.rules }, { rules }, ["rules"]),
      write: () =>
        tx.doseModificationTable.update({ where: { studyId: STUDY_ID }, data: { rules, version: { increment: 1 } } }),
      audit: { entityType: "dose-modification-table", entityId: String(STUDY_ID), reason },
    });
    return { rules, version: row.version, updatedAt: row.updatedAt.toISOString() };
  });
}
