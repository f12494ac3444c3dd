import type { Response } from "@/lib/domain/recist";
import { parseIsoDateToDayNumber } from "@/lib/domain/iso-date";
import { DAYS_PER_MONTH } from "@/lib/domain/survival";
import type { PatientOutcome } from "./efficacy";
import type { AssessedTimepoint, FollowUpFacts } from "./patient-records";

// The order of localeCompare (ECMA-402 defines it as this collator's), without the collator
// localeCompare sets up on every call: 10,000 lanes sort in milliseconds instead of ~100 ms.
const compareText = new Intl.Collator().compare;

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

/** Waterfall: one bar per patient with at least one measured follow-up, largest increase first. */
export function buildWaterfall(patients: readonly OutcomeInput[]): { bars: WaterfallBar[]; notMeasured: number } {
  const bars = patients.flatMap((p) => {
    const changes = p.assessments.map((a) => a.pctFromBaseline).filter((v): v is number => v !== null);
    return changes.length
      ? [
          {
            subjectId: p.subjectId,
            bestPctChange: Math.min(...changes),
            bestOverallResponse: p.outcome.bestOverallResponse,
          },
        ]
      : [];
  });
  bars.sort((a, b) => b.bestPctChange - a.bestPctChange || compareText(a.subjectId, b.subjectId));
  return { bars, notMeasured: patients.length - bars.length };
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

/** Swimmer plot lanes, longest follow-up first. Times are months of 30.4375 days from enrollment. */
export function buildSwimmerLanes(patients: readonly OutcomeInput[]): SwimmerLane[] {
  const lanes = patients.map((p) => {
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
  });
  return lanes.sort((a, b) => b.followUpMonths - a.followUpMonths || compareText(a.subjectId, b.subjectId));
}
