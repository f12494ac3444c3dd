import { PATIENT_STATUS_LABELS } from "@/lib/patient-status";
import type { PatientListFilter } from "@/lib/schemas/work-filters";
import styles from "./work.module.css";

/** Search by subject ID and filter by site and status (a GET form: the filters live in the URL). */
export function PatientFilters({
  filter,
  sites,
  label,
  children,
}: {
  filter: PatientListFilter;
  sites: { id: string; code: string; name: string }[];
  label: string;
  children?: React.ReactNode;
}) {
  return (
    <form method="get" className={styles.filters} aria-label={label}>
      <div>
        <label htmlFor="filter-q">Subject ID</label>
        <input id="filter-q" type="search" name="q" defaultValue={filter.q ?? ""} placeholder="e.g. TW01-007" />
      </div>
      <div>
        <label htmlFor="filter-site">Site</label>
        <select id="filter-site" name="site" defaultValue={filter.site ?? ""}>
          <option value="">All my sites</option>
          {sites.map((s) => (
            <option key={s.id} value={s.id}>
              {s.code} {s.name}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor="filter-status">Patient status</label>
        <select id="filter-status" name="status" defaultValue={filter.status ?? ""}>
          <option value="">Any</option>
          {Object.entries(PATIENT_STATUS_LABELS).map(([value, text]) => (
            <option key={value} value={value}>
              {text}
            </option>
          ))}
        </select>
      </div>
      {children}
      <button type="submit" className="button">
        Apply
      </button>
    </form>
  );
}
