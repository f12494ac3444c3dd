import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { scopeOf } from "@/lib/auth/actor";
import { requireActor } from "@/lib/auth/require-actor";
import { countOpenQueries } from "@/lib/data/data-queries";
import { listPatients } from "@/lib/data/patients";
import { ForbiddenError } from "@/lib/errors";
import { PATIENT_STATUS_LABELS } from "@/lib/patient-status";
import { PageQuerySchema } from "@/lib/schemas/page-query";
import { formatDate } from "@/lib/format-date";
import { CrfBinderLinks } from "@/components/crf-binder-links";

export const metadata: Metadata = { title: "Patients" };

export default async function PatientsPage({ searchParams }: { searchParams: Promise<{ cursor?: string }> }) {
  const actor = await requireActor("/patients");
  // A malformed cursor (hand-edited URL) shows the first page rather than failing in the database.
  const parsedCursor = PageQuerySchema.shape.cursor.safeParse((await searchParams).cursor);
  const cursor = parsedCursor.success ? parsedCursor.data : undefined;
  const [page, openQueries] = await Promise.all([
    listPatients(actor, { pageSize: 50, cursor }).catch((error: unknown) => {
      if (error instanceof ForbiddenError) notFound();
      throw error;
    }),
    countOpenQueries(actor),
  ]);
  const canRegister = scopeOf(actor, "patient.write").kind !== "none";
  return (
    <>
    <section className="card">
      <div className="toolbar">
        <h1>Patients</h1>
        {canRegister ? (
          <Link className="button" href="/patients/new">
            Register a patient
          </Link>
        ) : null}
      </div>
      {Object.keys(openQueries.bySiteCode).length ? (
        <p className="muted" data-testid="open-queries-by-site">
          Open queries by site:{" "}
          {Object.entries(openQueries.bySiteCode)
            .sort()
            .map(([code, count]) => `${code}: ${count}`)
            .join(", ")}
        </p>
      ) : null}
      {page.data.length === 0 ? (
        <p className="muted">No patients yet.</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">Subject ID</th>
              <th scope="col">Site</th>
              <th scope="col">Status</th>
              <th scope="col">Screening date</th>
              <th scope="col">Open queries</th>
            </tr>
          </thead>
          <tbody>
            {page.data.map((p) => (
              <tr key={p.id}>
                <td>
                  <Link href={`/patients/${p.id}`}>{p.subjectId}</Link>
                </td>
                <td>{p.site.name}</td>
                <td>{PATIENT_STATUS_LABELS[p.status]}</td>
                <td>{formatDate(p.screeningDate)}</td>
                <td>{openQueries.byPatient[p.id] ?? 0}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {page.nextCursor ? (
        <p>
          <Link href={`/patients?cursor=${encodeURIComponent(page.nextCursor)}`}>Next page</Link>
        </p>
      ) : null}
    </section>
    <CrfBinderLinks />
    </>
  );
}
