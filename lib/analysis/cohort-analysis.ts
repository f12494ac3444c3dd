import type { ConfType } from "@/lib/domain/survival";
import { analyzeBiomarker, type BiomarkerAnalysis, type CytokineCut } from "./biomarkers";
import { summarizeOutcomes, type EfficacySummary } from "./efficacy";
import { readPatientOutcome } from "./efficacy-facts";
import { buildKmCurve, type KmCurve } from "./km-curve";
import { listAssessments, readCytokine, readFollowUp, type AnalysisPatientRecords } from "./patient-records";
import {
  buildSwimmerLanes,
  buildWaterfall,
  type OutcomeInput,
  type SwimmerLane,
  type WaterfallBar,
} from "./waterfall-swimmer";

function deriveOutcomes(patients: readonly AnalysisPatientRecords[]): OutcomeInput[] {
  return patients.map((p) => {
    const followUp = readFollowUp(p);
    return {
      subjectId: p.subjectId,
      siteCode: p.siteCode,
      enrollmentDate: p.enrollmentDate,
      assessments: listAssessments(p),
      followUp,
      outcome: readPatientOutcome(p, followUp),
    };
  });
}

export interface EfficacyAnalysis {
  summary: EfficacySummary;
  pfsCurve: KmCurve | null;
  osCurve: KmCurve | null;
  waterfall: { bars: WaterfallBar[]; notMeasured: number };
  swimmer: SwimmerLane[];
}

/** Every efficacy figure of the enrolled patients (intention to treat) from their saved forms. */
export function analyzeEfficacy(patients: readonly AnalysisPatientRecords[], ciMethod: ConfType): EfficacyAnalysis {
  const outcomes = deriveOutcomes(patients);
  const curve = (endpoint: "pfs" | "os") =>
    outcomes.length
      ? buildKmCurve(
          outcomes.map((o) => o.outcome[endpoint].timeMonths),
          outcomes.map((o) => o.outcome[endpoint].event),
          ciMethod,
        )
      : null;
  return {
    summary: summarizeOutcomes(
      outcomes.map((o) => o.outcome),
      ciMethod,
    ),
    pfsCurve: curve("pfs"),
    osCurve: curve("os"),
    waterfall: buildWaterfall(outcomes),
    swimmer: buildSwimmerLanes(outcomes),
  };
}

export interface BiomarkerRequest {
  cytokine: string;
  cut: CytokineCut;
  endpoint: "os" | "pfs";
  ciMethod?: ConfType;
}

/** One baseline cytokine against PFS or OS for the enrolled patients. */
export function analyzeCohortBiomarker(
  patients: readonly AnalysisPatientRecords[],
  request: BiomarkerRequest,
): BiomarkerAnalysis {
  const subjects = patients.map((p) => {
    const outcome = readPatientOutcome(p)[request.endpoint];
    return { level: readCytokine(p, request.cytokine), time: outcome.timeMonths, event: outcome.event };
  });
  return analyzeBiomarker(subjects, { cut: request.cut, ciMethod: request.ciMethod });
}
