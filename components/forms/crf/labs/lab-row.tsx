"use client";

import { useWatch, type UseFormReturn } from "react-hook-form";
import { SelectField } from "@/components/ui/select-field";
import { TextField } from "@/components/ui/text-field";
import { convertLabValue } from "@/lib/domain/ctcae/convert-lab-value";
import { checkLabPlausibility } from "@/lib/domain/ctcae/lab-plausibility";
import {
  limitsDifferingFromRange,
  rangeLimitsIn,
  type SiteReferenceRange,
} from "@/lib/domain/ctcae/site-reference-range";
import type { GradedLab } from "@/lib/forms/labs/compute-labs";
import { listTestUnits, requiredLimit, type PanelTest } from "@/lib/forms/labs/lab-panel";
import type { LabsData } from "@/lib/forms/labs/labs-schema";
import { describeRange } from "@/lib/forms/labs/site-range-check";
import { toNumberOrNull } from "../field-values";
import { formatNumber } from "../number-input";
import styles from "./lab-row.module.css";
import { fieldProps } from "@/components/forms/field-props";
import { Options } from "@/components/ui/options";

interface Props {
  form: UseFormReturn<LabsData>;
  panel: PanelTest;
  graded: GradedLab | undefined;
  /** The site laboratory's range in force on the sample date (null range: none on file); null before a sample date. */
  siteRange: { siteCode: string; range: SiteReferenceRange | null } | null;
}

/** One test: value, unit and the site's range, with its CTCAE v5.0 grade computed live. */
export function LabRow({ form, panel, graded, siteRange }: Props) {
  const { test, label } = panel;
  const [value, unit, lln, uln] = useWatch({
    control: form.control,
    name: [`results.${test}.value`, `results.${test}.unit`, `results.${test}.lln`, `results.${test}.uln`],
  });
  const needed = requiredLimit(test);
  // The same check the server makes (lib/forms/labs/labs-schema), shown as soon as a value and unit exist.
  const plausibility =
    typeof value === "number" && Number.isFinite(value) && listTestUnits(test).includes(unit)
      ? checkLabPlausibility(test, value, unit)
      : { kind: "plausible" as const };
  const range = siteRange?.range ?? null;
  // The same comparison the server makes (lib/forms/labs/site-range-check): a changed limit changes the grade.
  const differing =
    range && typeof value === "number" && listTestUnits(test).includes(unit)
      ? limitsDifferingFromRange({ unit, lln: lln ?? null, uln: uln ?? null }, range)
      : [];
  // The limits follow the unit: the site's range when one is in force, else the typed limits converted.
  const limitsIn = (from: string, to: string) => {
    if (range) return rangeLimitsIn(range, to);
    const convert = (limit: number | null | undefined) =>
      typeof limit === "number" && Number.isFinite(limit)
        ? Number(convertLabValue(test, limit, from, to).toPrecision(4))
        : null;
    return { lln: convert(lln), uln: convert(uln) };
  };
  const switchUnit = (next: string) => {
    const limits = limitsIn(unit, next);
    form.setValue(`results.${test}.unit`, next, { shouldDirty: true });
    form.setValue(`results.${test}.lln`, limits.lln, { shouldDirty: true });
    form.setValue(`results.${test}.uln`, limits.uln, { shouldDirty: true, shouldValidate: true });
  };
  const number = (field: "value" | "lln" | "uln", text: string, hint?: string) => (
    <TextField
      id={`${test}-${field}`}
      label={`${text}${hint ? ` ${hint}` : ""}`}
      unit={unit}
      type="number"
      step="any"
      min={0}
      {...fieldProps(form, `results.${test}.${field}`, { setValueAs: toNumberOrNull })}
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
          {...fieldProps(form, `results.${test}.unit`, {
            // `unit` is still the previous render's unit here: the limits are converted from it.
            onChange: (event: { target: { value: string } }) => {
              const limits = limitsIn(unit, event.target.value);
              form.setValue(`results.${test}.lln`, limits.lln);
              form.setValue(`results.${test}.uln`, limits.uln);
            },
          })}
        >
          <Options values={listTestUnits(test)} />
        </SelectField>
        {number("lln", "Site LLN", needed === "lln" ? "(needed)" : undefined)}
        {number("uln", "Site ULN", needed === "uln" ? "(needed)" : undefined)}
      </div>
      {siteRange ? (
        <p className="muted" data-testid={`lab-${test}-site-range`}>
          {range
            ? `${siteRange.siteCode} range in force from ${range.validFrom}${range.sex ? ` (${range.sex})` : ""}: ${describeRange(range, listTestUnits(test).includes(unit) ? unit : range.unit)}`
            : `No ${siteRange.siteCode} range on file for this day: type the laboratory's limits.`}
        </p>
      ) : null}
      {differing.length ? (
        <div className="field-warning" data-testid={`lab-${test}-range-differs`}>
          <TextField
            id={`${test}-rangeReason`}
            label={`Reason the ${differing.map((l) => l.toUpperCase()).join(" and ")} differ${differing.length > 1 ? "" : "s"} from the site's range`}
            maxLength={500}
            {...fieldProps(form, `results.${test}.rangeReason`, {
              setValueAs: (v: unknown) => (typeof v === "string" && v.trim() ? v : null),
            })}
          />
        </div>
      ) : null}
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
              {...fieldProps(form, `results.${test}.implausibleReason`, {
                setValueAs: (v: unknown) => (typeof v === "string" && v.trim() ? v : null),
              })}
            />
          ) : null}
        </div>
      ) : null}
      <p
        className={`computed ${styles.grade} ${graded && graded.grade >= 3 ? styles.alert : ""}`}
        aria-live="polite"
        data-testid={`lab-${test}-grade`}
      >
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
