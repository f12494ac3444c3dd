import type { Metadata } from "next";
import { BiomarkerCharts } from "@/components/dashboards/biomarker-charts";
import { BiomarkerQueryForm } from "@/components/dashboards/biomarker-query-form";
import { BiomarkerStats } from "@/components/dashboards/biomarker-stats";
import { cutTextOf } from "@/components/dashboards/biomarker-view";
import { DashboardNav } from "@/components/dashboards/dashboard-nav";
import { requirePermission } from "@/lib/auth/require-permission";
import { getBiomarkerAnalysis } from "@/lib/data/analysis";
import { BiomarkerQuerySchema } from "@/lib/schemas/analysis";
import { toFieldErrors } from "@/lib/schemas/field-errors";

export const metadata: Metadata = { title: "Biomarkers" };

export default async function BiomarkerDashboard({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const actor = await requirePermission("dashboard.read", "/dashboards/biomarkers");
  const params = await searchParams;
  const parsed = BiomarkerQuerySchema.safeParse(params);
  const errors = parsed.success ? {} : toFieldErrors(parsed.error.issues);
  const request = parsed.success ? parsed.data : BiomarkerQuerySchema.parse({});
  const view = await getBiomarkerAnalysis(actor, request);
  const cutValue = typeof params.cut === "string" ? params.cut : "median";
  return (
    <>
      <DashboardNav current="/dashboards/biomarkers" />
      <section className="card">
        <h1>Baseline cytokines and survival</h1>
        <BiomarkerQueryForm view={view} cutValue={cutValue} errors={errors} />
        {Object.keys(errors).length ? (
          <p className="form-error">Showing the default analysis: {Object.values(errors).flat().join(" ")}</p>
        ) : null}
        <p className="muted">
          <span className="computed-badge">computed</span> {view.n} patients with a baseline {view.cytokine} result (
          {view.nBelowLloq} below the assay LLOQ, counted at LLOQ/2: lower than every measured value, so in the low
          group; {view.nMissing} without a result, left out). High = above the cut ({cutTextOf(view)}).
        </p>
        {view.warnings.length ? <p className="form-error">{view.warnings.join(" ")}</p> : null}
        <BiomarkerStats view={view} />
      </section>
      {view.n > 0 ? <BiomarkerCharts view={view} /> : null}
    </>
  );
}
