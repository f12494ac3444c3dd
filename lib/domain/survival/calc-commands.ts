import { z } from "zod";
import { defineCalcCommand, type CalcCommand } from "../calc-command";
import { CONF_TYPES, computeSurvivalCi } from "./confidence-interval";
import { estimateKaplanMeier } from "./kaplan-meier";
import { estimateMedianFollowUp } from "./median-follow-up";
import { estimateMedianSurvival } from "./median-survival";
import { getSurvivalAtTimes, toPointwiseConfType } from "./survival-at-times";
import { computeCriticalZ } from "./normal-quantile";
import { DAYS_PER_MONTH, deriveSurvivalEndpoints } from "./survival-endpoints";
import { ISO_DATE_PATTERN } from "../iso-date";

const timeEventShape = {
  time: z
    .array(z.number().nonnegative("times must be >= 0"), "time must be an array of numbers")
    .min(1, "at least one subject is needed"),
  event: z.array(z.union([z.literal(0), z.literal(1)], "event values must be 0 (censored) or 1 (event)")),
  confType: z.enum(CONF_TYPES, `confType must be one of ${CONF_TYPES.join(", ")}`).optional(),
  confLevel: z.number().min(0.5).max(0.9999).optional(),
};

function checkSameLength(value: { time: number[]; event: number[] }, ctx: z.RefinementCtx): void {
  if (value.time.length !== value.event.length) {
    ctx.addIssue({
      code: "custom",
      path: ["event"],
      message: `event must have one entry per time (${value.event.length} vs ${value.time.length})`,
    });
  }
}

const kmInput = z
  .object({ ...timeEventShape, at: z.array(z.number()).optional() })
  .strict()
  .superRefine(checkSameLength);

const followUpInput = z.object(timeEventShape).strict().superRefine(checkSameLength);

const isoDate = z.string().regex(ISO_DATE_PATTERN, "dates must be ISO yyyy-mm-dd");
const endpointsInput = z
  .object({
    enrollmentDate: isoDate,
    progressionDate: isoDate.optional(),
    deathDate: isoDate.optional(),
    lastContactDate: isoDate,
    lastAssessmentDate: isoDate.optional(),
  })
  .strict();

/** Calculators of the survival area, for `npm run calc -- <name>`. */
export const survivalCalcCommands: Record<string, CalcCommand> = {
  km: defineCalcCommand({
    summary:
      "Kaplan-Meier curve (Greenwood SE), median survival with CI (confType log [default, as R] | log-log | plain | symmetric)",
    input: kmInput,
    run: (input) => {
      const confType = input.confType ?? "log";
      const confLevel = input.confLevel ?? 0.95;
      const fit = estimateKaplanMeier(input.time, input.event);
      const median = estimateMedianSurvival(fit, { confType, confLevel });
      const survival =
        input.at !== undefined
          ? getSurvivalAtTimes(fit, input.at, { confType, confLevel }).map((p) => ({
              time: p.time,
              surv: p.surv,
              se: p.se,
              lower: p.lower,
              upper: p.upper,
              nRisk: p.nRisk,
            }))
          : fit.rows
              .filter((row) => row.nEvent > 0)
              .map((row) => ({
                time: row.time,
                surv: row.surv,
                se: row.se,
                ...computeSurvivalCi(row.surv, row.se, toPointwiseConfType(confType), computeCriticalZ(confLevel)),
                nRisk: row.nRisk,
                nEvent: row.nEvent,
              }));
      return { n: fit.n, nEvents: fit.nEvents, confType, confLevel, ...median, survival };
    },
  }),
  "survival-endpoints": defineCalcCommand({
    summary:
      "PFS and OS (days, months at 30.4375 d/month, event flag) from enrolment, progression, death, last contact dates",
    input: endpointsInput,
    run: (input) => ({ ...deriveSurvivalEndpoints(input), daysPerMonth: DAYS_PER_MONTH }),
  }),
  "median-followup": defineCalcCommand({
    summary: "Median follow-up by reverse Kaplan-Meier (Schemper & Smith 1996), with CI (confType default log)",
    input: followUpInput,
    run: (input) =>
      estimateMedianFollowUp(input.time, input.event, {
        confType: input.confType ?? "log",
        confLevel: input.confLevel ?? 0.95,
      }),
  }),
};
