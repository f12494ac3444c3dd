import {
  validateTargetLesions,
  type LesionProblemCode,
  type RecistVersion,
  type TargetLesionCandidate,
} from "@/lib/domain/recist";

/** Problems of the selection as a whole; the others concern one lesion. */
const LIST_PROBLEMS: ReadonlySet<LesionProblemCode> = new Set([
  "NO_TARGET_LESIONS",
  "DUPLICATE_LESION_ID",
  "TOO_MANY_IN_ORGAN",
  "TOO_MANY_TOTAL",
]);

/**
 * Checks a baseline target selection with lib/domain/recist validateTargetLesions and places
 * each problem on the field the investigator has to change: the diameter of a lesion that is
 * not measurable, the ids of duplicates, the organs of an organ with too many targets, and
 * the lesion list for totals. Each lesion is also checked alone, so a problem of one lesion
 * lands on that row even when another row shares its id. `index` is the lesion's form row.
 */
export function collectLesionFieldErrors(
  version: RecistVersion,
  lesions: readonly (TargetLesionCandidate & { index: number })[],
  rows: number,
): [(string | number)[], string][] {
  const out: [(string | number)[], string][] = [];
  const rowsOf = (ids: readonly string[]) => lesions.filter((l) => ids.includes(l.lesionId)).map((l) => l.index);
  if (rows === 0 || lesions.length > 0) {
    for (const problem of validateTargetLesions(version, lesions)) {
      if (!LIST_PROBLEMS.has(problem.code)) continue;
      if (problem.code === "DUPLICATE_LESION_ID" || problem.code === "TOO_MANY_IN_ORGAN") {
        const field = problem.code === "DUPLICATE_LESION_ID" ? "lesionId" : "organ";
        for (const i of rowsOf(problem.lesionIds)) out.push([["targetLesions", i, field], problem.message]);
      } else out.push([["targetLesions"], problem.message]);
    }
  }
  for (const lesion of lesions) {
    for (const problem of validateTargetLesions(version, [lesion]))
      out.push([["targetLesions", lesion.index, "longestDiameterMm"], problem.message]);
  }
  return out;
}
