import { z } from "zod";
import { getAeTerm, isGradeAllowed } from "@/lib/domain/ctcae";
import { isoDate } from "@/lib/schemas/iso-date";
import { isLocalDateTimeInFuture, LOCAL_DATE_TIME } from "./adverse-event-rules";

/** The study drugs, each attributed and acted on separately (protocol: thalidomide + UFT). */
export const AE_DRUGS = [
  { key: "thalidomide", label: "Thalidomide" },
  { key: "uft", label: "UFT (tegafur/uracil)" },
] as const;

/** Causality categories (WHO-UMC style five-point scale used on oncology CRFs). */
export const ATTRIBUTIONS = [
  { value: "unrelated", label: "Unrelated" },
  { value: "unlikely", label: "Unlikely" },
  { value: "possible", label: "Possible" },
  { value: "probable", label: "Probable" },
  { value: "definite", label: "Definite" },
] as const;

/** Action taken with each drug (CDISC SDTM AEACN terms). */
export const ACTIONS = [
  { value: "none", label: "None (dose not changed)" },
  { value: "dose-reduced", label: "Dose reduced" },
  { value: "interrupted", label: "Interrupted" },
  { value: "withdrawn", label: "Withdrawn" },
] as const;

/** Outcome (CDISC SDTM AEOUT terms). */
export const OUTCOMES = [
  { value: "recovered", label: "Recovered/resolved" },
  { value: "recovering", label: "Recovering/resolving" },
  { value: "not-recovered", label: "Not recovered/not resolved" },
  { value: "recovered-with-sequelae", label: "Recovered/resolved with sequelae" },
  { value: "fatal", label: "Fatal" },
  { value: "unknown", label: "Unknown" },
] as const;

/** ICH E2A section II.B: what makes an adverse event serious. */
export const SAE_CRITERIA = [
  { key: "death", label: "Results in death" },
  { key: "lifeThreatening", label: "Life-threatening" },
  { key: "hospitalization", label: "Requires or prolongs hospitalization" },
  { key: "disability", label: "Persistent or significant disability/incapacity" },
  { key: "congenitalAnomaly", label: "Congenital anomaly/birth defect" },
  { key: "otherImportant", label: "Other important medical event" },
] as const;

const values = <T extends readonly { value: string }[]>(list: T) =>
  list.map((o) => o.value) as [T[number]["value"], ...T[number]["value"][]];
const attribution = z.enum(values(ATTRIBUTIONS), { error: "Choose the attribution" }).nullable();
const action = z.enum(values(ACTIONS), { error: "Choose the action taken" }).nullable();
const yesNo = z.enum(["yes", "no"], { error: "Answer yes or no" }).nullable();

export const AdverseEventSchema = z
  .object({
    term: z
      .string()
      .trim()
      .min(1, "Choose the CTCAE term")
      .refine((t) => getAeTerm(t) !== null, "Choose a CTCAE v5.0 term from the list"),
    grade: z.number({ error: "Choose the grade" }).int().min(1).max(5).nullable(),
    onsetDate: isoDate("onset date"),
    ongoing: z.boolean(),
    resolutionDate: isoDate("resolution date").nullable(),
    serious: yesNo,
    saeCriteria: z.object(
      Object.fromEntries(SAE_CRITERIA.map((c) => [c.key, z.boolean()])) as Record<
        (typeof SAE_CRITERIA)[number]["key"],
        z.ZodBoolean
      >,
    ),
    awareAt: z.string().regex(LOCAL_DATE_TIME, "Enter the date and time as yyyy-mm-dd hh:mm").nullable(),
    // Optional: events entered before the report time was captured, and API clients that omit it, mean "not reported yet".
    reportedAt: z.string().regex(LOCAL_DATE_TIME, "Enter the date and time as yyyy-mm-dd hh:mm").nullable().optional(),
    attribution: z.object({ thalidomide: attribution, uft: attribution }),
    actionTaken: z.object({ thalidomide: action, uft: action }),
    outcome: z.enum(values(OUTCOMES), { error: "Choose the outcome" }).nullable(),
    deathDate: isoDate("death date").nullable(),
  })
  .superRefine((ae, ctx) => {
    const issue = (path: string, message: string) => ctx.addIssue({ code: "custom", path: path.split("."), message });
    // CTCAE v5.0: a dash in a grade column means that grade is not available for the term.
    if (ae.grade === null) issue("grade", "Choose the grade");
    else if (getAeTerm(ae.term) && !isGradeAllowed(ae.term, ae.grade))
      issue("grade", `Grade ${ae.grade} is not defined for ${ae.term} in CTCAE v5.0`);
    if (ae.ongoing && ae.resolutionDate !== null) issue("resolutionDate", "An ongoing event has no resolution date");
    if (!ae.ongoing && ae.resolutionDate === null)
      issue("resolutionDate", "Enter the resolution date or mark the event as ongoing");
    if (ae.resolutionDate !== null && ae.resolutionDate < ae.onsetDate)
      issue("resolutionDate", "The resolution date cannot be before the onset date");
    if (ae.serious === null) issue("serious", "Answer yes or no");
    const criteria = Object.values(ae.saeCriteria).some(Boolean);
    if (ae.serious === "yes") {
      // ICH E2A II.B: a serious event meets at least one criterion; the 24 h clock starts at awareness.
      if (!criteria) issue("saeCriteria", "Tick at least one criterion that makes the event serious");
      if (ae.awareAt === null) issue("awareAt", "Enter when the site became aware of the serious event");
      else if (ae.awareAt.slice(0, 10) < ae.onsetDate)
        issue("awareAt", "The site cannot become aware of the event before its onset");
      else if (isLocalDateTimeInFuture(ae.awareAt))
        issue("awareAt", "The date and time the site became aware cannot be in the future");
      if (ae.reportedAt) {
        if (ae.awareAt !== null && ae.reportedAt < ae.awareAt)
          issue("reportedAt", "The SAE cannot be reported before the site became aware of it");
        else if (isLocalDateTimeInFuture(ae.reportedAt)) issue("reportedAt", "The report time cannot be in the future");
      }
    } else if (ae.serious === "no") {
      if (criteria) issue("saeCriteria", "Seriousness criteria apply only to serious events");
      if (ae.awareAt !== null) issue("awareAt", "The awareness time is recorded only for serious events");
      if (ae.reportedAt) issue("reportedAt", "The report time is recorded only for serious events");
    }
    for (const key of ["thalidomide", "uft"] as const) {
      if (ae.attribution[key] === null) issue(`attribution.${key}`, "Choose the attribution");
      if (ae.actionTaken[key] === null) issue(`actionTaken.${key}`, "Choose the action taken");
    }
    if (ae.outcome === null) issue("outcome", "Choose the outcome");
    // CTCAE v5.0 grade definitions: "Grade 5 Death related to AE"; ICH E2A: death is a seriousness criterion.
    if (ae.grade === 5) {
      if (ae.outcome !== null && ae.outcome !== "fatal")
        issue("outcome", "A grade 5 event is fatal: set the outcome to Fatal");
      if (ae.deathDate === null) issue("deathDate", "Enter the date of death for a grade 5 event");
      else if (ae.deathDate < ae.onsetDate) issue("deathDate", "The date of death cannot be before the onset date");
      if (ae.serious === "no" || (ae.serious === "yes" && !ae.saeCriteria.death))
        issue("saeCriteria", "A grade 5 event is serious: tick Results in death");
    } else {
      if (ae.outcome === "fatal")
        issue("outcome", "A fatal outcome is grade 5 in CTCAE v5.0: change the grade or the outcome");
      if (ae.deathDate !== null) issue("deathDate", "A date of death is recorded only for grade 5 events");
    }
  });

export type AdverseEventData = z.output<typeof AdverseEventSchema>;

/** An empty adverse event form. */
export function emptyAdverseEvent(): AdverseEventData {
  return {
    term: "",
    grade: null,
    onsetDate: "",
    ongoing: false,
    resolutionDate: null,
    serious: null,
    saeCriteria: Object.fromEntries(SAE_CRITERIA.map((c) => [c.key, false])) as AdverseEventData["saeCriteria"],
    awareAt: null,
    reportedAt: null,
    attribution: { thalidomide: null, uft: null },
    actionTaken: { thalidomide: null, uft: null },
    outcome: null,
    deathDate: null,
  };
}
