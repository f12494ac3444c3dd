import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { toEvaluableResponses } from "@/lib/analysis/response-sequence";
import {
  checkToxicityBoundary,
  findToxicityBoundary,
  boundaryTableLength,
  tabulateToxicityBoundary,
  type ToxicityBoundaryRow,
  type ToxicityCheck,
} from "@/lib/domain/statistics/beta-binomial-monitoring";
import {
  assessSimonStage,
  isFutilityBoundaryCrossed,
  type SimonStageStatus,
} from "@/lib/domain/trial-design/simon-stage-status";
import { ForbiddenError } from "@/lib/errors";
import { getResponsesInEnrollmentOrder, requireDashboard } from "./analysis";
import { cachedByDataVersion } from "./cached-by-version";
import { getStoppingRules, type StoppingRulesView } from "./stopping-rules-settings";
import { countPatientsWithDltInDatabase } from "./toxicity-aggregates";
import { siteFilterForAny } from "./toxicity-items";

export interface StoppingRuleStatus {
  rules: StoppingRulesView;
  /** Enrolled patients (the efficacy dashboard's intention-to-treat denominator). */
  enrolled: number;
  response: SimonStageStatus;
  toxicity: ToxicityCheck & {
    /** The smallest number of patients with a DLT that stops the trial at the current size; null: none. */
    stopAt: number | null;
    /** The same one patient later, so the PI sees the next boundary. */
    stopAtNext: number | null;
    /** The boundary for 1 patient up to the design's n or the enrolled count, whichever is larger. */
    boundaryTable: ToxicityBoundaryRow[];
  };
  /** What the PI must be alerted to: empty while the trial may continue. */
  alerts: string[];
}

const responders = (count: number) => `${count} ${count === 1 ? "responder" : "responders"}`;

export interface CrossedBoundary {
  boundary: "futility-stage-1" | "futility-final" | "toxicity";
  /** The rule crossed (the design's boundaries or the toxicity rule): alerting once per crossing of this rule. */
  rule: string;
  sentence: string;
}

/** The boundaries a status crosses, with the rule each belongs to; empty when none is crossed (the PI's alert emails read this). */
export function findCrossedBoundaries(status: {
  rules: Pick<StoppingRulesView, "design" | "toxicity">;
  response: SimonStageStatus;
  toxicity: ToxicityCheck;
}): CrossedBoundary[] {
  const crossed: CrossedBoundary[] = [];
  const { design } = status.rules;
  const simon = `simon ${design.r1}/${design.n1} ${design.r}/${design.n}`;
  if (status.response.status === "stop-futility-stage-1") {
    crossed.push({
      boundary: "futility-stage-1",
      rule: simon,
      sentence: `Futility: ${responders(status.response.stage1.responders)} in the first ${status.response.stage1.evaluated} evaluable patients, at most r1 = ${design.r1} of n1 = ${design.n1}: stop after stage 1.`,
    });
  } else if (isFutilityBoundaryCrossed(status.response.status)) {
    crossed.push({
      boundary: "futility-final",
      rule: simon,
      sentence: `Futility: ${responders(status.response.overall.responders)} in ${status.response.overall.evaluated} evaluable patients cannot exceed r = ${design.r} of n = ${design.n}: the treatment is rejected.`,
    });
  }
  if (status.toxicity.crossed) {
    const rule = status.rules.toxicity;
    crossed.push({
      boundary: "toxicity",
      rule: `beta-binomial theta=${rule.theta} c=${rule.threshold} prior=${rule.priorA},${rule.priorB}`,
      sentence: `Toxicity: ${status.toxicity.toxicities} of ${status.toxicity.patients} patients with a DLT; P(DLT rate > ${rule.theta}) = ${status.toxicity.probability.toFixed(3)} > ${rule.threshold}: stop enrolment.`,
    });
  }
  return crossed;
}

/** The boundaries a status crosses, as sentences for the PI; empty when none is crossed. */
export function listCrossedBoundaries(status: Pick<StoppingRuleStatus, "rules" | "response" | "toxicity">): string[] {
  return findCrossedBoundaries(status).map((c) => c.sentence);
}

/**
 * Where the trial stands against its stopping rules, for the caller's dashboard sites: the Simon
 * design from the efficacy dashboard's best responses, and patients with a DLT against the
 * Bayesian boundary. Counts are kept per data version; the rules are read on every request.
 */
export async function getStoppingRuleStatus(actor: Actor): Promise<StoppingRuleStatus> {
  requireDashboard(actor);
  const scope = siteFilterForAny(actor, ["dashboard.read"]);
  if (!scope) throw new ForbiddenError();
  const [rules, responses, dlt] = await Promise.all([
    getStoppingRules(actor),
    getResponsesInEnrollmentOrder(actor),
    cachedByDataVersion(`dlt|${JSON.stringify(scope)}`, () => countPatientsWithDltInDatabase(scope)),
  ]);
  const response = assessSimonStage(rules.design, toEvaluableResponses(responses));
  const toxicity = {
    ...checkToxicityBoundary(rules.toxicity, dlt.withDlt, dlt.patients),
    stopAt: dlt.patients > 0 ? findToxicityBoundary(rules.toxicity, dlt.patients) : null,
    stopAtNext: findToxicityBoundary(rules.toxicity, dlt.patients + 1),
    boundaryTable: tabulateToxicityBoundary(rules.toxicity, boundaryTableLength(rules.design.n, dlt.patients)),
  };
  return {
    rules,
    enrolled: responses.length,
    response,
    toxicity,
    alerts: listCrossedBoundaries({ rules, response, toxicity }),
  };
}
