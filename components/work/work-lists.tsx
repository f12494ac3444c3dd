import Link from "next/link";
import { reviewItemAnchor } from "@/components/dashboards/toxicity/review-queue";
import { WORK_LIST_TITLES, type WorkList } from "@/lib/analysis/work-list";
import type { MyWork } from "@/lib/data/work-lists";
import { getFormDefinition } from "@/lib/forms/registry";
import { visitLabel } from "@/lib/visit-label";
import styles from "./work.module.css";

const formTitle = (formType: string) => getFormDefinition(formType)?.title ?? formType;

/** One list of tasks: its exact count (per site when it spans several), then the oldest items as links. */
function WorkListSection({ list }: { list: WorkList }) {
  const title = WORK_LIST_TITLES[list.kind];
  const sites = Object.entries(list.bySite).sort();
  return (
    <section aria-labelledby={`work-${list.kind}`} data-testid={`work-${list.kind}`}>
      <h3 id={`work-${list.kind}`}>
        {title}:{" "}
        <span className={styles.count} data-testid={`work-${list.kind}-count`}>
          {list.count}
        </span>
      </h3>
      {sites.length > 1 ? (
        <p className="muted">By site: {sites.map(([code, n]) => `${code} ${n}`).join(", ")}</p>
      ) : null}
      <div className={styles.scroll}>
        <table>
          <thead>
            <tr>
              <th scope="col">Patient</th>
              <th scope="col">Form</th>
              <th scope="col">Visit</th>
              <th scope="col">
                {list.kind.includes("query") ? "Opened" : list.kind === "lab-without-ae" ? "Sample date" : "Due"}
              </th>
            </tr>
          </thead>
          <tbody>
            {list.items.map((item, index) => (
              // Two queries on one field share a link: the position keeps the keys apart.
              <tr key={`${index}-${item.href}`}>
                <td>{item.subjectId}</td>
                <td>
                  <Link href={item.href}>
                    {item.note ?? formTitle(item.formType)}
                    {item.fieldPath
                      ? ` (${getFormDefinition(item.formType)?.labels[item.fieldPath] ?? item.fieldPath})`
                      : ""}
                  </Link>
                </td>
                <td>{visitLabel(item.visitKey)}</td>
                <td>{item.date ?? ""}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {list.count > list.items.length ? (
        <p className={styles.more}>
          {list.items.length} of {list.count} shown, oldest first.{" "}
          {list.kind.includes("query") ? (
            <Link href="/queries">All queries</Link>
          ) : (
            <Link href="/patients/grid">Record status grid</Link>
          )}
        </p>
      ) : null}
    </section>
  );
}

/** The home page's "my work", per role: only what the caller's permissions make theirs. */
export function MyWorkLists({ work }: { work: MyWork }) {
  const nothing =
    work.lists.length === 0 && !work.toxicity && !work.enrollment && !work.accounts && !work.overdueBySite;
  return (
    <section className="card" aria-labelledby="my-work-heading">
      <h2 id="my-work-heading">Your work</h2>
      <p className="muted">As of {work.today} (UTC). Counts are exact and match the data-quality page.</p>
      {work.canReadPatients ? (
        <p>
          <Link href="/queries">Query inbox</Link> · <Link href="/patients/grid">Record status grid</Link> ·{" "}
          <Link href="/patients">Patient list</Link>
        </p>
      ) : null}
      {nothing ? <p className="muted">Nothing waits for you.</p> : null}
      {work.enrollment ? (
        <p data-testid="work-enrollment">
          Enrollment: <strong>{work.enrollment.enrolled}</strong> of a target of {work.enrollment.target}.{" "}
          <Link href="/dashboards/enrollment">Enrollment</Link> · <Link href="/dashboards/efficacy">Efficacy</Link>
        </p>
      ) : null}
      {work.overdueBySite ? (
        <p data-testid="work-overdue-by-site">
          Overdue forms per site:{" "}
          {work.overdueBySite.map((s, i) => (
            <span key={s.siteCode}>
              {i ? ", " : ""}
              {s.siteCode} <strong>{s.count}</strong>
            </span>
          ))}
          . <Link href="/dashboards/data-quality">Data quality</Link> ·{" "}
          <Link href="/patients/grid?state=overdue">Record status grid</Link>
        </p>
      ) : null}
      {work.toxicity ? (
        <p data-testid="work-toxicity">
          Toxicity review: <strong>{work.toxicity.needsReview}</strong> waiting for review,{" "}
          <strong data-testid="work-escalated-count">{work.toxicity.escalated}</strong> escalated.{" "}
          <Link href="/dashboards/toxicity">Toxicity review</Link>
        </p>
      ) : null}
      {work.toxicity?.escalatedItems.length ? (
        <section aria-labelledby="work-escalated" data-testid="work-escalated">
          <h3 id="work-escalated">Escalated to the PI</h3>
          <ul>
            {work.toxicity.escalatedItems.map((item) => (
              <li key={reviewItemAnchor(item)}>
                {item.subjectId}: <Link href={`/dashboards/toxicity#${reviewItemAnchor(item)}`}>{item.label}</Link>
              </li>
            ))}
          </ul>
          {work.toxicity.escalated > work.toxicity.escalatedItems.length ? (
            <p className={styles.more}>
              {work.toxicity.escalatedItems.length} of {work.toxicity.escalated} shown.
            </p>
          ) : null}
        </section>
      ) : null}
      {work.accounts ? (
        <div data-testid="work-accounts">
          <h3>Accounts</h3>
          <ul>
            {(
              [
                ["Sign-in locked", "locked", work.accounts.lockedSignIn],
                ["Active without a role", "without-role", work.accounts.withoutRoles],
                ["Deactivated", "deactivated", work.accounts.deactivated],
              ] as const
            ).map(([label, key, users]) => (
              <li key={key}>
                {label}: <strong data-testid={`work-accounts-${key}-count`}>{users.length}</strong>
                {users.length ? (
                  <>
                    {" "}
                    (
                    {users.slice(0, 10).map((u, i) => (
                      <span key={u.id}>
                        {i ? ", " : ""}
                        <Link href={`/admin/users/${u.id}`}>{u.email}</Link>
                      </span>
                    ))}
                    {users.length > 10 ? ", ..." : ""})
                  </>
                ) : null}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <div className={styles.lists}>
        {work.lists.map((list) => (
          <WorkListSection key={list.kind} list={list} />
        ))}
      </div>
    </section>
  );
}
