import Link from "next/link";
import type { CountedPatients, QualityMeasure } from "@/lib/analysis/data-quality";
import type { DataQualityView } from "@/lib/data/data-quality";
import styles from "./dashboards.module.css";
import { formatCount } from "@/lib/format-count";
import { ShownOf } from "./shown-of";

/** Each measure, with the noun its count is of (singular, plural): "1 query", "2 queries". */
export const MEASURES: { key: QualityMeasure; label: string; unit: readonly [string, string] }[] = [
  { key: "missingForms", label: "Missing forms (visit window still open)", unit: ["form", "forms"] },
  { key: "overdueForms", label: "Overdue forms (past the 7-day window)", unit: ["form", "forms"] },
  { key: "openQueries", label: "Open queries", unit: ["query", "queries"] },
  { key: "unsignedForms", label: "Complete forms not signed", unit: ["form", "forms"] },
  {
    key: "missingBaselineLabs",
    label: "On-treatment labs without a pre-treatment baseline",
    unit: ["lab panel", "lab panels"],
  },
  { key: "verifiedForms", label: "Forms source-verified (whole form)", unit: ["form", "forms"] },
  { key: "verifiedFields", label: "Fields source-verified one by one (targeted SDV)", unit: ["field", "fields"] },
];

const anchor = (siteCode: string, key: QualityMeasure) => `${siteCode}-${key}`;

/** Counts per site; each count links to the list of the patients it counts. */
export function DataQualitySummary({ view }: { view: DataQualityView }) {
  return (
    <table>
      <caption className={styles.caption}>
        <span className="computed-badge">computed</span> As of {view.today} (UTC), from the visit schedule and the
        recorded forms.
      </caption>
      <thead>
        <tr>
          <th scope="col">Site</th>
          {MEASURES.map((m) => (
            <th key={m.key} scope="col" className={styles.numeric}>
              {m.label}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {view.sites.map((site) => (
          <tr key={site.siteCode}>
            <th scope="row">
              {site.siteCode} {site.siteName}
            </th>
            {MEASURES.map((m) => (
              <td key={m.key} className={styles.numeric}>
                {site[m.key].count > 0 ? (
                  <a
                    href={`#${anchor(site.siteCode, m.key)}`}
                    aria-label={`${site.siteCode}: ${site[m.key].count} ${m.label.toLowerCase()}, see the patients`}
                  >
                    {site[m.key].count}
                  </a>
                ) : (
                  0
                )}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Patients listed per site and measure at most; the count above each list is always complete. */
const PATIENTS_PER_LIST = 25;

function PatientList({ counted, unit }: { counted: CountedPatients; unit: readonly [string, string] }) {
  const shown = counted.patients.slice(0, PATIENTS_PER_LIST);
  return (
    <>
      <ul>
        {shown.map((p) => (
          <li key={p.id}>
            <Link href={`/patients/${p.id}`}>{p.subjectId}</Link>: {formatCount(p.count, ...unit)}
          </li>
        ))}
      </ul>
      <ShownOf
        shown={shown.length}
        total={counted.patients.length}
        what="patients"
        hint="Each patient's page lists what is missing; the site's patient list reaches the others."
      />
    </>
  );
}

/** The patients behind every non-zero count, grouped by site and measure. */
export function DataQualityPatients({ view }: { view: DataQualityView }) {
  return view.sites.map((site) =>
    MEASURES.filter((m) => site[m.key].count > 0).map((m) => (
      <section
        key={`${site.siteCode}-${m.key}`}
        id={anchor(site.siteCode, m.key)}
        aria-labelledby={`${anchor(site.siteCode, m.key)}-h`}
      >
        <h3 id={`${anchor(site.siteCode, m.key)}-h`}>
          {site.siteCode}: {m.label.toLowerCase()}
        </h3>
        <PatientList counted={site[m.key]} unit={m.unit} />
      </section>
    )),
  );
}
