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
  return cytokineAndOutcomeOfEntry(patient, derivedOf(patient), analyte.toLowerCase(), analyte).level;
}

/**
 * cytokineOf and outcomeInputOf with one lookup of the patient's derivations (`key`: the
 * analyte's name lower-cased, once per request).
 */
function cytokineAndOutcomeOfEntry(
  patient: AnalysisPatientRecords,
  entry: Derived,
  key: string,
  analyte: string,
): { level: CytokineResult | null; input: OutcomeInput } {
  const results = (entry.cytokines ??= new Map());
  let level = results.get(key);
  if (level === undefined) results.set(key, (level = readCytokine(patient, analyte)));
  return { level, input: entry.input };
}

// The derivations of one cohort array, looked up once: the biomarker page walks the cohort twice
// (the analytes, then one analyte's levels), each walk a WeakMap lookup per patient. The kept
// cohort hands every request that shares its order the same array, and
// after a save a new array with the same objects in place but the changed patient's: where the
// last array had the same object at the same place, its entry is taken without a lookup.
const cohortEntries = new WeakMap<readonly AnalysisPatientRecords[], readonly Derived[]>();
let lastCohort: { patients: readonly AnalysisPatientRecords[]; entries: readonly Derived[] } | null = null;

function derivedOfCohort(patients: readonly AnalysisPatientRecords[]): readonly Derived[] {
  let entries = cohortEntries.get(patients);
  if (entries) return entries;
  const last = lastCohort;
  entries = patients.map((patient, i) => (last?.patients[i] === patient ? last.entries[i]! : derivedOf(patient)));
  cohortEntries.set(patients, entries);
  lastCohort = { patients, entries };
  return entries;
}

/** Each patient's baseline result of one analyte (cytokineOf) with their outcome input (outcomeInputOf), mapped. */
export function mapCytokineAndOutcome<T>(
  patients: readonly AnalysisPatientRecords[],
  analyte: string,
  map: (level: CytokineResult | null, input: OutcomeInput) => T,
): T[] {
  const entries = derivedOfCohort(patients);
  const key = analyte.toLowerCase();
  return patients.map((patient, i) => {
    const { level, input } = cytokineAndOutcomeOfEntry(patient, entries[i]!, key, analyte);
    return map(level, input);
  });
}

// Patients with the same analytes share one list (most have the trial's panel), so the cohort's
// names come from a few lists, not from every patient's. Analyte names are typed freely, so the
// lists kept are bounded: past the bound they are made again, shared as before.
const sharedAnalyteLists = new Map<string, readonly (readonly [string, string])[]>();
const MAX_SHARED_ANALYTE_LISTS = 10_000;

function analytesOf(patient: AnalysisPatientRecords): readonly (readonly [string, string])[] {
  const names = listCytokineNames([patient]);
  const key = names.join("\u0000");
  let list = sharedAnalyteLists.get(key);
  if (!list) {
    if (sharedAnalyteLists.size >= MAX_SHARED_ANALYTE_LISTS) sharedAnalyteLists.clear();
    sharedAnalyteLists.set(key, (list = names.map((name) => [name.toLowerCase(), name] as const)));
  }
  return list;
}

/** listCytokineNames over a cohort, with each patient's analytes read once per patient object. */
export function listCohortCytokineNames(patients: readonly AnalysisPatientRecords[]): string[] {
  const entries = derivedOfCohort(patients);
  const names = new Map<string, string>();
  let previous: Derived["analytes"];
  patients.forEach((patient, i) => {
    const entry = entries[i]!;
    const analytes = (entry.analytes ??= analytesOf(patient));
    if (analytes === previous) return;
    previous = analytes;
    for (const [key, name] of analytes) if (!names.has(key)) names.set(key, name);
  });
  return [...names.values()];
}
