"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useForm, useWatch } from "react-hook-form";
import type { z } from "zod";
import { addLabRangeAction, withdrawLabRangeAction } from "@/app/admin/actions";
import { ReasonActionForm } from "@/components/forms/reason-action-form";
import { SelectField } from "@/components/ui/select-field";
import { SiteOptions } from "@/components/ui/site-options";
import { TextField } from "@/components/ui/text-field";
import { DateField } from "@/components/ui/date-field";
import { LAB_PANEL, listTestUnits } from "@/lib/forms/labs/lab-panel";
import { LabRangeSchema } from "@/lib/schemas/lab-reference-ranges";
import { useActionForm } from "@/components/forms/use-action-form";
import { FormError } from "@/components/ui/form-error";
import { fieldProps } from "@/components/forms/field-props";
import { Options } from "@/components/ui/options";

type Values = z.input<typeof LabRangeSchema>;

/** Records a site laboratory's range for one test from a given day (audited; never edited afterwards). */
export function AddLabRangeForm({ sites }: { sites: { id: string; code: string; name: string }[] }) {
  const first = LAB_PANEL[0]!;
  const form = useForm<Values>({
    resolver: zodResolver(LabRangeSchema),
    defaultValues: { siteId: "", test: first.test, unit: first.defaultUnit, sex: "", lln: "", uln: "", validFrom: "" },
  });
  const { run, formError } = useActionForm(form.setError, () => form.reset({ ...form.getValues(), lln: "", uln: "" }));
  const { isSubmitting } = form.formState;
  const test = useWatch({ control: form.control, name: "test" });
  const units = listTestUnits(test as (typeof LAB_PANEL)[number]["test"]);
  return (
    <form
      onSubmit={form.handleSubmit((values) => run(() => addLabRangeAction(values)))}
      noValidate
      aria-label="Add a reference range"
    >
      <FormError message={formError} />
      <SelectField id="range-site" label="Site" {...fieldProps(form, "siteId")}>
        <option value="">Choose…</option>
        <SiteOptions sites={sites} />
      </SelectField>
      <SelectField
        id="range-test"
        label="Test"
        {...fieldProps(form, "test", {
          onChange: (e: { target: { value: string } }) =>
            form.setValue("unit", LAB_PANEL.find((p) => p.test === e.target.value)?.defaultUnit ?? ""),
        })}
      >
        {LAB_PANEL.map((p) => (
          <option key={p.test} value={p.test}>
            {p.label}
          </option>
        ))}
      </SelectField>
      <SelectField id="range-unit" label="Unit" {...fieldProps(form, "unit")}>
        <Options values={units} />
      </SelectField>
      <SelectField id="range-sex" label="Applies to" {...fieldProps(form, "sex")}>
        <option value="">Both sexes</option>
        <option value="female">Women</option>
        <option value="male">Men</option>
      </SelectField>
      <TextField
        id="range-lln"
        label="Lower limit of normal (LLN, empty if none)"
        type="number"
        step="any"
        {...fieldProps(form, "lln")}
      />
      <TextField
        id="range-uln"
        label="Upper limit of normal (ULN, empty if none)"
        type="number"
        step="any"
        {...fieldProps(form, "uln")}
      />
      <DateField id="range-validFrom" label="In force from (first sample day)" {...fieldProps(form, "validFrom")} />
      <button type="submit" className="button" disabled={isSubmitting}>
        Add range
      </button>
    </form>
  );
}

/** Withdraws a range entered in error; the reason is audited and forms already saved keep their limits. */
export function WithdrawLabRangeForm({ id, label }: { id: string; label: string }) {
  return (
    <ReasonActionForm
      id={`withdraw-range-${id}`}
      label={`Withdraw ${label}`}
      run={(reason) => withdrawLabRangeAction({ id, reason })}
    />
  );
}
