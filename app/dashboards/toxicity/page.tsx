import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ReviewQueue } from "@/components/dashboards/toxicity/review-queue";
import { ToxicityFilterForm } from "@/components/dashboards/toxicity/toxicity-filter-form";
import {
  AdverseEventsTable,
  LabToxicitiesTable,
  SeriousEventsTable,
} from "@/components/dashboards/toxicity/toxicity-tables";
import { WorstGradeTableView } from "@/components/dashboards/toxicity/worst-grade-table";
import { hasPermission } from "@/lib/auth/actor";
import { requireActor } from "@/lib/auth/require-actor";
import { hasAdverseEventOnlyFilters } from "@/lib/domain/toxicity/toxicity-filters";
import { getToxicityDashboard } from "@/lib/data/toxicity";
import { getToxicityReviewSummary } from "@/lib/data/toxicity-review";
import { toFieldErrors } from "@/lib/schemas/field-errors";
import { ToxicityQuerySchema } from "@/lib/schemas/toxicity";

export const metadata: Metadata = { title: "Toxicity review" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function ToxicityPage({ searchParams }: { searchParams: SearchParams }) {
  const actor = await requireActor("/dashboards/toxicity");
  if (!hasPermission(actor, "dashboard.read") && !hasPermission(actor, "toxicity.review")) notFound();
  const raw = Object.fromEntries(
    Object.entries(await searchParams).map(([k, v]) => [k, Array.isArray(v) ? (v[0] ?? "") : (v ?? "")]),
  );
  const parsed = ToxicityQuerySchema.safeParse(raw);
  // Invalid filters are shown on their fields; nothing is listed until they are corrected.
  const filters = parsed.success ? parsed.data : null;
  const canReview = hasPermission(actor, "toxicity.review");
  const [dashboard, queue] = await Promise.all([
    getToxicityDashboard(actor, filters ?? {}),
    canReview && filters ? getToxicityReviewSummary(actor, filters) : null,
  ]);

  return (
    <>
      <section className="card">
        <h1>Toxicity review</h1>
        <ToxicityFilterForm
          values={raw}
          errors={parsed.success ? {} : toFieldErrors(parsed.error.issues)}
          sites={dashboard.sites}
        />
        {!filters ? <p className="form-error">Correct the filters above to see the adverse events.</p> : null}
        {filters && hasAdverseEventOnlyFilters(filters) ? (
          <p className="muted">
            Seriousness and attribution belong to adverse events: lab results are filtered by site, term, grade and date
            only.
          </p>
        ) : null}
      </section>
      {filters ? (
        <>
          {queue ? (
            <section className="card" aria-labelledby="queue-heading">
              <h2 id="queue-heading">Review queue</h2>
              <p className="muted">
                Every adverse event of grade 3 or more, every SAE and every lab result of grade 3 or more. An event
                upgraded or made serious after its review comes back here.
              </p>
              <ReviewQueue queue={queue} />
            </section>
          ) : null}
          <section className="card" aria-labelledby="worst-heading">
            <h2 id="worst-heading">Worst grade per patient per term</h2>
            <WorstGradeTableView table={dashboard.worstGrade} />
          </section>
          <section className="card" aria-labelledby="sae-heading">
            <h2 id="sae-heading">Serious adverse events ({dashboard.counts.seriousAdverseEvents})</h2>
            <SeriousEventsTable events={dashboard.seriousEvents} total={dashboard.counts.seriousAdverseEvents} />
          </section>
          <section className="card" aria-labelledby="ae-heading">
            <h2 id="ae-heading">Adverse events ({dashboard.counts.adverseEvents})</h2>
            <AdverseEventsTable events={dashboard.events} total={dashboard.counts.adverseEvents} />
          </section>
          <section className="card" aria-labelledby="lab-heading">
            <h2 id="lab-heading">Lab toxicities of grade 3 or more ({dashboard.counts.labResultsGrade3Plus})</h2>
            <LabToxicitiesTable labs={dashboard.labs} total={dashboard.counts.labResultsGrade3Plus} />
          </section>
        </>
      ) : null}
    </>
  );
}
