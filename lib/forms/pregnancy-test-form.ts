import { z } from "zod";
import type { PregnancyPreventionRecord } from "@/lib/domain/safety/pregnancy-prevention";
import { isoDate } from "@/lib/schemas/iso-date";
import { defineForm, type RelatedRecord } from "./form-definition";
import { findForm } from "./form-types";

export const PATIENT_CATEGORIES = [
  "female-reproductive-potential",
  "female-no-reproductive-potential",
  "male",
] as const;
/** Why a female is not of reproductive potential (Thalomid REMS definitions). */
export const NO_POTENTIAL_REASONS = ["natural-menopause-24-months", "hysterectomy", "bilateral-oophorectomy"] as const;
export const TEST_METHODS = ["serum-hcg", "urine-hcg", "not-done"] as const;
export const TEST_RESULTS = ["negative", "positive"] as const;

export const PregnancyTestSchema = z
  .object({
    testDate: isoDate("date of the test or counselling"),
    category: z.enum(PATIENT_CATEGORIES, { error: "Choose the patient's category" }),
    noPotentialReason: z
      .enum(NO_POTENTIAL_REASONS, { error: "Choose why she is not of reproductive potential" })
      .nullable(),
    counselled: z.boolean(),
    method: z.enum(TEST_METHODS, { error: "Choose the test method (or not done)" }),
    result: z.enum(TEST_RESULTS, { error: "Choose the result" }).nullable(),
  })
  .superRefine((data, ctx) => {
    if (data.category === "female-no-reproductive-potential" && !data.noPotentialReason)
      ctx.addIssue({
        code: "custom",
        path: ["noPotentialReason"],
        message: "Choose why she is not of reproductive potential",
      });
    if (data.method !== "not-done" && !data.result)
      ctx.addIssue({ code: "custom", path: ["result"], message: "Enter the test result" });
    if (data.method === "not-done" && data.result)
      ctx.addIssue({ code: "custom", path: ["result"], message: "A test that was not done has no result" });
    if (data.category === "male" && data.method !== "not-done")
      ctx.addIssue({
        code: "custom",
        path: ["method"],
        message: "A male patient has no pregnancy test: choose not done",
      });
  });

export type PregnancyTestData = z.output<typeof PregnancyTestSchema>;

/** The sex recorded on the patient's baseline form, or null before it is recorded. */
export function recordedSex(records: readonly RelatedRecord[]): string | null {
  return findForm(records, "baseline")?.sex ?? null;
}

/** The saved pregnancy test records as the prevention rules read them. */
export function readPregnancyPreventionRecords(records: readonly RelatedRecord[]): PregnancyPreventionRecord[] {
  return records
    .filter((r) => r.formType === "pregnancy-test")
    .map((r) => {
      const data = r.data as Partial<PregnancyTestData>;
      return {
        date: data.testDate ?? "",
        category: data.category ?? null,
        counselled: data.counselled === true,
        testResult: data.result ?? null,
      };
    });
}

/**
 * Pregnancy test and counselling (issue 18): thalidomide is a human teratogen, so dispensing
 * depends on these records (lib/domain/safety/pregnancy-prevention, checked on every dosing save).
 */
export const pregnancyTestForm = defineForm({
  type: "pregnancy-test",
  title: "Pregnancy test and counselling",
  repeating: true,
  placement: "event",
  schema: PregnancyTestSchema,
  labels: {
    testDate: "Date of the test or counselling (yyyy-mm-dd)",
    category: "Patient category",
    noPotentialReason: "Reason not of reproductive potential",
    counselled: "Counselling on the risks of thalidomide and on contraception confirmed",
    method: "Pregnancy test method",
    result: "Pregnancy test result",
  },
  isComplete: () => true,
  compute: (data) => ({
    summary: `${data.testDate}: ${data.method === "not-done" ? "no test" : `${data.method === "serum-hcg" ? "serum" : "urine"} hCG ${data.result ?? ""}`}${data.counselled ? ", counselled" : ""}`,
  }),
  contextFormTypes: ["baseline"],
  checkInContext: (data, context): Record<string, string[]> => {
    const sex = recordedSex(context.records);
    if (sex === "male" && data.category !== "male")
      return { category: ["The baseline form records this patient as male"] };
    if (sex === "female" && data.category === "male")
      return { category: ["The baseline form records this patient as female"] };
    return {};
  },
});
