import type { RecistVersion } from "./response-types";

/** How a lesion was measured. "ct" = conventional (incremental/axial) CT; "caliper" = clinical exam. */
export const IMAGING_TECHNIQUES = ["spiral-ct", "ct", "mri", "chest-xray", "caliper"] as const;
/** Measurement technique of a baseline lesion. */
export type ImagingTechnique = (typeof IMAGING_TECHNIQUES)[number];

/** A lesion proposed as a target lesion at baseline. */
export interface TargetLesionCandidate {
  lesionId: string;
  /** Organ or site, e.g. "liver", "lung". RECIST 1.1 counts all lymph nodes as one organ whatever this says. */
  organ: string;
  isLymphNode: boolean;
  longestDiameterMm: number;
  /** Short axis, mm: required for lymph nodes under RECIST 1.1. */
  shortAxisMm?: number;
  technique: ImagingTechnique;
  /** CT/MRI slice thickness (1.1) or spiral CT reconstruction interval (1.0), mm; assumed <= 5 when absent. */
  sliceThicknessMm?: number;
}

/** Why a target-lesion selection is not valid. */
export type LesionProblemCode =
  | "NO_TARGET_LESIONS"
  | "DUPLICATE_LESION_ID"
  | "INVALID_MEASUREMENT"
  | "NOT_MEASURABLE"
  | "NODE_SHORT_AXIS_MISSING"
  | "NODE_NON_TARGET_PATHOLOGICAL"
  | "NODE_NORMAL"
  | "TOO_MANY_IN_ORGAN"
  | "TOO_MANY_TOTAL";

/** One problem, naming the lesions concerned so a form can flag them. */
export interface LesionProblem {
  code: LesionProblemCode;
  lesionIds: string[];
  message: string;
}

/** RECIST 1.0 (Therasse 2000), Baseline documentation of target lesions: up to 5 per organ, 10 in total. RECIST 1.1 section 4.2: 2 per organ, 5 in total. */
export const TARGET_LIMITS: Readonly<Record<RecistVersion, { perOrgan: number; total: number }>> = {
  "1.0": { perOrgan: 5, total: 10 },
  "1.1": { perOrgan: 2, total: 5 },
};

/** RECIST 1.1 section 3.1.1: malignant node measurable (target) when short axis >= 15 mm on CT. */
export const NODE_TARGET_MIN_SHORT_AXIS_MM = 15;
/** RECIST 1.1 section 3.1.2 / 4.3.1: nodes with short axis >= 10 mm are pathological; < 10 mm normal. */
export const NODE_PATHOLOGICAL_MIN_SHORT_AXIS_MM = 10;

/** Minimum longest diameter (mm) for a non-nodal (1.1) or any (1.0) lesion to be measurable. */
export function minimumMeasurableMm(
  version: RecistVersion,
  technique: ImagingTechnique,
  sliceThicknessMm?: number,
): number {
  const slice = sliceThicknessMm ?? 5;
  if (version === "1.0") {
    // RECIST 1.0, Measurability of tumor at baseline: >= 20 mm with conventional techniques or >= 10 mm
    // with spiral CT; Appendix I ties the spiral CT figure to a 5 mm contiguous reconstruction.
    return technique === "spiral-ct" && slice <= 5 ? 10 : 20;
  }
  // RECIST 1.1 section 3.1.1: 20 mm by chest X-ray, 10 mm by caliper, 10 mm by CT with slice <= 5 mm;
  // Appendix II: with thicker slices the minimum is twice the slice thickness.
  if (technique === "chest-xray") return 20;
  if (technique === "caliper") return 10;
  return Math.max(10, 2 * slice);
}

function checkLesion(version: RecistVersion, lesion: TargetLesionCandidate): LesionProblem | null {
  const ids = [lesion.lesionId];
  const { longestDiameterMm: ld, shortAxisMm: sa } = lesion;
  if (!Number.isFinite(ld) || ld <= 0 || (sa !== undefined && (!Number.isFinite(sa) || sa <= 0 || sa > ld))) {
    return {
      code: "INVALID_MEASUREMENT",
      lesionIds: ids,
      message: `${lesion.lesionId}: diameters must be > 0 mm and the short axis not longer than the longest diameter`,
    };
  }
  if (version === "1.1" && lesion.isLymphNode) {
    if (sa === undefined) {
      return {
        code: "NODE_SHORT_AXIS_MISSING",
        lesionIds: ids,
        message: `${lesion.lesionId}: RECIST 1.1 measures lymph nodes by short axis; enter it`,
      };
    }
    if (sa < NODE_PATHOLOGICAL_MIN_SHORT_AXIS_MM) {
      return {
        code: "NODE_NORMAL",
        lesionIds: ids,
        message: `${lesion.lesionId}: node short axis ${sa} mm < 10 mm is normal, not a lesion (RECIST 1.1 section 3.1.2)`,
      };
    }
    if (sa < NODE_TARGET_MIN_SHORT_AXIS_MM) {
      return {
        code: "NODE_NON_TARGET_PATHOLOGICAL",
        lesionIds: ids,
        message: `${lesion.lesionId}: node short axis ${sa} mm (10 to < 15 mm) is pathological but non-measurable: record it as a non-target lesion (RECIST 1.1 section 3.1.2)`,
      };
    }
    return null;
  }
  const min = minimumMeasurableMm(version, lesion.technique, lesion.sliceThicknessMm);
  if (ld < min) {
    return {
      code: "NOT_MEASURABLE",
      lesionIds: ids,
      message: `${lesion.lesionId}: longest diameter ${ld} mm is below the ${min} mm minimum for ${lesion.technique} (RECIST ${version})`,
    };
  }
  return null;
}

function organKey(version: RecistVersion, lesion: TargetLesionCandidate): string {
  // EORTC RECIST 1.1 Q&A "Two target lesions": lymph nodes at all locations are one organ.
  if (version === "1.1" && lesion.isLymphNode) return "lymph nodes";
  return lesion.organ.trim().toLowerCase();
}

/**
 * Checks a baseline target-lesion selection and returns every problem found (empty = valid),
 * never throwing, so a form can show all of them beside the lesions concerned.
 */
export function validateTargetLesions(
  version: RecistVersion,
  lesions: readonly TargetLesionCandidate[],
): LesionProblem[] {
  const problems: LesionProblem[] = [];
  if (lesions.length === 0) {
    // RECIST 1.0 Measurability of tumor at baseline / 1.1 section 4.1: response needs at least one measurable lesion.
    problems.push({
      code: "NO_TARGET_LESIONS",
      lesionIds: [],
      message: "At least one measurable target lesion is required",
    });
    return problems;
  }
  const seen = new Map<string, number>();
  for (const lesion of lesions) seen.set(lesion.lesionId, (seen.get(lesion.lesionId) ?? 0) + 1);
  const duplicates = [...seen].filter(([, n]) => n > 1).map(([id]) => id);
  if (duplicates.length > 0) {
    problems.push({
      code: "DUPLICATE_LESION_ID",
      lesionIds: duplicates,
      message: `Lesion ids must be unique: ${duplicates.join(", ")}`,
    });
  }
  for (const lesion of lesions) {
    const problem = checkLesion(version, lesion);
    if (problem) problems.push(problem);
  }
  const limits = TARGET_LIMITS[version];
  const byOrgan = new Map<string, string[]>();
  for (const lesion of lesions) {
    const key = organKey(version, lesion);
    byOrgan.set(key, [...(byOrgan.get(key) ?? []), lesion.lesionId]);
  }
  for (const [organ, ids] of byOrgan) {
    if (ids.length > limits.perOrgan) {
      problems.push({
        code: "TOO_MANY_IN_ORGAN",
        lesionIds: ids,
        message: `${ids.length} target lesions in ${organ}; RECIST ${version} allows at most ${limits.perOrgan} per organ`,
      });
    }
  }
  if (lesions.length > limits.total) {
    problems.push({
      code: "TOO_MANY_TOTAL",
      lesionIds: lesions.map((l) => l.lesionId),
      message: `${lesions.length} target lesions; RECIST ${version} allows at most ${limits.total} in total`,
    });
  }
  return problems;
}
