import type { Actor } from "@/lib/auth/actor";
import type { TumourAssessmentData, TumourBaselineData } from "@/lib/forms/tumour-schemas";
import { saveNewRecord } from "./new-record";

/**
 * Tumour forms the tests enter: a CT baseline of two target lesions (T1 always in the liver)
 * and follow-ups that measure both. Each test names the diameters, where T2 is and the
 * non-target lesions, so the RECIST sums it asserts stay readable at the call site.
 */
type TargetLesion = TumourBaselineData["targetLesions"][number];
type NonTargetLesion = TumourBaselineData["nonTargetLesions"][number];

/** Target lesion T1 in liver segment VIII, by CT. */
export const liverT1 = (longestDiameterMm: number): TargetLesion => ({
  lesionId: "T1",
  organ: "Liver",
  site: "Segment VIII",
  method: "ct",
  longestDiameterMm,
});
/** Target lesion T2 in liver segment II, by CT. */
export const liverT2 = (longestDiameterMm: number): TargetLesion => ({
  lesionId: "T2",
  organ: "Liver",
  site: "Segment II",
  method: "ct",
  longestDiameterMm,
});
/** Target lesion T2 in the right lower lobe of the lung, by spiral CT. */
export const lungT2 = (longestDiameterMm: number): TargetLesion => ({
  lesionId: "T2",
  organ: "Lung",
  site: "Right lower lobe",
  method: "spiral-ct",
  longestDiameterMm,
});
/** A bone metastasis followed as a non-target lesion. */
export const BONE_N1: NonTargetLesion = { lesionId: "N1", organ: "Bone", description: "T10 vertebra" };

/** The baseline imaging by CT on 2026-01-08. */
export function tumourBaseline(
  targetLesions: TargetLesion[],
  nonTargetLesions: NonTargetLesion[] = [],
  overrides: Partial<TumourBaselineData> = {},
): TumourBaselineData {
  return { assessmentDate: "2026-01-08", method: "ct", targetLesions, nonTargetLesions, ...overrides };
}

/** A CT follow-up measuring T1 and T2 (mm), no new lesion, the response left to the RECIST calculation. */
export function tumourFollowUp(
  assessmentDate: string,
  t1: number,
  t2: number,
  nonTargetStatus: TumourAssessmentData["nonTargetStatus"],
  overrides: Partial<TumourAssessmentData> = {},
): TumourAssessmentData {
  return {
    assessmentDate,
    method: "ct",
    measurements: [
      { lesionId: "T1", status: "measured", diameterMm: t1 },
      { lesionId: "T2", status: "measured", diameterMm: t2 },
    ],
    nonTargetStatus,
    newLesions: "no",
    newLesionsDescription: "",
    override: { response: null, reason: "" },
    ...overrides,
  };
}

/**
 * Liver target lesions of 60 (segment VIII) + 40 mm (segment II) and a bone non-target lesion
 * at baseline, then each follow-up with the diameters given and the non-target lesion present.
 */
export async function recordLiverTumours(
  investigator: Actor,
  patientId: string,
  followUps: { visitKey: string; date: string; t1: number; t2: number }[],
) {
  await saveNewRecord(
    investigator,
    patientId,
    "tumour-baseline",
    "baseline-imaging",
    tumourBaseline([liverT1(60), liverT2(40)], [BONE_N1]),
  );
  for (const f of followUps)
    await saveNewRecord(
      investigator,
      patientId,
      "tumour-assessment",
      f.visitKey,
      tumourFollowUp(f.date, f.t1, f.t2, "NON_CR_NON_PD"),
    );
}
