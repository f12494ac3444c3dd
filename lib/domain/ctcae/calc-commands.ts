import { z } from "zod";
import { defineCalcCommand, type CalcCommand } from "../calc-command";
import { searchAeTerms } from "./ae-terms";
import { gradeLabValue } from "./grade-lab-value";
import { LAB_TESTS } from "./lab-criteria";

const limit = (field: string) => z.number({ error: `${field} must be a number in the same unit as value` }).optional();

const labInput = z
  .object({
    test: z.enum(LAB_TESTS, { error: `test must be one of: ${LAB_TESTS.join(", ")}` }),
    value: z.number({ error: "value must be a number" }).nonnegative("value must be >= 0"),
    unit: z.string({ error: 'unit is required, e.g. "x10^9/L"' }).min(1, "unit is required"),
    lln: limit("lln"),
    uln: limit("uln"),
    baseline: limit("baseline"),
  })
  .strict();

const termsInput = z.object({ query: z.string({ error: "query must be a string" }).optional() }).strict();

/** CTCAE v5.0 calculators for `npm run calc -- <name>`. */
export const ctcaeCalcCommands: Record<string, CalcCommand> = {
  "ctcae-lab": defineCalcCommand({
    summary: "CTCAE v5.0 grade of a lab value: {test, value, unit, lln?, uln?, baseline?} -> {grade, term, basis}",
    input: labInput,
    run: (input) => {
      const result = gradeLabValue(input);
      return {
        grade: result.grade,
        term: result.term,
        basis: result.basis,
        normalizedValue: result.normalizedValue,
        normalizedUnit: result.normalizedUnit,
      };
    },
  }),
  "ctcae-terms": defineCalcCommand({
    summary: "CTCAE v5.0 adverse-event terms offered by the AE form: {query?} -> {terms: [{term, soc, grades}]}",
    input: termsInput,
    run: (input) => ({
      terms: searchAeTerms(input.query ?? "").map((t) => ({ term: t.term, soc: t.soc, grades: t.grades })),
    }),
  }),
};
