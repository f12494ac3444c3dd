import "server-only";
import { checkThalidomideDispensing, type PregnancyPreventionRules } from "@/lib/domain/safety/pregnancy-prevention";
import { ValidationError } from "@/lib/errors";
import type { DosingData } from "@/lib/forms/dosing/dosing-schema";
import type { FormContext } from "@/lib/forms/form-definition";
import { checkDeviationReasons, recommendFromContext } from "@/lib/forms/dosing/dose-recommendations";
import { readPregnancyPreventionRecords, recordedSex } from "@/lib/forms/pregnancy-test-form";
import { loadDoseModificationRules } from "./dose-modification-settings";
import type { Prisma } from "@/lib/generated/prisma/client";

/** The study whose rules apply (one study per instance today; the table is keyed by study). */
const STUDY_ID = 1;

const dispenses = (status: unknown) => status === "given" || status === "reduced";

/** The study's pregnancy prevention rules, read inside the caller's transaction. */
export async function loadPregnancyPreventionRules(tx: Prisma.TransactionClient): Promise<PregnancyPreventionRules> {
  const { firstDoseTestWindowHours, retestIntervalDays, counsellingRequired, maleCounsellingRequired, maxSupplyDays } =
    await tx.pregnancyPreventionRules.findUniqueOrThrow({
      where: { studyId: STUDY_ID },
    });
  return { firstDoseTestWindowHours, retestIntervalDays, counsellingRequired, maleCounsellingRequired, maxSupplyDays };
}

/**
 * The save path's safety rules for a dosing form (under the patient lock, before anything is
 * written): the dose follows the protocol's dose-modification table or says why not (a
 * protocol deviation), and thalidomide is dispensed only under pregnancy prevention.
 */
export async function assertDosingSafety(
  tx: Prisma.TransactionClient,
  formType: string,
  data: unknown,
  context: FormContext,
  computed: unknown,
): Promise<void> {
  if (formType !== "dosing") return;
  const dosing = data as DosingData;
  const recommendations = recommendFromContext(
    { ...context, doseModificationRules: await loadDoseModificationRules(tx) },
    dosing.visitDate,
  );
  const deviations = recommendations ? checkDeviationReasons(recommendations, dosing) : {};
  if (Object.keys(deviations).length) throw new ValidationError(deviations);
  await assertDispensingAllowed(tx, dosing, context, computed);
}

/**
 * The pregnancy prevention rule of assertDosingSafety: thalidomide is dispensed only when the
 * pregnancy prevention programme's conditions hold; otherwise a field error names each unmet
 * condition and nothing is saved.
 */
async function assertDispensingAllowed(
  tx: Prisma.TransactionClient,
  dosing: DosingData,
  context: FormContext,
  computed: unknown,
): Promise<void> {
  if (!dispenses(dosing.thalidomide.status)) return;
  const sex = recordedSex(context.records);
  const firstDispensing = !context.records.some((r) => {
    const d = r.data as Partial<DosingData>;
    return r.formType === "dosing" && (d.visitDate ?? "") < dosing.visitDate && dispenses(d.thalidomide?.status);
  });
  const perDay = (computed as { thalidomide?: { capsulesPerDay?: unknown } } | null)?.thalidomide?.capsulesPerDay;
  const errors = checkThalidomideDispensing(
    await loadPregnancyPreventionRules(tx),
    { sex },
    {
      visitDate: dosing.visitDate,
      firstDispensing,
      capsulesDispensed: dosing.thalidomide.capsulesDispensed,
      capsulesPerDay: typeof perDay === "number" ? perDay : null,
    },
    readPregnancyPreventionRecords(context.records),
  );
  if (Object.keys(errors).length) throw new ValidationError(errors);
}
