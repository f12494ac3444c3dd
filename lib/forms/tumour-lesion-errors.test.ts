import { expect, test } from "vitest";
import { collectLesionFieldErrors } from "./tumour-lesion-errors";

const lesion = (index: number, lesionId: string, organ: string, longestDiameterMm: number) => ({
  index,
  lesionId,
  organ,
  isLymphNode: false,
  longestDiameterMm,
  technique: "ct" as const,
});
const paths = (errors: [(string | number)[], string][]) => errors.map(([path, message]) => [path.join("."), message]);

test("a lesion's own problem lands on its row, even when another row shares its id", () => {
  const errors = paths(collectLesionFieldErrors("1.0", [lesion(0, "T1", "liver", 15), lesion(1, "T1", "lung", 30)], 2));
  expect(errors).toEqual([
    ["targetLesions.0.lesionId", "Lesion ids must be unique: T1"],
    ["targetLesions.1.lesionId", "Lesion ids must be unique: T1"],
    ["targetLesions.0.longestDiameterMm", "T1: longest diameter 15 mm is below the 20 mm minimum for ct (RECIST 1.0)"],
  ]);
});

test("spiral CT lowers the RECIST 1.0 minimum to 10 mm", () => {
  expect(collectLesionFieldErrors("1.0", [{ ...lesion(0, "T1", "lung", 12), technique: "spiral-ct" }], 1)).toEqual([]);
});

test("too many in one organ flags that organ's rows; totals and an empty list flag the list", () => {
  const liver = [1, 2, 3, 4, 5, 6].map((i) => lesion(i, `T${i}`, i % 2 ? "Liver" : "liver ", 25));
  expect(paths(collectLesionFieldErrors("1.0", [lesion(0, "T0", "lung", 30), ...liver], 7))).toEqual(
    [1, 2, 3, 4, 5, 6].map((i) => [
      `targetLesions.${i}.organ`,
      "6 target lesions in liver; RECIST 1.0 allows at most 5 per organ",
    ]),
  );
  expect(collectLesionFieldErrors("1.0", [], 0)).toEqual([
    [["targetLesions"], "At least one measurable target lesion is required"],
  ]);
  const eleven = Array.from({ length: 11 }, (_, i) => lesion(i, `T${i + 1}`, `organ${i % 3}`, 30));
  expect(collectLesionFieldErrors("1.0", eleven, 11)).toEqual([
    [["targetLesions"], "11 target lesions; RECIST 1.0 allows at most 10 in total"],
  ]);
});
