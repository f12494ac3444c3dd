import type { Response } from "@/lib/domain/recist";
import { parseIsoDateToDayNumber } from "@/lib/domain/iso-date";
import { DAYS_PER_MONTH } from "@/lib/domain/survival";
import { compareText } from "./compare-text";
import type { PatientOutcome } from "./efficacy";
import type { AssessedTimepoint, FollowUpFacts } from "./patient-records";

export interface OutcomeInput {
  subjectId: string;
  siteCode: string;
  enrollmentDate: string;
  assessments: readonly AssessedTimepoint[];
  followUp: FollowUpFacts;
  outcome: PatientOutcome;
}

export interface WaterfallBar {
  subjectId: string;
  /** Best (lowest) % change of the target-lesion sum from baseline, as computed at each assessment. */
  bestPctChange: number;
  bestOverallResponse: Response;
}

/** A patient's waterfall bar: their best % change, or null without a measured follow-up. */
export function toWaterfallBar(p: OutcomeInput): WaterfallBar | null {
  let best: number | null = null;
  for (const a of p.assessments)
    if (a.pctFromBaseline !== null && (best === null || a.pctFromBaseline < best)) best = a.pctFromBaseline;
  return best === null
    ? null
    : { subjectId: p.subjectId, bestPctChange: best, bestOverallResponse: p.outcome.bestOverallResponse };
}

/**
 * Waterfall from each patient's bar (toWaterfallBar): largest increase first, then by subject.
 * `bySubject`: the bars already come in compareText's subject order, which the sort (stable) keeps.
 */
export function sortWaterfall(
  bars: readonly (WaterfallBar | null)[],
  bySubject = false,
): { bars: WaterfallBar[]; notMeasured: number } {
  const measured = bars.filter((bar): bar is WaterfallBar => bar !== null);
  measured.sort(
    bySubject
      ? (a, b) => b.bestPctChange - a.bestPctChange
      : (a, b) => b.bestPctChange - a.bestPctChange || compareText(a.subjectId, b.subjectId),
  );
  return { bars: measured, notMeasured: bars.length - measured.length };
}

/** Waterfall: one bar per patient with at least one measured follow-up, largest increase first. */
export function buildWaterfall(patients: readonly OutcomeInput[]): { bars: WaterfallBar[]; notMeasured: number } {
  return sortWaterfall(patients.map(toWaterfallBar));
}

export interface SwimmerLane {
  subjectId: string;
  siteCode: string;
  bestOverallResponse: Response;
  /** Months from enrollment to going off treatment, or to the last contact while still on treatment. */
  treatmentMonths: number;
  onTreatment: boolean;
  /** Months of follow-up (the OS time) and whether it ends in death. */
  followUpMonths: number;
  died: boolean;
  responses: { month: number; response: Response }[];
  progressionMonth: number | null;
}

/** A patient's swimmer lane. Times are months of 30.4375 days from enrollment. */
export function toSwimmerLane(p: OutcomeInput): SwimmerLane {
  const start = parseIsoDateToDayNumber(p.enrollmentDate, "enrollmentDate");
  const month = (date: string) => (parseIsoDateToDayNumber(date, "date") - start) / DAYS_PER_MONTH;
  const endOfTreatment = p.followUp.offTreatmentDate ?? p.followUp.deathDate ?? p.followUp.lastContactDate;
  return {
    subjectId: p.subjectId,
    siteCode: p.siteCode,
    bestOverallResponse: p.outcome.bestOverallResponse,
    treatmentMonths: month(endOfTreatment),
    onTreatment: !p.followUp.offTreatmentDate && !p.followUp.deathDate,
    followUpMonths: p.outcome.os.timeMonths,
    died: p.outcome.os.event === 1,
    responses: p.assessments.map((a) => ({ month: month(a.date), response: a.response })),
    progressionMonth: p.outcome.progressionDate ? month(p.outcome.progressionDate) : null,
  };
}

/** Swimmer lanes (toSwimmerLane), longest follow-up first, then by subject (`bySubject`: as sortWaterfall). */
export function sortSwimmerLanes(lanes: readonly SwimmerLane[], bySubject = false): SwimmerLane[] {
  return [...lanes].sort(
    bySubject
      ? (a, b) => b.followUpMonths - a.followUpMonths
      : (a, b) => b.followUpMonths - a.followUpMonths || compareText(a.subjectId, b.subjectId),
  );
}

/** Swimmer plot lanes, longest follow-up first. Times are months of 30.4375 days from enrollment. */
export function buildSwimmerLanes(patients: readonly OutcomeInput[]): SwimmerLane[] {
  return sortSwimmerLanes(patients.map(toSwimmerLane));
}
