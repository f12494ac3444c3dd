import "server-only";
import { hasPermission, type Actor } from "@/lib/auth/actor";
import { diffFields } from "@/lib/audit/audit-log";
import { getPrisma } from "@/lib/db/prisma";
import type { PregnancyPreventionRules } from "@/lib/domain/safety/pregnancy-prevention";
import { ForbiddenError } from "@/lib/errors";
import { PregnancyPreventionRulesSchema } from "@/lib/schemas/safety-settings";
import { commitSettingsChange, parseSettingsChange } from "./settings-change";

/** The study whose rules these are (one study per instance today; the table is keyed by study). */
const STUDY_ID = 1;

const FIELDS = [
  "firstDoseTestWindowHours",
  "retestIntervalDays",
  "counsellingRequired",
  "maleCounsellingRequired",
  "maxSupplyDays",
] as const;

export interface PregnancyPreventionView extends PregnancyPreventionRules {
  version: number;
  updatedAt: string;
}

/** The study's pregnancy prevention rules: for those who read the trial's forms and its administrators. */
export async function getPregnancyPreventionRules(actor: Actor): Promise<PregnancyPreventionView> {
  if (!hasPermission(actor, "patient.read") && !hasPermission(actor, "study.admin")) throw new ForbiddenError();
  const row = await getPrisma().pregnancyPreventionRules.findUniqueOrThrow({ where: { studyId: STUDY_ID } });
  return {
    ...(Object.fromEntries(FIELDS.map((f) => [f, row[f]])) as unknown as PregnancyPreventionRules),
    version: row.version,
    updatedAt: row.updatedAt.toISOString(),
  };
}

/**
 * Changes the rules (never looser than the REMS maxima) with the version the editor read and a
 * reason; the change and its audit record (per-field from/to) commit together.
 */
export async function updatePregnancyPreventionRules(
  actor: Actor,
  input: { rules: unknown; expectedVersion: number; reason: string },
): Promise<PregnancyPreventionView> {
  const { rules, reason } = parseSettingsChange(actor, PregnancyPreventionRulesSchema, input);
  return getPrisma().$transaction(async (tx) => {
    const row = await commitSettingsChange(tx, actor, {
      lock: () =>
        tx.$queryRaw`SELECT "study_id" FROM "pregnancy_prevention_rules" WHERE "study_id" = ${STUDY_ID} FOR UPDATE`,
      read: () => tx.pregnancyPreventionRules.findUniqueOrThrow({ where: { studyId: STUDY_ID } }),
      expectedVersion: input.expectedVersion,
      staleMessage:
        "The pregnancy prevention rules were changed by someone else after you opened them. Reload, then apply your change again.",
      diff: (current) => diffFields(current, rules, FIELDS),
      write: () =>
        tx.pregnancyPreventionRules.update({
          where: { studyId: STUDY_ID },
          data: { ...rules, version: { increment: 1 } },
        }),
      audit: { entityType: "pregnancy-prevention-rules", entityId: String(STUDY_ID), reason },
    });
    return { ...rules, version: row.version, updatedAt: row.updatedAt.toISOString() };
  });
}
