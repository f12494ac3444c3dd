import { z } from "zod";
import type { PatientStatus } from "@/lib/generated/prisma/enums";
import { isoDate } from "@/lib/schemas/iso-date";
import { optionalText } from "@/lib/schemas/optional-text";
import { deriveFollowUpEndpoints, summarizeEndpoints } from "./end-of-study-endpoints";
import { defineForm } from "./form-definition";

export const DEATH_CAUSES = ["disease-progression", "toxicity", "other"] as const;
export const OFF_TREATMENT_REASONS = [
  "progression",
  "toxicity",
  "patient-decision",
  "investigator-decision",
  "death",
  "other",
] as const;
export const OFF_STUDY_REASONS = [
  "follow-up-completed",
  "death",
  "lost-to-follow-up",
  "consent-withdrawn",
  "investigator-decision",
  "other",
] as const;

const optionalDate = (label: string) => isoDate(label).nullable();
const optionalChoice = <const T extends readonly [string, ...string[]]>(values: T) =>
  z.enum(values, { error: "Choose one" }).nullable();
const otherText = optionalText(200);

const EndOfStudyFields = z.object({
  progressionDate: optionalDate("progression date"),
  lastKnownAliveDate: optionalDate("last date known alive"),
  deathDate: optionalDate("death date"),
  deathCause: optionalChoice(DEATH_CAUSES),
  deathCauseOther: otherText,
  offTreatmentDate: optionalDate("off-treatment date"),
  offTreatmentReason: optionalChoice(OFF_TREATMENT_REASONS),
  offTreatmentReasonOther: otherText,
  offStudyDate: optionalDate("off-study date"),
  offStudyReason: optionalChoice(OFF_STUDY_REASONS),
  offStudyReasonOther: otherText,
});
type Fields = z.output<typeof EndOfStudyFields>;

/** Each event is a date with its reason: both or neither, and "other" is spelled out. */
const PAIRS = [
  { date: "deathDate", reason: "deathCause", other: "deathCauseOther", what: "death" },
  {
    date: "offTreatmentDate",
    reason: "offTreatmentReason",
    other: "offTreatmentReasonOther",
    what: "going off treatment",
  },
  { date: "offStudyDate", reason: "offStudyReason", other: "offStudyReasonOther", what: "going off study" },
] as const satisfies readonly { date: keyof Fields; reason: keyof Fields; other: keyof Fields; what: string }[];

/**
 * Dates in protocol order (within the form; the enrollment date is checked with the patient):
 * progression and off-treatment before off-study, death not before progression, nobody is
 * known alive after their death.
 */
export const ORDER_RULES = [
  {
    later: "offStudyDate",
    earlier: "offTreatmentDate",
    message: "The off-study date cannot be before the off-treatment date",
  },
  {
    later: "offStudyDate",
    earlier: "progressionDate",
    message: "The off-study date cannot be before the progression date",
  },
  { later: "deathDate", earlier: "progressionDate", message: "The death date cannot be before the progression date" },
  {
    later: "deathDate",
    earlier: "lastKnownAliveDate",
    message: "The last date known alive cannot be after the death date",
    field: "lastKnownAliveDate",
  },
] as const satisfies readonly { later: keyof Fields; earlier: keyof Fields; message: string; field?: keyof Fields }[];

export const EndOfStudySchema = EndOfStudyFields.superRefine((data, ctx) => {
  for (const pair of PAIRS) {
    if (data[pair.date] && !data[pair.reason])
      ctx.addIssue({
        code: "custom",
        path: [pair.reason],
        message: `Give the ${pair.date === "deathDate" ? "cause" : "reason"} for ${pair.what}`,
      });
    if (!data[pair.date] && data[pair.reason])
      ctx.addIssue({ code: "custom", path: [pair.date], message: `Enter the date of ${pair.what}` });
    if (data[pair.reason] === "other" && !data[pair.other])
      ctx.addIssue({ code: "custom", path: [pair.other], message: "Describe the other reason" });
  }
  for (const rule of ORDER_RULES) {
    const later = data[rule.later];
    const earlier = data[rule.earlier];
    if (later && earlier && later < earlier)
      ctx.addIssue({ code: "custom", path: ["field" in rule ? rule.field : rule.later], message: rule.message });
  }
});

export type EndOfStudyData = z.output<typeof EndOfStudySchema>;

/** An empty follow-up form: nothing known yet, the patient still on treatment. */
export function emptyEndOfStudy(): EndOfStudyData {
  return {
    progressionDate: null,
    lastKnownAliveDate: null,
    deathDate: null,
    deathCause: null,
    deathCauseOther: null,
    offTreatmentDate: null,
    offTreatmentReason: null,
    offTreatmentReasonOther: null,
    offStudyDate: null,
    offStudyReason: null,
    offStudyReasonOther: null,
  };
}

const DATE_FIELDS = ["progressionDate", "lastKnownAliveDate", "deathDate", "offTreatmentDate", "offStudyDate"] as const;

/** The patient status the form implies: dead, off study, off treatment, else still on treatment. */
export function statusFromEndOfStudy(data: EndOfStudyData): PatientStatus {
  if (data.deathDate) return "DEAD";
  if (data.offStudyDate) return "OFF_STUDY";
  if (data.offTreatmentDate) return "OFF_TREATMENT";
  return "ON_TREATMENT";
}

export const endOfStudyForm = defineForm({
  type: "end-of-study",
  title: "Follow-up and end of study",
  repeating: false,
  placement: "end-of-study",
  fixedVisitKey: "end-of-study",
  schema: EndOfStudySchema,
  labels: {
    progressionDate: "Progression date, as entered (yyyy-mm-dd)",
    lastKnownAliveDate: "Last date known alive (yyyy-mm-dd)",
    deathDate: "Death date (yyyy-mm-dd)",
    deathCause: "Cause of death",
    deathCauseOther: "Cause of death, other",
    offTreatmentDate: "Off-treatment date (yyyy-mm-dd)",
    offTreatmentReason: "Reason off treatment",
    offTreatmentReasonOther: "Reason off treatment, other",
    offStudyDate: "Off-study date (yyyy-mm-dd)",
    offStudyReason: "Reason off study",
    offStudyReasonOther: "Reason off study, other",
  },
  // Follow-up continues until the patient leaves the study.
  isComplete: (data) => data.offStudyDate !== null,
  // PFS uses the first assessment whose timepoint response is PD, and the last assessment for censoring.
  dependsOn: ["tumour-assessment"],
  compute: (data, context) => {
    const result = deriveFollowUpEndpoints(data, context.enrollmentDate, context.records);
    const { pfs, os } = result.endpoints ?? {};
    return {
      progressionDate: result.progression?.date ?? null,
      progressionSource: result.progression?.source ?? null,
      assessedProgressionDate: result.assessedProgression?.date ?? null,
      pfsDays: pfs?.timeDays ?? null,
      pfsMonths: pfs?.timeMonths ?? null,
      pfsEvent: pfs?.event ?? null,
      osDays: os?.timeDays ?? null,
      osMonths: os?.timeMonths ?? null,
      osEvent: os?.event ?? null,
      summary: result.endpoints ? summarizeEndpoints(result.endpoints) : undefined,
    };
  },
  checkInContext: (data, context): Record<string, string[]> => {
    const enrollment = context.enrollmentDate;
    if (!enrollment) return { _form: ["Follow-up is recorded for enrolled patients only"] };
    const errors: Record<string, string[]> = {};
    for (const field of DATE_FIELDS) {
      if (data[field] && data[field] < enrollment)
        errors[field] = [`This date cannot be before enrollment (${enrollment})`];
    }
    return Object.keys(errors).length ? errors : deriveFollowUpEndpoints(data, enrollment, context.records).errors;
  },
  patientStatusAfterSave: statusFromEndOfStudy,
});
