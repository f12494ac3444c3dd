import Link from "next/link";
import { DateField } from "@/components/ui/date-field";
import { SelectField } from "@/components/ui/select-field";
import { ATTRIBUTION_VALUES } from "@/lib/domain/toxicity/toxicity-filters";
import { listAeTerms } from "@/lib/domain/ctcae";
import styles from "../dashboards.module.css";
import { Options } from "@/components/ui/options";

interface Props {
  values: Record<string, string>;
  errors: Record<string, string[]>;
  sites: { code: string; name: string }[];
}

const terms = [...listAeTerms()].map((t) => t.term).sort((a, b) => a.localeCompare(b));
const label = (value: string) => value[0]!.toUpperCase() + value.slice(1);

/** A plain GET form: the filters live in the URL, so a filtered view can be bookmarked and shared. */
export function ToxicityFilterForm({ values, errors, sites }: Props) {
  const field = (name: string) => ({
    id: `filter-${name}`,
    name,
    defaultValue: values[name] ?? "",
    error: errors[name]?.[0],
  });
  const attribution = (drug: "thalidomide" | "uft", title: string) => (
    <SelectField {...field(drug)} label={`Attribution to ${title}`}>
      <option value="">Any</option>
      <option value="related">Related (possible, probable, definite)</option>
      <Options values={ATTRIBUTION_VALUES} label={label} />
    </SelectField>
  );
  return (
    <form method="get" aria-label="Filter adverse events">
      <div className={styles.filters}>
        <SelectField {...field("site")} label="Site">
          <option value="">All my sites</option>
          {sites.map((s) => (
            <option key={s.code} value={s.code}>
              {s.code} {s.name}
            </option>
          ))}
        </SelectField>
        <SelectField {...field("term")} label="CTCAE term">
          <option value="">Any term</option>
          <Options values={terms} />
        </SelectField>
        <SelectField {...field("grade")} label="CTCAE grade">
          <option value="">Any grade</option>
          <option value="3+">Grade 3 or more</option>
          {["1", "2", "3", "4", "5"].map((g) => (
            <option key={g} value={g}>
              Grade {g}
            </option>
          ))}
        </SelectField>
        <SelectField {...field("serious")} label="Serious">
          <option value="">Serious or not</option>
          <option value="yes">Serious (SAE)</option>
          <option value="no">Not serious</option>
        </SelectField>
        {attribution("thalidomide", "thalidomide")}
        {attribution("uft", "UFT")}
        <DateField {...field("onsetFrom")} label="Onset from" />
        <DateField {...field("onsetTo")} label="Onset to" />
      </div>
      <div className={styles.filterActions}>
        <button type="submit" className="button">
          Apply filters
        </button>
        <Link href="?">Clear filters</Link>
      </div>
    </form>
  );
}
