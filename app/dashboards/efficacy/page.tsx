import type { Metadata } from "next";
import { CiMethodForm } from "@/components/dashboards/ci-method-form";
import { DashboardNav } from "@/components/dashboards/dashboard-nav";
import { ShrinkageSection, SurvivalSection, SwimmerSection } from "@/components/dashboards/efficacy-charts";
import { BestResponseTable, EfficacyStats } from "@/components/dashboards/efficacy-summary";
import { requirePermission } from "@/lib/auth/require-permission";
import { getEfficacyAnalysis } from "@/lib/data/analysis";
import { DEFAULT_CI_METHOD, EfficacyQuerySchema } from "@/lib/schemas/analysis";

export const metadata: Metadata = { title: "Efficacy" };

export default async function EfficacyDashboard({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const actor = await requirePermission("dashboard.read", "/dashboards/efficacy");
  const params = await searchParams;
  const query = EfficacyQuerySchema.safeParse(params);
  const ciMethod = query.success ? query.data.ciMethod : DEFAULT_CI_METHOD;
  const { summary, pfsCurve, osCurve, waterfall, swimmer } = await getEfficacyAnalysis(actor, { ciMethod });
  return (
    <>
      <DashboardNav current="/dashboards/efficacy" />
      <section className="card">
        <h1>Efficacy</h1>
        <p className="muted">
          <span className="computed-badge">computed</span> from the saved forms of every enrolled patient (intention to
          treat): best overall response by RECIST 1.0 with confirmation, Clopper-Pearson intervals, Kaplan-Meier PFS and
          OS in months of 30.4375 days.
        </p>
        {query.success ? null : <p className="form-error">Unknown CI method: showing {DEFAULT_CI_METHOD}.</p>}
        <CiMethodForm value={ciMethod} />
        {summary.n === 0 ? <p>No enrolled patients yet.</p> : <EfficacyStats summary={summary} />}
      </section>
      {summary.n > 0 ? (
        <>
          <BestResponseTable summary={summary} />
          <SurvivalSection pfsCurve={pfsCurve} osCurve={osCurve} ciMethod={ciMethod} />
          <ShrinkageSection waterfall={waterfall} />
          <SwimmerSection swimmer={swimmer} requestedPage={params.swimmerPage} ciMethod={ciMethod} />
        </>
      ) : null}
    </>
  );
}
