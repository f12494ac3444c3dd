"use client";

import { useWatch, type UseFormReturn } from "react-hook-form";
import { SelectField } from "@/components/ui/select-field";
import { TextField } from "@/components/ui/text-field";
import { checkLabPlausibility } from "@/lib/domain/ctcae/lab-plausibility";
import type { GradedLab } from "@/lib/forms/labs/compute-labs";
import { defaultRange, listTestUnits, requiredLimit, type PanelTest } from "@/lib/forms/labs/lab-panel";
import type { LabsData } from "@/lib/forms/labs/labs-schema";
import { asNumberOrNull, formatNumber } from "../number-input";
import styles from "./lab-row.module.css";

interface Props {
  form: UseFormReturn<LabsData>;
  panel: PanelTest;
  graded: GradedLab | undefined;
}

/** One test: value, unit and the site's range, with its CTCAE v5.0 grade computed live. */
export function LabRow({ form, panel, graded }: Props) {
  const { test, label } = panel;
  const errors = form.formState.errors.results?.[test];
  const [value, unit] = useWatch({ control: form.control, name: [`results.${test}.value`, `results.${test}.unit`] });
  const needed = requiredLimit(test);
  // The same check the server makes (lib/forms/labs/labs-schema), shown as soon as a value and unit exist.
  const plausibility =
    typeof value === "number" && Number.isFinite(value) && listTestUnits(test).includes(unit) ? checkLabPlausibility(test, value, unit) : { kind: "plausible" as const };
  const switchUnit = (next: string) => {
    form.setValue(`results.${test}.unit`, next, { shouldDirty: true });
    const range = defaultRange(test, next);
    form.setValue(`results.${test}.lln`, range.lln, { shouldDirty: true });
    form.setValue(`results.${test}.uln`, range.uln, { shouldDirty: true, shouldValidate: true });
  };
  const number = (field: "value" | "lln" | "uln", text: string, hint?: string) => (
    <TextField
      id={`${test}-${field}`}
      label={`${text}${hint ? ` ${hint}` : ""}`}
      unit={unit}
      type="number"
      step="any"
      min={0}
      error={errors?.[field]?.message}
      {...form.register(`results.${test}.${field}`, { setValueAs: asNumberOrNull })}
    />
  );
  return (
    <fieldset className={styles.row} data-testid={`lab-${test}`}>
      <legend>{label}</legend>
      <div className={styles.inputs}>
        {number("value", "Value", "(empty = not done)")}
        <SelectField
          id={`${test}-unit`}
          label="Unit"
          error={errors?.unit?.message}
          {...form.register(`results.${test}.unit`, {
            // The default range follows the unit; the site edits it to its own laboratory's limits.
            onChange: (event: { target: { value: string } }) => {
              const range = defaultRange(test, event.target.value);
              form.setValue(`results.${test}.lln`, range.lln);
              form.setValue(`results.${test}.uln`, range.uln);
            },
          })}
        >
          {listTestUnits(test).map((u) => (
            <option key={u} value={u}>
              {u}
            </option>
          ))}
        </SelectField>
        {number("lln", "Site LLN", needed === "lln" ? "(needed)" : undefined)}
        {number("uln", "Site ULN", needed === "uln" ? "(needed)" : undefined)}
      </div>
      {plausibility.kind !== "plausible" ? (
        <div className="field-warning" role="alert" data-testid={`lab-${test}-plausibility`}>
          <p>{plausibility.message}</p>
          {plausibility.likelyUnit ? (
            <button type="button" className="link-button" onClick={() => switchUnit(plausibility.likelyUnit!)}>
              Use {plausibility.likelyUnit}
            </button>
          ) : null}
          {plausibility.kind === "implausible" ? (
            <TextField
              id={`${test}-implausibleReason`}
              label={`Reason this ${label} value is correct`}
              maxLength={500}
              error={errors?.implausibleReason?.message}
              {...form.register(`results.${test}.implausibleReason`, { setValueAs: (v: unknown) => (typeof v === "string" && v.trim() ? v : null) })}
            />
          ) : null}
        </div>
      ) : null}
      <p className={`computed ${styles.grade} ${graded && graded.grade >= 3 ? styles.alert : ""}`} aria-live="polite" data-testid={`lab-${test}-grade`}>
        <span className="computed-badge">computed</span>{" "}
        {graded ? (
          <>
            <strong>
              CTCAE grade {graded.grade}
              {graded.grade > 0 ? `: ${graded.term}` : ""}
            </strong>{" "}
            ({graded.basis}
            {graded.baselineValue !== null ? `; baseline ${formatNumber(graded.baselineValue, 2)} ${unit}` : ""})
          </>
        ) : value === null || value === undefined || Number.isNaN(value) ? (
          "not done"
        ) : (
          "not graded: complete the unit and range"
        )}
      </p>
    </fieldset>
  );
}
