import type { ConfType } from "@/lib/domain/survival";
import { analyzeBiomarker, type BiomarkerAnalysis, type CytokineCut } from "./biomarkers";
import { summarizeOutcomes, type EfficacySummary } from "./efficacy";
import { buildKmCurve, type KmCurve } from "./km-curve";
import { inSubjectOrder } from "./compare-text";
import { efficacyPartsOf, mapCytokineAndOutcome } from "./per-patient";
import type { AnalysisPatientRecords } from "./patient-records";
import { sortSwimmerLanes, sortWaterfall, type SwimmerLane, type WaterfallBar } from "./waterfall-swimmer";

export interface EfficacyAnalysis {
  summary: EfficacySummary;
  pfsCurve: KmCurve | null;
  osCurve: KmCurve | null;
  waterfall: { bars: WaterfallBar[]; notMeasured: number };
  swimmer: SwimmerLane[];
}

/** Every efficacy figure of the enrolled patients (intention to treat) from their saved forms. */
export function analyzeEfficacy(patients: readonly AnalysisPatientRecords[], ciMethod: ConfType): EfficacyAnalysis {
  const parts = patients.map((p) => efficacyPartsOf(p));
  const outcomes = parts.map((p) => p.input);
  const bySubject = inSubjectOrder(patients);
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
    waterfall: sortWaterfall(
      parts.map((p) => p.bar),
      bySubject,
    ),
    swimmer: sortSwimmerLanes(
      parts.map((p) => p.lane),
      bySubject,
    ),
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
  const subjects = mapCytokineAndOutcome(patients, request.cytokine, (level, input) => {
    const outcome = input.outcome[request.endpoint];
    return { level, time: outcome.timeMonths, event: outcome.event };
  });
  return analyzeBiomarker(subjects, { cut: request.cut, ciMethod: request.ciMethod });
}
