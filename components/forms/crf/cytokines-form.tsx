"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useState } from "react";
import { useFieldArray, useForm, useWatch } from "react-hook-form";
import { CheckboxField } from "@/components/ui/checkbox-field";
import { FieldError } from "@/components/ui/field-error";
import { SelectField } from "@/components/ui/select-field";
import { TextField } from "@/components/ui/text-field";
import {
  CYTOKINE_UNITS,
  CytokinesSchema,
  DEFAULT_ANALYTES,
  summarizeCytokines,
  type AnalyteRow,
  type CytokinesData,
} from "@/lib/forms/cytokines-form";
import type { CrfFormProps } from "./crf-form-props";
import { toNumberOrNull } from "./field-values";
import { FormFooter } from "./form-footer";
import { useCrfSave } from "./use-crf-save";
import { parseBelowLimit } from "@/lib/domain/biomarkers/cytokine-units";
import { formatDate } from "@/lib/format-date";
import { RecordDateField } from "./record-date-field";
import { fieldProps } from "@/components/forms/field-props";
import { Options } from "@/components/ui/options";
import { ComputedNote } from "@/components/forms/crf/computed-note";

type CytokinesInput = { sampleDate: string; analytes: AnalyteRow[] };
const emptyRow = (analyte: string): AnalyteRow => ({
  analyte,
  value: null,
  unit: "pg/mL",
  lloq: null,
  belowLloq: false,
});

export function CytokinesForm(props: CrfFormProps) {
  const form = useForm<CytokinesInput, unknown, CytokinesData>({
    resolver: zodResolver(CytokinesSchema),
    defaultValues: (props.record?.data as CytokinesInput | undefined) ?? {
      sampleDate: "",
      analytes: (props.cytokinePanel ?? DEFAULT_ANALYTES).map(emptyRow),
    },
  });
  const { fields, append, remove } = useFieldArray({ control: form.control, name: "analytes" });
  const { formProps, ...footer } = useCrfSave("cytokines", props, form);
  const rows = useWatch({ control: form.control, name: "analytes" }) ?? [];
  const { errors, isSubmitting } = form.formState;
  const number = { setValueAs: toNumberOrNull };
  const [belowLimitTyped, setBelowLimitTyped] = useState<Record<number, number>>({});

  return (
    <form {...formProps}>
      <RecordDateField form={form} name="sampleDate" label="Plasma sample date" today={props.today} />
      <p className="muted">
        Baseline samples are taken after consent and on or before day 1
        {props.context.enrollmentDate ? ` (${formatDate(props.context.enrollmentDate)})` : ""}, before the first dose. A
        result below the assay&apos;s lower limit of quantification (LLOQ) is recorded as below LLOQ, without a value,
        never as zero.
      </p>
      {fields.map((field, index) => {
        const row = rows[index];
        const unit = row?.unit ?? "pg/mL";
        const id = `analytes-${index}`;
        return (
          <fieldset key={field.id} className="radio-group">
            <legend>{`Analyte ${index + 1}${row?.analyte ? `: ${row.analyte}` : ""}`}</legend>
            <div className="inline-form">
              <TextField id={`${id}-analyte`} label="Analyte" {...fieldProps(form, `analytes.${index}.analyte`)} />
              <TextField
                id={`${id}-value`}
                label="Value"
                unit={unit}
                // Text, not a number input: a number input silently drops the "<" of "<5" and keeps 5.
                type="text"
                inputMode="decimal"
                readOnly={row?.belowLloq}
                aria-disabled={row?.belowLloq ? true : undefined}
                {...fieldProps(form, `analytes.${index}.value`, {
                  ...number,
                  // "<5" is a result below the assay's limit: recorded as such, visibly, never as a measured 5.
                  onChange: (event: { target: { value: string } }) => {
                    const limit = parseBelowLimit(event.target.value);
                    if (limit === null) return;
                    form.setValue(`analytes.${index}.belowLloq`, true, { shouldDirty: true });
                    form.setValue(`analytes.${index}.lloq`, limit, { shouldDirty: true });
                    form.setValue(`analytes.${index}.value`, null, { shouldDirty: true, shouldValidate: true });
                    setBelowLimitTyped((typed) => ({ ...typed, [index]: limit }));
                  },
                })}
              />
              <SelectField id={`${id}-unit`} label="Unit" {...fieldProps(form, `analytes.${index}.unit`)}>
                <Options values={CYTOKINE_UNITS} />
              </SelectField>
              <TextField
                id={`${id}-lloq`}
                label="LLOQ"
                unit={unit}
                type="number"
                step="any"
                {...fieldProps(form, `analytes.${index}.lloq`, number)}
              />
              <CheckboxField
                id={`${id}-belowLloq`}
                label="Below LLOQ"
                {...form.register(`analytes.${index}.belowLloq`, {
                  onChange: (event: { target: { checked: boolean } }) => {
                    if (event.target.checked) form.setValue(`analytes.${index}.value`, null);
                  },
                })}
              />
              <button
                type="button"
                className="button secondary"
                onClick={() => remove(index)}
                aria-label={`Remove analyte ${index + 1}${row?.analyte ? ` (${row.analyte})` : ""}`}
              >
                Remove
              </button>
            </div>
            {row?.belowLloq && belowLimitTyped[index] !== undefined ? (
              <p className="suggestion" role="status" data-testid={`${id}-below-limit`}>
                &ldquo;&lt;{belowLimitTyped[index]}&rdquo; recorded as below the LLOQ of {belowLimitTyped[index]} {unit}
                : check the assay&apos;s LLOQ.
              </p>
            ) : null}
          </fieldset>
        );
      })}
      <FieldError id="analytes" error={errors.analytes?.root?.message ?? errors.analytes?.message} />
      <button type="button" className="button secondary" onClick={() => append(emptyRow(""))}>
        Add analyte
      </button>
      <ComputedNote testId="cytokines-summary">{summarizeCytokines(rows).summary}</ComputedNote>
      <FormFooter {...footer} submitting={isSubmitting} />
    </form>
  );
}
