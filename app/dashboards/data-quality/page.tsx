import type { Metadata } from "next";
import { DataQualityPatients, DataQualitySummary } from "@/components/dashboards/data-quality-tables";
import { requirePermission } from "@/lib/auth/require-permission";
import { getDataQuality } from "@/lib/data/data-quality";

export const metadata: Metadata = { title: "Data quality" };

export default async function DataQualityPage() {
  const actor = await requirePermission("quality.read", "/dashboards/data-quality");
  const view = await getDataQuality(actor);
  return (
    <>
      <section className="card">
        <h1>Data quality</h1>
        <DataQualitySummary view={view} />
      </section>
      <section className="card" aria-labelledby="patients-heading">
        <h2 id="patients-heading">Patients concerned</h2>
        {view.sites.some((s) => s.missingForms.count + s.overdueForms.count + s.openQueries.count + s.unsignedForms.count > 0) ? (
          <DataQualityPatients view={view} />
        ) : (
          <p className="muted">Nothing is missing, overdue, queried or unsigned.</p>
        )}
      </section>
    </>
  );
}
