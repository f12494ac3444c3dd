import type { TumourAssessmentData, TumourBaselineData } from "@/lib/forms/tumour-schemas";
import type { BaselineFacts } from "./cohort-baseline";
import type { Prng } from "./prng";

export interface TargetLesion {
  lesionId: string;
  organ: string;
  site: string;
  diameterMm: number;
}

/** Baseline imaging (spiral CT): liver targets from the baseline nodules, lung targets when spread there; non-target thrombus and bone lesions. */
export function buildTumourBaseline(
  prng: Prng,
  assessmentDate: string,
  facts: BaselineFacts,
): { data: TumourBaselineData; targets: TargetLesion[] } {
  const largestMm = Math.round((facts.data.largestNoduleCm ?? 5) * 10);
  const liverCount = facts.morphology === "multinodular" ? Math.min(3, facts.data.noduleCount ?? 2) : 1;
  const targets: TargetLesion[] = [];
  for (let i = 0; i < liverCount; i++) {
    const diameterMm = i === 0 ? largestMm : Math.max(15, Math.round(largestMm * prng.uniform(0.3, 0.8)));
    targets.push({
      lesionId: `T${targets.length + 1}`,
      organ: "liver",
      site: prng.pick([
        "right lobe, segment VII",
        "right lobe, segment VI",
        "left lobe, segment III",
        "segment VIII",
        "segment IV",
      ]),
      diameterMm,
    });
  }
  if (facts.extrahepaticSites.includes("lung")) {
    for (let i = 0; i < prng.int(1, 2); i++)
      targets.push({
        lesionId: `T${targets.length + 1}`,
        organ: "lung",
        site: i === 0 ? "right lower lobe" : "left upper lobe",
        diameterMm: prng.int(12, 30),
      });
  }
  const nonTargetLesions: TumourBaselineData["nonTargetLesions"] = [];
  if (facts.portalVeinInvasion)
    nonTargetLesions.push({
      lesionId: `N${nonTargetLesions.length + 1}`,
      organ: "portal vein",
      description: "tumour thrombus, main portal vein branch",
    });
  if (facts.extrahepaticSites.includes("bone"))
    nonTargetLesions.push({
      lesionId: `N${nonTargetLesions.length + 1}`,
      organ: "bone",
      description: "osteolytic lesion, thoracic spine",
    });
  if (facts.extrahepaticSites.includes("lymph-nodes"))
    nonTargetLesions.push({
      lesionId: `N${nonTargetLesions.length + 1}`,
      organ: "lymph nodes",
      description: "enlarged hepatic hilar nodes",
    });
  return {
    data: {
      assessmentDate,
      method: "spiral-ct",
      targetLesions: targets.map((t) => ({
        lesionId: t.lesionId,
        organ: t.organ,
        site: t.site,
        method: "spiral-ct",
        longestDiameterMm: t.diameterMm,
      })),
      nonTargetLesions,
    },
    targets,
  };
}

/** What an imaging visit shows: target lesions scaled from baseline, and whether new lesions appeared. */
export interface ImagingFinding {
  /** Sum of the target diameters relative to baseline (1 = unchanged). */
  scale: number;
  newLesions: boolean;
}

/** A follow-up assessment measuring each baseline target at `scale` (with small per-lesion noise). */
export function buildTumourAssessment(
  prng: Prng,
  assessmentDate: string,
  targets: readonly TargetLesion[],
  hasNonTarget: boolean,
  finding: ImagingFinding,
): TumourAssessmentData {
  return {
    assessmentDate,
    method: "spiral-ct",
    measurements: targets.map((t) => ({
      lesionId: t.lesionId,
      status: "measured",
      diameterMm: Math.max(5, Math.round(t.diameterMm * finding.scale * prng.uniform(0.98, 1.02))),
    })),
    nonTargetStatus: hasNonTarget ? "NON_CR_NON_PD" : "ABSENT",
    newLesions: finding.newLesions ? "yes" : "no",
    newLesionsDescription: finding.newLesions ? "new hepatic nodules on spiral CT" : "",
    override: { response: null, reason: "" },
  };
}

/**
 * The imaging findings for a designed response: PR shrinks at least 40% and stays there
 * (confirmed at the next visit, RECIST 1.0 >= 4 weeks); SD stays between -15% and +8%;
 * PD grows at least 30% over the nadir or shows new lesions. Margins keep rounding to whole
 * millimetres clear of the 30% and 20% thresholds.
 */
export function planFindings(
  prng: Prng,
  response: "PR" | "SD" | "PD",
  assessments: number,
  endsInProgression: boolean,
): ImagingFinding[] {
  const findings: ImagingFinding[] = [];
  let nadir = 1;
  for (let i = 0; i < assessments; i++) {
    const last = i === assessments - 1;
    if (last && endsInProgression) {
      const viaNewLesions = prng.chance(0.35);
      findings.push(
        viaNewLesions
          ? { scale: nadir * prng.uniform(1.0, 1.1), newLesions: true }
          : { scale: nadir * prng.uniform(1.3, 1.5), newLesions: false },
      );
      break;
    }
    const scale =
      response === "PR"
        ? i === 0
          ? prng.uniform(0.5, 0.6)
          : nadir * prng.uniform(0.9, 1.0)
        : i === 0
          ? prng.uniform(0.86, 1.08)
          : Math.max(0.8, nadir * prng.uniform(0.97, 1.1));
    findings.push({ scale, newLesions: false });
    nadir = Math.min(nadir, scale);
  }
  return findings;
}
