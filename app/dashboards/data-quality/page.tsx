import type { Metadata } from "next";
import { DataQualityPatients, DataQualitySummary } from "@/components/dashboards/data-quality-tables";
import { requirePermission } from "@/lib/auth/require-permission";
import Link from "next/link";
import { getDataQuality } from "@/lib/data/data-quality";
import { listProtocolDeviations } from "@/lib/data/protocol-deviations";

export const metadata: Metadata = { title: "Data quality" };

export default async function DataQualityPage() {
  const actor = await requirePermission("quality.read", "/dashboards/data-quality");
  const [view, deviations] = await Promise.all([getDataQuality(actor), listProtocolDeviations(actor)]);
  return (
    <>
      <section className="card">
        <h1>Data quality</h1>
        <DataQualitySummary view={view} />
      </section>
      <section className="card" aria-labelledby="patients-heading">
        <h2 id="patients-heading">Patients concerned</h2>
        {view.sites.some(
          (s) => s.missingForms.count + s.overdueForms.count + s.openQueries.count + s.unsignedForms.count > 0,
        ) ? (
          <DataQualityPatients view={view} />
        ) : (
          <p className="muted">Nothing is missing, overdue, queried or unsigned.</p>
        )}
      </section>
      <section className="card" aria-labelledby="deviations-heading">
        <h2 id="deviations-heading">Protocol deviations: doses departing from the dose-modification table</h2>
        {deviations.length ? (
          <table data-testid="protocol-deviations">
            <thead>
              <tr>
                <th>Patient</th>
                <th>Visit</th>
                <th>Date</th>
                <th>Drug</th>
                <th>Given as</th>
                <th>Reason</th>
              </tr>
            </thead>
            <tbody>
              {deviations.map((d) => (
                <tr key={`${d.recordId}-${d.drug}`}>
                  <td>
                    <Link href={`/patients/${d.patientId}/forms/dosing?record=${d.recordId}`}>{d.subjectId}</Link>
                  </td>
                  <td>{d.visitKey}</td>
                  <td>{d.visitDate}</td>
                  <td>{d.drug === "uft" ? "UFT" : "Thalidomide"}</td>
                  <td>
                    {d.status}
                    {d.doseLevel === null ? "" : `, level ${d.doseLevel}`}
                  </td>
                  <td>{d.reason}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : (
          <p className="muted">No protocol deviations recorded.</p>
        )}
      </section>
    </>
  );
}
