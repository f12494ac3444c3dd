import { readFileSync } from "node:fs";
import { expect, test } from "vitest";
import { LAB_LIMITS } from "./lab-plausibility";
import { LAB_CRITERIA, LAB_TESTS } from "./lab-criteria";
import { NORMALIZED_UNIT } from "./lab-units";

/** The README's table is what a data manager reviews: it must say exactly what the code enforces. */
test("the README lists every laboratory plausibility limit the code enforces", () => {
  const readme = readFileSync("README.md", "utf8");
  const rows = new Map(
    readme
      .split("\n")
      .map((line) => /^\| [^|]+ \| `([a-z]+)` \| ([^|]+) \| ([\d.]+–[\d.]+) \| ([\d.]+–[\d.]+) \|$/.exec(line))
      .filter((match) => match !== null)
      .map((match) => [match[1]!, match.slice(2, 5)]),
  );
  expect([...rows.keys()].sort()).toEqual([...LAB_TESTS].sort());
  for (const test of LAB_TESTS) {
    const { hard, soft } = LAB_LIMITS[test];
    expect(rows.get(test), test).toEqual([
      NORMALIZED_UNIT[LAB_CRITERIA[test].family],
      `${hard.min}–${hard.max}`,
      `${soft.min}–${soft.max}`,
    ]);
  }
});
