import type { Metadata } from "next";
import Link from "next/link";
import { PatientFilters } from "@/components/work/patient-filters";
import { Pager } from "@/components/work/pager";
import styles from "@/components/work/work.module.css";
import { CELL_STATES } from "@/lib/analysis/record-status-grid";
import { formHref } from "@/lib/analysis/work-list";
import { requireActor } from "@/lib/auth/require-actor";
import { listReadableSites } from "@/lib/data/query-inbox";
import { getRecordStatusGrid, GRID_STATE_FILTERS, type GridStateFilter } from "@/lib/data/record-status-grid";
import { getFormDefinition } from "@/lib/forms/registry";
import { PatientListFilterSchema } from "@/lib/schemas/work-filters";
import { orNotFound } from "@/lib/http/or-not-found";
import { Options } from "@/components/ui/options";

export const metadata: Metadata = { title: "Record status grid" };

const stateOf = new Map(CELL_STATES.map((s) => [s.state, s]));
const STATE_FILTER_LABELS: Record<GridStateFilter, string> = {
  overdue: "Has an overdue form",
  "open-query": "Has an open query",
  "in-progress": "Has a form in progress",
  complete: "Has a complete form not signed",
  locked: "Locked for analysis",
};
const shortTitle = (formType: string) => getFormDefinition(formType)?.title ?? formType;

export default async function RecordStatusGridPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | undefined>>;
}) {
  const actor = await requireActor("/patients/grid");
  const params = await searchParams;
  const filter = PatientListFilterSchema.parse(params);
  const state = (GRID_STATE_FILTERS as readonly string[]).includes(params.state ?? "")
    ? (params.state as GridStateFilter)
    : undefined;
  const [grid, sites] = await Promise.all([
    orNotFound(getRecordStatusGrid(actor, { ...filter, state })),
    listReadableSites(actor),
  ]);
  return (
    <section className="card">
      <h1>Record status grid</h1>
      <p className="muted">
        One row per patient, one column per form and visit, as of {grid.today} (UTC).{" "}
        <Link href="/patients">Patient list</Link> · <Link href="/queries">Query inbox</Link>
      </p>
      <PatientFilters filter={filter} sites={sites} label="Filter the grid">
        <div>
          <label htmlFor="filter-state">Forms</label>
          <select id="filter-state" name="state" defaultValue={state ?? ""}>
            <option value="">Any</option>
            <Options values={GRID_STATE_FILTERS} label={(s) => STATE_FILTER_LABELS[s]} />
          </select>
        </div>
      </PatientFilters>
      <h2 id="legend-heading">Legend</h2>
      <ul className={styles.legend} aria-labelledby="legend-heading" data-testid="grid-legend">
        {CELL_STATES.map((s) => (
          <li key={s.state}>
            <span className={styles.cell} data-state={s.state} aria-hidden="true">
              {s.symbol}
            </span>
            {s.label}
          </li>
        ))}
      </ul>
      {grid.rows.length === 0 ? (
        <p className="muted">No patient matches these filters.</p>
      ) : (
        <div className={styles.scroll}>
          <table className={styles.grid} data-testid="record-status-grid">
            <caption className="visually-hidden">Form status per patient and visit</caption>
            <thead>
              <tr>
                <th scope="col">Patient</th>
                {grid.columns.map((c) => (
                  <th key={c.key} scope="col">
                    {c.visitLabel ? (
                      <>
                        {c.visitLabel}
                        <br />
                      </>
                    ) : null}
                    {shortTitle(c.formType)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {grid.rows.map((row) => (
                <tr key={row.patientId}>
                  <th scope="row">
                    <Link href={`/patients/${row.patientId}`}>{row.subjectId}</Link>
                  </th>
                  {grid.columns.map((c) => {
                    const cell = row.cells[c.key];
                    // A visit the patient has not reached: an empty cell (the headers say which).
                    if (!cell) return <td key={c.key} />;
                    const meta = stateOf.get(cell.state)!;
                    // One element per cell, styled by its state (work.module.css): the row and column
                    // headers name the patient, form and visit, so the link's name is the state alone.
                    // A plain link, not next/link: 1,500 client components to hydrate and prefetch for nothing.
                    return (
                      <td key={c.key} data-state={cell.state}>
                        <a
                          href={formHref({
                            patientId: row.patientId,
                            formType: c.formType,
                            visitKey: cell.visitKey,
                            recordId: cell.recordId,
                          })}
                          aria-label={meta.label}
                        >
                          {meta.symbol}
                        </a>
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pager
        basePath="/patients/grid"
        params={{ q: filter.q, site: filter.site, status: filter.status, state }}
        page={grid.page}
        pageSize={grid.pageSize}
        total={grid.total}
        what="patients"
      />
    </section>
  );
}
