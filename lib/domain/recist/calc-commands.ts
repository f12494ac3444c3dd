import { z } from "zod";
import { defineCalcCommand, type CalcCommand } from "../calc-command";
import { determineBestOverallResponse } from "./best-overall-response";
import { RECIST_VERSIONS, RESPONSES, labelResponse, type NonTargetResponse } from "./response-types";
import { classifyTargetResponse } from "./target-response";
import { combineTimepointResponse } from "./timepoint-response";

const version = z.enum(RECIST_VERSIONS, { error: 'version must be "1.0" or "1.1"' });
const sumMm = (field: string) =>
  z
    .number({ error: `${field} must be a number (mm)` })
    .finite()
    .nonnegative({ error: `${field} must be >= 0 mm` });

/** CLI spellings of the non-target status, mapped to the library codes. */
const NON_TARGET_INPUT: Readonly<Record<string, NonTargetResponse>> = {
  CR: "CR",
  "non-CR/non-PD": "NON_CR_NON_PD",
  NON_CR_NON_PD: "NON_CR_NON_PD",
  PD: "PD",
  NE: "NE",
  absent: "ABSENT",
  none: "ABSENT",
  ABSENT: "ABSENT",
};
const nonTargetKeys = Object.keys(NON_TARGET_INPUT) as [string, ...string[]];

const timepointInput = z
  .object({
    version,
    baselineSum: sumMm("baselineSum"),
    nadirSum: sumMm("nadirSum"),
    // null: the target lesions were not all evaluable at this timepoint (RECIST 1.1 section 4.3.4: NE).
    currentSum: sumMm("currentSum").nullable(),
    newLesions: z.boolean({ error: "newLesions must be true or false" }),
    nonTarget: z.enum(nonTargetKeys, { error: `nonTarget must be one of ${nonTargetKeys.join(", ")}` }),
    targetAllDisappeared: z.boolean().optional(),
    targetNotAllEvaluated: z.boolean().optional(),
  })
  .strict();

const isoDate = (field: string) => z.iso.date({ error: `${field} must be an ISO date yyyy-mm-dd` });

const borInput = z
  .object({
    version,
    startDate: isoDate("startDate"),
    confirmationDays: z
      .number()
      .int()
      .nonnegative({ error: "confirmationDays must be a whole number >= 0" })
      .optional(),
    minSdDays: z.number().int().nonnegative({ error: "minSdDays must be a whole number >= 0" }).optional(),
    requireConfirmation: z.boolean().optional(),
    timepoints: z.array(
      z
        .object({
          date: isoDate("timepoints[].date"),
          response: z.enum(RESPONSES, { error: "response must be one of CR, PR, SD, PD, NE" }),
        })
        .strict(),
    ),
  })
  .strict();

/** RECIST calculators for `npm run calc -- <name>`. */
export const recistCalcCommands: Record<string, CalcCommand> = {
  recist: defineCalcCommand({
    summary: "RECIST 1.0/1.1 timepoint response from target sums (mm), non-target status and new lesions",
    input: timepointInput,
    run: (input) => {
      const target = classifyTargetResponse({
        version: input.version,
        baselineSumMm: input.baselineSum,
        nadirSumMm: input.nadirSum,
        // No sum at all: the nadir stands in, so only "not evaluable" (never PD) can follow from it.
        currentSumMm: input.currentSum ?? input.nadirSum,
        ...(input.targetAllDisappeared === undefined ? {} : { allTargetsResolved: input.targetAllDisappeared }),
        allTargetsEvaluated: input.targetNotAllEvaluated !== true && input.currentSum !== null,
      });
      const response = combineTimepointResponse({
        targetResponse: target.targetResponse,
        nonTargetResponse: NON_TARGET_INPUT[input.nonTarget] ?? "NE",
        newLesions: input.newLesions,
      });
      return {
        response,
        responseLabel: labelResponse(response),
        targetResponse: target.targetResponse,
        // Without a sum there is no change to report (the nadir only stood in for it).
        pctFromBaseline: input.currentSum === null ? null : target.pctFromBaseline,
        pctFromNadir: input.currentSum === null ? null : target.pctFromNadir,
        absoluteChangeFromNadirMm: input.currentSum === null ? null : target.absoluteChangeFromNadirMm,
      };
    },
  }),
  "recist-bor": defineCalcCommand({
    summary: "RECIST best overall response with CR/PR confirmation and minimum SD duration; first PD date",
    input: borInput,
    run: (input) => {
      const result = determineBestOverallResponse(input);
      return {
        bestOverallResponse: result.bestOverallResponse,
        bestOverallResponseLabel: labelResponse(result.bestOverallResponse),
        confirmed: result.confirmed,
        firstResponseDate: result.firstResponseDate ?? null,
        confirmationDate: result.confirmationDate ?? null,
        progressionDate: result.progressionDate ?? null,
        reasoning: result.reasoning,
      };
    },
  }),
};
