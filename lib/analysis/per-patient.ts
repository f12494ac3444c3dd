import { readPatientOutcome } from "./efficacy-facts";
import {
  listAssessments,
  readCytokine,
  readFollowUp,
  type AnalysisPatientRecords,
  type CytokineResult,
} from "./patient-records";
import {
  toSwimmerLane,
  toWaterfallBar,
  type OutcomeInput,
  type SwimmerLane,
  type WaterfallBar,
} from "./waterfall-swimmer";

// Kept per patient object, not per patient: the analysis cohort (lib/data/analysis-cohort-store.ts)
// hands every request the same objects until a patient's data change, and a changed patient
// is a new object, so after a save only that patient is derived again. Patients are never
// modified once read (the analyses share them between requests).
const derived = new WeakMap<AnalysisPatientRecords, OutcomeInput>();
const cytokines = new WeakMap<AnalysisPatientRecords, Map<string, CytokineResult | null>>();
const lanes = new WeakMap<AnalysisPatientRecords, SwimmerLane>();
const bars = new WeakMap<AnalysisPatientRecords, WaterfallBar | null>();

/** A patient's assessments, follow-up and outcome as every analysis reads them, derived once per patient object. */
export function outcomeInputOf(patient: AnalysisPatientRecords): OutcomeInput {
  let input = derived.get(patient);
  if (!input) {
    const followUp = readFollowUp(patient);
    input = {
      subjectId: patient.subjectId,
      siteCode: patient.siteCode,
      enrollmentDate: patient.enrollmentDate,
      assessments: listAssessments(patient),
      followUp,
      outcome: readPatientOutcome(patient, followUp),
    };
    derived.set(patient, input);
  }
  return input;
}

/** A patient's baseline result of one analyte in the canonical unit (readCytokine), read once per patient object. */
export function cytokineOf(patient: AnalysisPatientRecords, analyte: string): CytokineResult | null {
  let results = cytokines.get(patient);
  if (!results) cytokines.set(patient, (results = new Map()));
  const key = analyte.toLowerCase();
  if (!results.has(key)) results.set(key, readCytokine(patient, analyte));
  return results.get(key)!;
}

/** A patient's swimmer lane (toSwimmerLane), built once per patient object. */
export function swimmerLaneOf(patient: AnalysisPatientRecords): SwimmerLane {
  let lane = lanes.get(patient);
  if (!lane) lanes.set(patient, (lane = toSwimmerLane(outcomeInputOf(patient))));
  return lane;
}

/** A patient's waterfall bar (toWaterfallBar), built once per patient object. */
export function waterfallBarOf(patient: AnalysisPatientRecords): WaterfallBar | null {
  let bar = bars.get(patient);
  if (bar === undefined) bars.set(patient, (bar = toWaterfallBar(outcomeInputOf(patient))));
  return bar;
}
