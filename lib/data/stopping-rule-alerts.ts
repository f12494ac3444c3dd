import "server-only";
import { toEvaluableResponses, listResponsesInEnrollmentOrder } from "@/lib/analysis/response-sequence";
import { countPatientsWithDlt } from "@/lib/analysis/toxicity/dose-limiting-toxicity";
import { checkToxicityBoundary } from "@/lib/domain/statistics/beta-binomial-monitoring";
import { assessSimonStage } from "@/lib/domain/trial-design/simon-stage-status";
import type { Prisma } from "@/lib/generated/prisma/client";
import { loadAnalysisCohort } from "./analysis-cohort";
import { enqueueAlertMail } from "./mail-outbox";
import { findCrossedBoundaries } from "./stopping-rules";
import { readStoppingRulesIn } from "./stopping-rules-settings";
import { loadAdverseEvents, loadEnrolledPatientIds } from "./toxicity-items";

type Data = Record<string, unknown> | null;
const gradeOf = (data: Data) => (typeof data?.grade === "number" ? data.grade : 0);

/**
 * Only these saves can move the trial across a boundary: a tumour assessment or an end of study
 * (best responses), and an adverse event of grade 3 or more before or after (a DLT,
 * lib/analysis/toxicity/dose-limiting-toxicity.ts). Every other save skips the check (and its queries).
 */
export function mayMoveStoppingBoundary(formType: string, before: Data, after: Data): boolean {
  if (formType === "tumour-assessment" || formType === "end-of-study") return true;
  return formType === "adverse-event" && Math.max(gradeOf(before), gradeOf(after)) >= 3;
}

/**
 * In the save's own transaction: where the whole trial stands against its stopping rules (Simon
 * futility at stage 1 or overall, the Bayesian DLT boundary; docs/protocol.md, "Stopping rules"),
 * as the PI dashboard computes it but over every site, and an email to the PI for each boundary
 * crossed. The outbox's unique dedupe key (boundary + the rule in force) makes it once per
 * crossing: later saves that still stand beyond the boundary insert nothing.
 */
export async function raiseStoppingRuleAlerts(
  tx: Prisma.TransactionClient,
  save: { formType: string; before: Data; after: unknown },
): Promise<void> {
  if (!mayMoveStoppingBoundary(save.formType, save.before, save.after as Data)) return;
  await raiseStoppingRuleAlertsNow(tx);
}

/** The check itself, whatever was saved: an import runs it once after all its patients. */
export async function raiseStoppingRuleAlertsNow(tx: Prisma.TransactionClient): Promise<void> {
  const rules = await readStoppingRulesIn(tx);
  if (!rules) return;
  const cohort = await loadAnalysisCohort({ kind: "all" }, tx);
  const events = await loadAdverseEvents({}, { grade: "3+" }, tx);
  const enrolled = await loadEnrolledPatientIds({}, {}, tx);
  const dlt = countPatientsWithDlt(events, enrolled);
  const crossed = findCrossedBoundaries({
    rules,
    response: assessSimonStage(rules.design, toEvaluableResponses(listResponsesInEnrollmentOrder(cohort))),
    toxicity: checkToxicityBoundary(rules.toxicity, dlt.withDlt, dlt.patients),
  });
  for (const boundary of crossed) {
    await enqueueAlertMail(tx, {
      kind: "STOPPING_BOUNDARY",
      dedupeKey: `stopping-boundary:${boundary.boundary}:${boundary.rule}`,
      roles: ["PRINCIPAL_INVESTIGATOR"],
      siteId: null,
      patientId: null,
      subject: `Stopping boundary crossed: ${boundary.boundary === "toxicity" ? "toxicity" : "futility"}`,
      body: `${boundary.sentence}\n\nThe trial now stands beyond a stopping boundary of the protocol. Review it on the stopping-rule monitor: /dashboards/stopping-rules`,
    });
  }
}
