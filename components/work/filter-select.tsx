/**
 * One labelled choice of a GET filter form (the filters live in the URL). `anyLabel` adds the
 * empty choice that means "no filter".
 */
export function FilterSelect({
  name,
  label,
  value,
  choices,
  anyLabel,
}: {
  name: string;
  label: string;
  value: string | null | undefined;
  choices: readonly (readonly [value: string, text: string])[];
  anyLabel?: string;
}) {
  return (
    <div>
      <label htmlFor={`filter-${name}`}>{label}</label>
      <select id={`filter-${name}`} name={name} defaultValue={value ?? ""}>
        {anyLabel !== undefined ? <option value="">{anyLabel}</option> : null}
        {choices.map(([choice, text]) => (
          <option key={choice} value={choice}>
            {text}
          </option>
        ))}
      </select>
    </div>
  );
}

/** The sites a filter can narrow to, as FilterSelect choices ("TW01 NTUH"). */
export const siteChoices = (sites: readonly { id: string; code: string; name: string }[]) =>
  sites.map((s) => [s.id, `${s.code} ${s.name}`] as const);
