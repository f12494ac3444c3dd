import { z } from "zod";
import { CalcInputError } from "@/lib/domain/calc-command";
import { gradeLabValue } from "@/lib/domain/ctcae/grade-lab-value";
import { checkLabPlausibility } from "@/lib/domain/ctcae/lab-plausibility";
import { LAB_TESTS, type LabTest } from "@/lib/domain/ctcae/lab-criteria";
import { isoDate } from "@/lib/schemas/iso-date";
import { listTestUnits, requiredLimit } from "./lab-panel";

const amount = (what: string) =>
  z
    .number({ error: `Enter the ${what} as a number` })
    .min(0, `The ${what} cannot be negative`)
    .max(1e7, `The ${what} is too large`)
    .nullable();

/** One test: an empty value means "not done"; the unit and the site's range come with a value. */
const LabRowSchema = z.object({
  value: amount("value"),
  unit: z.string().max(20),
  lln: amount("LLN"),
  uln: amount("ULN"),
  /** Why a value outside the usual limits is right (lib/domain/ctcae/lab-plausibility): the user's confirmation, audited with the value. */
  implausibleReason: z.string().trim().max(500).nullish(),
  /** Why the LLN/ULN differ from the site laboratory's range in force on the sample day (lib/forms/labs/site-range-check), audited. */
  rangeReason: z.string().trim().max(500).nullish(),
});

export type LabRow = z.output<typeof LabRowSchema>;

const CALC_FIELDS = new Set(["value", "unit", "lln", "uln", "implausibleReason", "rangeReason"]);

function checkRow(test: LabTest, row: LabRow, ctx: z.RefinementCtx) {
  if (row.value === null) return;
  const issue = (field: string, message: string) =>
    ctx.addIssue({ code: "custom", path: ["results", test, field], message });
  if (!listTestUnits(test).includes(row.unit))
    return issue("unit", `Choose the unit (${listTestUnits(test).join(", ")})`);
  // A unit slip or a typo is caught before it is graded: impossible values are refused, rare ones confirmed.
  const plausibility = checkLabPlausibility(test, row.value, row.unit);
  if (plausibility.kind === "impossible") return issue("value", plausibility.message);
  if (plausibility.kind === "implausible" && (row.implausibleReason ?? "").length < 3)
    return issue("implausibleReason", plausibility.message);
  const needed = requiredLimit(test);
  if (row[needed] === null)
    return issue(needed, `Enter the site's ${needed.toUpperCase()}: CTCAE grades this test against it`);
  if (row.lln !== null && row.uln !== null && row.lln >= row.uln)
    return issue("uln", "The ULN must be greater than the LLN");
  try {
    // The same call compute() makes, minus the baseline: a value the grading refuses is a field error.
    gradeLabValue({ test, value: row.value, unit: row.unit, lln: row.lln ?? undefined, uln: row.uln ?? undefined });
  } catch (error) {
    if (!(error instanceof CalcInputError)) throw error;
    issue(error.field && CALC_FIELDS.has(error.field) ? error.field : "value", error.message);
  }
}

/** Laboratory results at a visit (issue 5): the CTCAE-graded tests with units and the site's normal ranges. */
export const LabsSchema = z
  .object({
    sampleDate: isoDate("sample date"),
    results: z.object(
      Object.fromEntries(LAB_TESTS.map((test) => [test, LabRowSchema])) as Record<LabTest, typeof LabRowSchema>,
    ),
  })
  .superRefine((data, ctx) => {
    for (const test of LAB_TESTS) checkRow(test, data.results[test], ctx);
  });

export type LabsData = z.output<typeof LabsSchema>;
