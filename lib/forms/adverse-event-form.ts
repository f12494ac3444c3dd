import { getAeTerm } from "@/lib/domain/ctcae";
import {
  computeSaeReportDueAt,
  findEarliestOnsetDate,
  findRecordedDeathDate,
  summarizeAdverseEvent,
} from "./adverse-event-rules";
import { AE_DRUGS, AdverseEventSchema, OUTCOMES, SAE_CRITERIA } from "./adverse-event-schema";
import { defineForm } from "./form-definition";

/** An adverse event graded by CTCAE v5.0, with seriousness, causality and action per drug. */
export const adverseEventForm = defineForm({
  type: "adverse-event",
  title: "Adverse event",
  repeating: true,
  placement: "event",
  schema: AdverseEventSchema,
  labels: {
    term: "CTCAE v5.0 term",
    grade: "CTCAE grade",
    onsetDate: "Onset date (yyyy-mm-dd)",
    ongoing: "Ongoing",
    resolutionDate: "Resolution date (yyyy-mm-dd)",
    serious: "Serious adverse event",
    ...Object.fromEntries(SAE_CRITERIA.map((c) => [`saeCriteria.${c.key}`, `SAE criterion: ${c.label}`])),
    awareAt: "Site became aware of the SAE (site local time, yyyy-mm-ddThh:mm)",
    reportedAt: "SAE reported to the sponsor (site local time, yyyy-mm-ddThh:mm)",
    ...Object.fromEntries(
      AE_DRUGS.flatMap((d) => [
        [`attribution.${d.key}`, `Attribution to ${d.label}`],
        [`actionTaken.${d.key}`, `Action taken with ${d.label}`],
      ]),
    ),
    outcome: `Outcome (${OUTCOMES.map((o) => o.value).join(", ")})`,
    deathDate: "Date of death (yyyy-mm-dd)",
  },
  // The schema already requires every answer; a saved event is complete.
  isComplete: () => true,
  compute: (data) => {
    const serious = data.serious === "yes";
    return {
      summary: summarizeAdverseEvent(data.term, data.grade, serious),
      soc: getAeTerm(data.term)?.soc ?? null,
      meddraCode: getAeTerm(data.term)?.meddraCode ?? null,
      serious,
      saeReportDueAt: serious && data.awareAt ? computeSaeReportDueAt(data.awareAt) : null,
      // Events saved before the report time was captured have no reportedAt: not reported yet.
      saeReportedAt: serious ? (data.reportedAt ?? null) : null,
    };
  },
  // findEarliestOnsetDate reads the consent date, findRecordedDeathDate the end-of-study form.
  contextFormTypes: ["eligibility", "end-of-study"],
  checkInContext: (data, context) => {
    const errors: Record<string, string[]> = {};
    const earliest = findEarliestOnsetDate(context);
    // ICH E6(R2) 1.2 / protocol: adverse events are collected from informed consent onwards.
    if (data.onsetDate < earliest.date)
      errors.onsetDate = [`The onset date cannot be before the ${earliest.label} (${earliest.date})`];
    // One death date per patient: the survival analysis reads the end-of-study record.
    const recorded = findRecordedDeathDate(context);
    if (data.grade === 5 && data.deathDate && recorded && recorded !== data.deathDate) {
      errors.deathDate = [
        `The date of death ${data.deathDate} differs from the end-of-study record's date of death ${recorded}: correct one of them`,
      ];
    }
    return errors;
  },
});
