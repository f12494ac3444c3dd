import type { Metadata } from "next";
import Link from "next/link";
import { FilterSelect } from "@/components/work/filter-select";
import { PatientFilters } from "@/components/work/patient-filters";
import { Pager } from "@/components/work/pager";
import styles from "@/components/work/work.module.css";
import { scopeOf } from "@/lib/auth/actor";
import { requireActor } from "@/lib/auth/require-actor";
import { countOpenQueries } from "@/lib/data/data-queries";
import { searchPatients } from "@/lib/data/patients";
import { listReadableSites } from "@/lib/data/query-inbox";
import { PATIENT_STATUS_LABELS } from "@/lib/patient-status";
import { PatientListFilterSchema } from "@/lib/schemas/work-filters";
import { formatDate } from "@/lib/format-date";
import { CrfBinderLinks } from "@/components/crf-binder-links";
import { TableHead } from "@/components/ui/table-head";
import { orNotFound } from "@/lib/http/or-not-found";

export const metadata: Metadata = { title: "Patients" };

const PAGE_SIZE = 50;
const SORTS = [
  ["subject", "Subject ID"],
  ["screening", "Screening date (newest first)"],
  ["status", "Status"],
] as const;

export default async function PatientsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | undefined>>;
}) {
  const actor = await requireActor("/patients");
  // A hand-edited filter that is not one of the choices is dropped rather than failing in the database.
  const filter = PatientListFilterSchema.parse(await searchParams);
  const [page, openQueries, sites] = await Promise.all([
    orNotFound(searchPatients(actor, filter, PAGE_SIZE)),
    countOpenQueries(actor),
    listReadableSites(actor),
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
        <p>
          <Link href="/patients/grid">Record status grid</Link> · <Link href="/queries">Query inbox</Link>
        </p>
        {Object.keys(openQueries.bySiteCode).length ? (
          <p className="muted" data-testid="open-queries-by-site">
            Open queries by site:{" "}
            {Object.entries(openQueries.bySiteCode)
              .sort()
              .map(([code, count]) => `${code}: ${count}`)
              .join(", ")}
          </p>
        ) : null}
        <PatientFilters filter={filter} sites={sites} label="Search and filter the patients">
          <FilterSelect name="sort" label="Sort by" value={filter.sort} choices={SORTS} />
        </PatientFilters>
        {page.data.length === 0 ? (
          <p className="muted">
            {filter.q || filter.site || filter.status ? "No patient matches these filters." : "No patients yet."}
          </p>
        ) : (
          <div className={styles.scroll}>
            <table>
              <TableHead columns={["Subject ID", "Site", "Status", "Screening date", "Open queries"]} />
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
          </div>
        )}
        <Pager
          basePath="/patients"
          params={{ q: filter.q, site: filter.site, status: filter.status, sort: filter.sort }}
          page={filter.page}
          pageSize={PAGE_SIZE}
          total={page.total}
          what="patients"
        />
      </section>
      <CrfBinderLinks />
    </>
  );
}
