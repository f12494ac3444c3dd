import { z } from "zod";
import { DOSE_ACTIONS } from "@/lib/domain/dosing/dose-modification";
import { ReasonSchema } from "./crf";

const wholeNumber = (label: string) =>
  z.coerce.number({ error: `Enter the ${label} as a whole number` }).int("Whole numbers only");

/**
 * The protocol's pregnancy prevention rules for thalidomide, as the administrator edits them
 * (app/admin/pregnancy-prevention) and the server stores them: never looser than the REMS
 * maxima (a negative test within 24 hours of the first dose, retests at most every 4 weeks,
 * at most a 28-day supply; Thalomid REMS, docs/protocol.md "Pregnancy prevention").
 */
export const PregnancyPreventionRulesSchema = z.object({
  firstDoseTestWindowHours: wholeNumber("test window")
    .min(1, "At least 1 hour")
    .max(24 * 14, "At most 14 days (336 hours)"),
  retestIntervalDays: wholeNumber("retest interval")
    .min(1, "At least 1 day")
    .max(28, "At most 28 days (the REMS maximum)"),
  counsellingRequired: z.boolean(),
  maleCounsellingRequired: z.boolean(),
  maxSupplyDays: wholeNumber("maximum supply").min(1, "At least 1 day").max(28, "At most 28 days (the REMS maximum)"),
});

/** The protocol's dose-modification table: per CTCAE term at or above a grade, the action for one drug and when to restart. */
export const DoseModificationRulesSchema = z.array(
  z.object({
    term: z.string().trim().min(2, "Enter the CTCAE term").max(200),
    minGrade: wholeNumber("grade").min(1, "Grade 1 to 5").max(5, "Grade 1 to 5"),
    drug: z.enum(["uft", "thalidomide"], { error: "Choose UFT or thalidomide" }),
    action: z.enum(DOSE_ACTIONS, { error: "Choose continue, reduce, hold or discontinue" }),
    restart: z.string().trim().max(300, "At most 300 characters"),
  }),
);

export const UpdatePregnancyPreventionSchema = z.object({
  rules: PregnancyPreventionRulesSchema,
  expectedVersion: z.number().int(),
  reason: ReasonSchema,
});
export const UpdateDoseModificationSchema = z.object({
  rules: DoseModificationRulesSchema.min(1, "The table needs at least one row"),
  expectedVersion: z.number().int(),
  reason: ReasonSchema,
});
