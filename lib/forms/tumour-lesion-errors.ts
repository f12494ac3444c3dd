import type { LesionProblem } from "@/lib/domain/recist";

/**
 * Places each RECIST target-selection problem on the field the investigator has to change:
 * the diameter for a lesion that is not measurable, the id for duplicates, the organ when
 * an organ has too many targets, and the lesion list for totals.
 */
export function mapLesionProblemsToFields(problems: readonly LesionProblem[], lesions: readonly { lesionId: string }[]): [(string | number)[], string][] {
  const out: [(string | number)[], string][] = [];
  const indexesOf = (ids: readonly string[]) => lesions.flatMap((l, i) => (ids.includes(l.lesionId) ? [i] : []));
  for (const problem of problems) {
    const field =
      problem.code === "DUPLICATE_LESION_ID" ? "lesionId" : problem.code === "TOO_MANY_IN_ORGAN" ? "organ" : problem.code === "TOO_MANY_TOTAL" || problem.code === "NO_TARGET_LESIONS" ? null : "longestDiameterMm";
    if (field === null) out.push([["targetLesions"], problem.message]);
    else for (const i of indexesOf(problem.lesionIds)) out.push([["targetLesions", i, field], problem.message]);
  }
  return out;
}
