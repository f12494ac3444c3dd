import { z } from "zod";
import { ReasonSchema } from "./crf";

export const SIMON_DESIGN_CHOICES = ["OPTIMAL", "MINIMAX", "CUSTOM"] as const;
export type SimonDesignChoice = (typeof SIMON_DESIGN_CHOICES)[number];

/** The largest total sample size the app searches or accepts (as R clinfun::ph2simon's default nmax). */
export const SIMON_N_MAX = 100;

const proportion = (label: string) =>
  z.coerce
    .number({ error: `Enter the ${label} as a proportion, e.g. 0.05` })
    .gt(0, "Must be more than 0")
    .lt(1, "Must be less than 1");

const priorShape = (label: string) =>
  z.coerce
    .number({ error: `Enter the prior's ${label}` })
    .gt(0, "Must be more than 0")
    .max(100, "At most 100");

/** "" (left empty) -> null; otherwise a whole number. Only a custom design uses these. */
const optionalCount = z.preprocess(
  (value) => (value === "" || value === null || value === undefined ? null : value),
  z.coerce
    .number({ error: "Enter a whole number" })
    .int("Whole numbers only")
    .min(0, "At least 0")
    .max(SIMON_N_MAX, `At most ${SIMON_N_MAX}`)
    .nullable(),
);

/**
 * The stopping rules an administrator edits (app/admin/study), as the form and the server parse
 * them: Simon's two-stage design for response, and the Bayesian toxicity boundary.
 */
export const StoppingRulesSchema = z
  .object({
    responseP0: proportion("uninteresting response rate p0"),
    responseP1: proportion("promising response rate p1"),
    responseAlpha: proportion("type I error alpha"),
    responseBeta: proportion("type II error beta"),
    designChoice: z.enum(SIMON_DESIGN_CHOICES, { error: "Choose optimal, minimax or the protocol's own design" }),
    customR1: optionalCount,
    customN1: optionalCount,
    customR: optionalCount,
    customN: optionalCount,
    toxicityTheta: proportion("unacceptable toxicity rate"),
    toxicityThreshold: proportion("posterior probability threshold"),
    toxicityPriorA: priorShape("a"),
    toxicityPriorB: priorShape("b"),
  })
  .superRefine(
    (s, ctx) => {
      const issue = (path: string, message: string) => ctx.addIssue({ code: "custom", path: [path], message });
      if (s.responseP1 <= s.responseP0)
        issue("responseP1", "The promising rate must be above the uninteresting rate p0");
      if (s.designChoice !== "CUSTOM") return;
      const { customR1: r1, customN1: n1, customR: r, customN: n } = s;
      if (r1 === null) issue("customR1", "Enter r1 for the protocol's design");
      if (n1 === null) issue("customN1", "Enter n1 for the protocol's design");
      if (r === null) issue("customR", "Enter r for the protocol's design");
      if (n === null) issue("customN", "Enter n for the protocol's design");
      if (r1 === null || n1 === null || r === null || n === null) return;
      if (n1 < 1) issue("customN1", "Stage 1 needs at least 1 patient");
      if (n <= n1) issue("customN", "The total must be larger than stage 1 (n1)");
      if (r1 >= n1) issue("customR1", "r1 must be smaller than n1");
      if (r < r1) issue("customR", "r cannot be smaller than r1");
      if (r >= n) issue("customR", "r must be smaller than n");
    },
    { when: (payload) => payload.issues.length === 0 },
  );

export const UpdateStoppingRulesSchema = z.object({
  settings: StoppingRulesSchema,
  expectedVersion: z.number().int(),
  reason: ReasonSchema,
});

export type StoppingRulesInput = z.output<typeof StoppingRulesSchema>;
