import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { getPrisma } from "@/lib/db/prisma";
import { enqueueAlertMail } from "./mail-outbox";
import { findCrossedBoundaries, getStoppingRuleStatus } from "./stopping-rules";

/**
 * Where the whole trial stands against its stopping rules (Simon futility at stage 1 or overall,
 * the Bayesian DLT boundary; docs/protocol.md, "Stopping rules"), read as the PI's monitor reads
 * it by `reader` (the scheduled alerts' trial-wide reader), and an email to the PI for each
 * boundary crossed. The scheduled alerts run it (lib/data/scheduled-alerts.ts, every 5 minutes),
 * not the save: it reads the whole cohort, which no save should do under its patient lock, and a
 * rule changed so that the trial already stands beyond it is caught too. The outbox's unique
 * dedupe key (boundary + the rule in force) makes it once per crossing however often it runs, on
 * however many instances. Returns how many emails were queued.
 */
export async function alertCrossedStoppingBoundaries(reader: Actor): Promise<number> {
  // Kept per data version (getStoppingRuleStatus): a round when nothing was saved reads little.
  const crossed = findCrossedBoundaries(await getStoppingRuleStatus(reader));
  let written = 0;
  for (const boundary of crossed) {
    written += await getPrisma().$transaction((tx) =>
      enqueueAlertMail(tx, {
        kind: "STOPPING_BOUNDARY",
        dedupeKey: `stopping-boundary:${boundary.boundary}:${boundary.rule}`,
        roles: ["PRINCIPAL_INVESTIGATOR"],
        siteId: null,
        patientId: null,
        subject: `Stopping boundary crossed: ${boundary.boundary === "toxicity" ? "toxicity" : "futility"}`,
        body: `${boundary.sentence}\n\nThe trial now stands beyond a stopping boundary of the protocol. Review it on the stopping-rule monitor: /dashboards/stopping-rules`,
      }),
    );
  }
  return written;
}
