import { PATIENT_STATUS_LABELS } from "@/lib/patient-status";
import type { PatientListFilter } from "@/lib/schemas/work-filters";
import { FilterSelect, siteChoices } from "./filter-select";
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
      <FilterSelect name="site" label="Site" value={filter.site} choices={siteChoices(sites)} anyLabel="All my sites" />
      <FilterSelect
        name="status"
        label="Patient status"
        value={filter.status}
        choices={Object.entries(PATIENT_STATUS_LABELS)}
        anyLabel="Any"
      />
      {children}
      <button type="submit" className="button">
        Apply
      </button>
    </form>
  );
}
