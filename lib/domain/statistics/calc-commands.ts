import { z } from "zod";
import { defineCalcCommand, type CalcCommand } from "../calc-command";
import { checkToxicityBoundary, tabulateToxicityBoundary } from "./beta-binomial-monitoring";
import { computeBinomialCi } from "./binomial-ci";
import { fitCoxModel } from "./cox-model";
import { compareSurvivalLogRank } from "./log-rank";
import { findSimonDesigns } from "./simon-two-stage";

// Schemas check shape (finite times >= 0, 0/1 events, equal lengths); the library repeats the
// checks so that other callers get the same messages as the CLI.
const timeArray = z
  .array(z.number({ error: "time values must be finite numbers" }).nonnegative("time values must be >= 0"), {
    error: "time must be an array of numbers",
  })
  .min(1, "time must contain at least one patient");
const eventArray = z.array(
  z.union([z.literal(0), z.literal(1)], { error: "event values must be 0 (censored) or 1 (event)" }),
  {
    error: "event must be an array of 0/1",
  },
);
const groupArray = z.array(z.union([z.string(), z.number()], { error: "group values must be strings or numbers" }), {
  error: "group must be an array of labels",
});
const covariateColumn = z.array(z.number({ error: "covariate values must be finite numbers" }), {
  error: "each covariate must be an array of numbers",
});

/** Adds an issue on `path` when an array's length differs from time's. */
function checkSameLength(ctx: z.RefinementCtx, n: number, values: readonly unknown[], path: (string | number)[]): void {
  if (values.length !== n) {
    ctx.addIssue({
      code: "custom",
      message: `${path.join(".")} has ${values.length} values but time has ${n}; they must match`,
      path,
    });
  }
}

const logRankInput = z
  .object({ time: timeArray, event: eventArray, group: groupArray })
  .strict()
  .superRefine((input, ctx) => {
    checkSameLength(ctx, input.time.length, input.event, ["event"]);
    checkSameLength(ctx, input.time.length, input.group, ["group"]);
  });

const coxInput = z
  .object({
    time: timeArray,
    event: eventArray,
    covariates: z.record(z.string(), covariateColumn, { error: "covariates must be an object of name -> number[]" }),
    ties: z.enum(["efron", "breslow"], { error: "ties must be efron or breslow" }).optional(),
  })
  .strict()
  .superRefine((input, ctx) => {
    checkSameLength(ctx, input.time.length, input.event, ["event"]);
    const names = Object.keys(input.covariates);
    if (names.length === 0)
      ctx.addIssue({ code: "custom", message: "covariates must name at least one covariate", path: ["covariates"] });
    for (const name of names)
      checkSameLength(ctx, input.time.length, input.covariates[name] ?? [], ["covariates", name]);
  });

const binomInput = z
  .object({
    successes: z
      .number({ error: "successes must be a number" })
      .int("successes must be a whole number")
      .nonnegative("successes must be >= 0"),
    n: z.number({ error: "n must be a number" }).int("n must be a whole number").positive("n must be >= 1"),
  })
  .strict()
  .refine((input) => input.successes <= input.n, { error: "successes cannot exceed n", path: ["successes"] });

const rate = (field: string) =>
  z
    .number({ error: `${field} must be a number` })
    .gt(0, `${field} must be > 0`)
    .lt(1, `${field} must be < 1`);

const simonInput = z
  .object({
    p0: rate("p0"),
    p1: rate("p1"),
    alpha: rate("alpha"),
    beta: rate("beta"),
    nMax: z
      .number({ error: "nMax must be a number" })
      .int("nMax must be a whole number")
      .min(2, "nMax must be >= 2")
      .max(200, "nMax must be <= 200")
      .optional(),
  })
  .strict()
  .refine((input) => input.p1 > input.p0, { error: "p1 must be greater than p0", path: ["p1"] });

const wholeCount = (field: string) =>
  z
    .number({ error: `${field} must be a number` })
    .int(`${field} must be a whole number`)
    .nonnegative(`${field} must be >= 0`);

const toxicityBoundaryInput = z
  .object({
    theta: rate("theta"),
    threshold: rate("threshold"),
    priorA: z.number({ error: "priorA must be a number" }).positive("priorA must be > 0").default(1),
    priorB: z.number({ error: "priorB must be a number" }).positive("priorB must be > 0").default(1),
    maxPatients: wholeCount("maxPatients").min(1, "maxPatients must be >= 1").max(1000, "maxPatients must be <= 1000"),
    patients: wholeCount("patients").optional(),
    toxicities: wholeCount("toxicities").optional(),
  })
  .strict()
  .refine((input) => (input.patients === undefined) === (input.toxicities === undefined), {
    error: "give both patients and toxicities, or neither",
    path: ["toxicities"],
  })
  .refine(
    (input) => input.toxicities === undefined || input.patients === undefined || input.toxicities <= input.patients,
    { error: "toxicities cannot exceed patients", path: ["toxicities"] },
  );

/** Calculators of the statistics area, for `npm run calc -- <name>`. */
export const statisticsCalcCommands: Record<string, CalcCommand> = {
  logrank: defineCalcCommand({
    summary: "Log-rank test of k groups (as R survdiff): {time, event, group} -> {chisq, df, p, groups}",
    input: logRankInput,
    run: (input) => compareSurvivalLogRank(input),
  }),
  cox: defineCalcCommand({
    summary: "Cox proportional hazards fit (as R coxph, Efron ties by default): hazard ratios with 95% CI, LR test",
    input: coxInput,
    run: (input) => fitCoxModel(input),
  }),
  binom: defineCalcCommand({
    summary:
      "Proportion with exact Clopper-Pearson 95% CI (as R binom.test): {successes, n} -> {estimate, lower, upper}",
    input: binomInput,
    run: (input) => computeBinomialCi(input),
  }),
  simon: defineCalcCommand({
    summary:
      "Simon two-stage designs (exact, Simon 1989): {p0, p1, alpha, beta, nMax?} -> {optimal, minimax} each {r1, n1, r, n, en0, pet0, alpha, power}",
    input: simonInput,
    run: (input) => findSimonDesigns(input),
  }),
  "toxicity-boundary": defineCalcCommand({
    summary:
      "Bayesian toxicity stopping boundary, stop if P(rate > theta) > threshold: {theta, threshold, priorA?, priorB?, maxPatients, patients?, toxicities?}",
    input: toxicityBoundaryInput,
    run: ({ maxPatients, patients, toxicities, ...rule }) => ({
      boundary: tabulateToxicityBoundary(rule, maxPatients),
      ...(patients !== undefined && toxicities !== undefined
        ? { check: checkToxicityBoundary(rule, toxicities, patients) }
        : {}),
    }),
  }),
};
