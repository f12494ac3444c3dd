import { listAeTerms } from "@/lib/domain/ctcae/ae-terms";
import { addDays } from "@/lib/domain/schedule/visit-schedule";
import { ACTIONS, ATTRIBUTIONS, emptyAdverseEvent, type AdverseEventData } from "@/lib/forms/adverse-event-schema";
import { LAB_PANEL } from "@/lib/forms/labs/lab-panel";
import type { LabsData } from "@/lib/forms/labs/labs-schema";
import type { Random } from "./random";

/**
 * Valid, varied form data in the exact JSON shapes the forms' zod schemas accept, for load
 * tests and the synthetic trial. Mostly low-grade, non-serious events, as in the trial's
 * safety tables; a few serious ones so SAE deadlines get computed.
 */
const COMMON_TERMS = listAeTerms().filter((t) => t.grades.includes(1) && t.grades.includes(3) && !t.grades.includes(5));

export function buildAdverseEvent(random: Random, onsetDate: string): AdverseEventData {
  const term = random.pick(COMMON_TERMS);
  const serious = random.chance(0.08);
  const grade = serious ? 3 : random.chance(0.7) ? 1 : 2;
  const ongoing = random.chance(0.3);
  const ae = emptyAdverseEvent();
  return {
    ...ae,
    term: term.term,
    grade: term.grades.includes(grade as 1 | 2 | 3) ? grade : term.grades[0]!,
    onsetDate,
    ongoing,
    // The schema refuses a resolution date in the future (it would be a typing error).
    resolutionDate: ongoing
      ? null
      : minDate(addDays(onsetDate, random.int(1, 28)), new Date().toISOString().slice(0, 10)),
    serious: serious ? "yes" : "no",
    saeCriteria: { ...ae.saeCriteria, hospitalization: serious },
    awareAt: serious ? `${addDays(onsetDate, 1)}T09:30` : null,
    attribution: { thalidomide: random.pick(ATTRIBUTIONS).value, uft: random.pick(ATTRIBUTIONS).value },
    actionTaken: { thalidomide: random.pick(ACTIONS).value, uft: serious ? "interrupted" : "none" },
    outcome: ongoing ? "not-recovered" : "recovered",
    deathDate: null,
  };
}

/** A full panel in each test's default unit and range, values mostly near normal. */
export function buildLabs(random: Random, sampleDate: string): LabsData {
  const results = Object.fromEntries(
    LAB_PANEL.map(({ test, defaultUnit, lln, uln }) => {
      const mid = (lln + uln) / 2;
      // No lower than half the LLN: a value of 0 is no result a laboratory reports, and the save refuses it (lib/domain/ctcae/lab-plausibility).
      const value = Math.max(lln / 2, Number(random.normal(mid, (uln - lln) / 3).toPrecision(3)));
      return [test, { value, unit: defaultUnit, lln, uln }];
    }),
  ) as LabsData["results"];
  return { sampleDate, results };
}

function minDate(a: string, b: string): string {
  return a < b ? a : b;
}
