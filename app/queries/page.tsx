import type { Metadata } from "next";
import Link from "next/link";
import { FilterSelect, siteChoices } from "@/components/work/filter-select";
import { Pager } from "@/components/work/pager";
import styles from "@/components/work/work.module.css";
import { requireActor } from "@/lib/auth/require-actor";
import { listQueryInbox, listReadableSites } from "@/lib/data/query-inbox";
import { formatDate } from "@/lib/format-date";
import { listFormDefinitions } from "@/lib/forms/registry";
import { QueryInboxFilterSchema } from "@/lib/schemas/work-filters";
import { visitLabel } from "@/lib/visit-label";
import { TableHead } from "@/components/ui/table-head";
import { orNotFound } from "@/lib/http/or-not-found";

export const metadata: Metadata = { title: "Query inbox" };

const STATUS_CHOICES = [
  ["open", "Open or answered (not closed)"],
  ["OPEN", "Open: waiting for the site"],
  ["ANSWERED", "Answered: waiting to be closed"],
  ["CLOSED", "Closed"],
  ["all", "All"],
] as const;

export default async function QueryInboxPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | undefined>>;
}) {
  const actor = await requireActor("/queries");
  const filter = QueryInboxFilterSchema.parse(await searchParams);
  const [inbox, sites] = await Promise.all([orNotFound(listQueryInbox(actor, filter)), listReadableSites(actor)]);
  return (
    <section className="card">
      <h1>Query inbox</h1>
      <form method="get" className={styles.filters} aria-label="Filter the queries">
        <FilterSelect name="status" label="Status" value={filter.status} choices={STATUS_CHOICES} />
        <FilterSelect
          name="site"
          label="Site"
          value={filter.site}
          choices={siteChoices(sites)}
          anyLabel="All my sites"
        />
        <FilterSelect
          name="form"
          label="Form"
          value={filter.form}
          choices={listFormDefinitions().map((f) => [f.type, f.title] as const)}
          anyLabel="Every form"
        />
        <div>
          <label htmlFor="filter-olderThan">Opened at least (days ago)</label>
          <input
            id="filter-olderThan"
            type="number"
            name="olderThan"
            min={0}
            max={3650}
            defaultValue={filter.olderThan ?? ""}
          />
        </div>
        <button type="submit" className="button">
          Filter
        </button>
      </form>
      <p data-testid="inbox-total">
        <strong>{inbox.total}</strong> {inbox.total === 1 ? "query" : "queries"} match, oldest first.
      </p>
      {inbox.rows.length ? (
        <div className={styles.scroll}>
          <table>
            <TableHead
              columns={["Patient", "Site", "Form and field", "Visit", "Status", "Opened", "Age (days)", "Last message"]}
            />
            <tbody>
              {inbox.rows.map((q) => (
                <tr key={q.id}>
                  <td>{q.subjectId}</td>
                  <td>{q.siteCode}</td>
                  <td>
                    <Link href={q.href}>
                      {q.formTitle}: {q.fieldLabel}
                    </Link>
                  </td>
                  <td>{visitLabel(q.visitKey)}</td>
                  <td>{q.status.toLowerCase()}</td>
                  <td>{formatDate(q.openedAt)}</td>
                  <td>{q.ageDays}</td>
                  <td>{q.lastMessage}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p className="muted">No query matches these filters.</p>
      )}
      <Pager
        basePath="/queries"
        params={{ status: filter.status, site: filter.site, form: filter.form, olderThan: filter.olderThan }}
        page={inbox.page}
        pageSize={inbox.pageSize}
        total={inbox.total}
        what="queries"
      />
    </section>
  );
}
