import { expect, test } from "vitest";
import { validateTargetLesions } from "@/lib/domain/recist";
import { mapLesionProblemsToFields } from "./tumour-lesion-errors";

const lesion = (lesionId: string, organ: string, longestDiameterMm: number) => ({ lesionId, organ, isLymphNode: false, longestDiameterMm, technique: "ct" as const });

test("each RECIST 1.0 selection problem lands on the field to change", () => {
  const lesions = [lesion("T1", "liver", 15), lesion("T1", "lung", 30), ...["T3", "T4", "T5", "T6", "T7", "T8"].map((id) => lesion(id, "liver", 25))];
  const fields = mapLesionProblemsToFields(validateTargetLesions("1.0", lesions), lesions).map(([path, message]) => [path.join("."), message]);
  expect(fields).toContainEqual(["targetLesions.0.longestDiameterMm", "T1: longest diameter 15 mm is below the 20 mm minimum for ct (RECIST 1.0)"]);
  expect(fields).toContainEqual(["targetLesions.0.lesionId", "Lesion ids must be unique: T1"]);
  expect(fields).toContainEqual(["targetLesions.1.lesionId", "Lesion ids must be unique: T1"]);
  const six = ["T1", "T2", "T3", "T4", "T5", "T6"].map((id) => lesion(id, "Liver", 25));
  const organ = mapLesionProblemsToFields(validateTargetLesions("1.0", [lesion("T0", "lung", 30), ...six]), [lesion("T0", "lung", 30), ...six]);
  expect(organ.map(([path]) => path.join("."))).toEqual([1, 2, 3, 4, 5, 6].map((i) => `targetLesions.${i}.organ`));
  expect(organ[0]![1]).toBe("6 target lesions in liver; RECIST 1.0 allows at most 5 per organ");
});

test("an empty selection and too many lesions are errors of the whole list", () => {
  expect(mapLesionProblemsToFields(validateTargetLesions("1.0", []), [])).toEqual([[["targetLesions"], "At least one measurable target lesion is required"]]);
  const eleven = Array.from({ length: 11 }, (_, i) => lesion(`T${i + 1}`, `organ${i % 3}`, 30));
  expect(mapLesionProblemsToFields(validateTargetLesions("1.0", eleven), eleven)).toEqual([[["targetLesions"], "11 target lesions; RECIST 1.0 allows at most 10 in total"]]);
});
