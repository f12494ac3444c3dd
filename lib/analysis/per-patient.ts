import { readPatientOutcome } from "./efficacy-facts";
import {
  listAssessments,
  listCytokineNames,
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

/** What the analyses derive from one patient, each part when first asked for. */
interface Derived {
  input: OutcomeInput;
  lane?: SwimmerLane;
  bar?: WaterfallBar | null;
  cytokines?: Map<string, CytokineResult | null>;
  /** The analytes of the baseline cytokines form, lower-cased name and name as recorded. */
  analytes?: readonly (readonly [string, string])[];
}

// Kept per patient object, not per patient: the analysis cohort (lib/data/analysis-cohort-store.ts)
// hands every request the same objects until a patient's data change, and a changed patient
// is a new object, so after a save only that patient is derived again. Patients are never
// modified once read (the analyses share them between requests). One map: at 100,000 patients
// each lookup counts.
const derived = new WeakMap<AnalysisPatientRecords, Derived>();

function derivedOf(patient: AnalysisPatientRecords): Derived {
  let entry = derived.get(patient);
  if (!entry) {
    const followUp = readFollowUp(patient);
    entry = {
      input: {
        subjectId: patient.subjectId,
        siteCode: patient.siteCode,
        enrollmentDate: patient.enrollmentDate,
        assessments: listAssessments(patient),
        followUp,
        outcome: readPatientOutcome(patient, followUp),
      },
    };
    derived.set(patient, entry);
  }
  return entry;
}

/** A patient's assessments, follow-up and outcome as every analysis reads them, derived once per patient object. */
export function outcomeInputOf(patient: AnalysisPatientRecords): OutcomeInput {
  return derivedOf(patient).input;
}

/** A patient's outcome, swimmer lane (toSwimmerLane) and waterfall bar (toWaterfallBar), each built once per patient object. */
export function efficacyPartsOf(patient: AnalysisPatientRecords): {
  input: OutcomeInput;
  lane: SwimmerLane;
  bar: WaterfallBar | null;
} {
  const entry = derivedOf(patient);
  entry.lane ??= toSwimmerLane(entry.input);
  if (entry.bar === undefined) entry.bar = toWaterfallBar(entry.input);
  return entry as Required<Derived>;
}

/** A patient's baseline result of one analyte in the canonical unit (readCytokine), read once per patient object. */
export function cytokineOf(patient: AnalysisPatientRecords, analyte: string): CytokineResult | null {
  return cytokineAndOutcomeOf(patient, analyte.toLowerCase(), analyte).level;
}

/**
 * cytokineOf and outcomeInputOf with one lookup of the patient's derivations (`key`: the
 * analyte's name lower-cased, once per request): the biomarker analysis asks both of 100,000 patients.
 */
export function cytokineAndOutcomeOf(
  patient: AnalysisPatientRecords,
  key: string,
  analyte: string,
): { level: CytokineResult | null; input: OutcomeInput } {
  const entry = derivedOf(patient);
  const results = (entry.cytokines ??= new Map());
  let level = results.get(key);
  if (level === undefined) results.set(key, (level = readCytokine(patient, analyte)));
  return { level, input: entry.input };
}

/**
 * listCytokineNames over a cohort with each patient's analytes read once per patient object: read
 * from every patient's form on each request it was ~200 ms of the biomarker page at 100,000 patients.
 */
export function listCohortCytokineNames(patients: readonly AnalysisPatientRecords[]): string[] {
  const names = new Map<string, string>();
  for (const patient of patients) {
    const entry = derivedOf(patient);
    entry.analytes ??= listCytokineNames([patient]).map((name) => [name.toLowerCase(), name] as const);
    for (const [key, name] of entry.analytes) if (!names.has(key)) names.set(key, name);
  }
  return [...names.values()];
}
