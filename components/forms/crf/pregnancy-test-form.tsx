"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useForm, useWatch, type DefaultValues } from "react-hook-form";
import { CheckboxField } from "@/components/ui/checkbox-field";
import { SelectField } from "@/components/ui/select-field";
import {
  NO_POTENTIAL_REASONS,
  PATIENT_CATEGORIES,
  PregnancyTestSchema,
  TEST_METHODS,
  TEST_RESULTS,
  type PregnancyTestData,
} from "@/lib/forms/pregnancy-test-form";
import type { CrfFormProps } from "./crf-form-props";
import { toChoiceOrNull } from "./field-values";
import { FormFooter } from "./form-footer";
import { useCrfSave } from "./use-crf-save";
import { RecordDateField } from "./record-date-field";
import { fieldProps } from "@/components/forms/field-props";

const EMPTY: DefaultValues<PregnancyTestData> = {
  testDate: "",
  category: undefined,
  noPotentialReason: null,
  counselled: false,
  method: undefined,
  result: null,
};

const LABELS: Record<string, string> = {
  "female-reproductive-potential": "Female of reproductive potential",
  "female-no-reproductive-potential": "Female not of reproductive potential",
  male: "Male",
  "natural-menopause-24-months": "Natural menopause for at least 24 consecutive months",
  hysterectomy: "Hysterectomy",
  "bilateral-oophorectomy": "Bilateral oophorectomy",
  "serum-hcg": "Serum hCG",
  "urine-hcg": "Urine hCG",
  "not-done": "Not done",
  negative: "Negative",
  positive: "Positive",
};

/** Pregnancy test and counselling: the records thalidomide dispensing depends on. */
export function PregnancyTestForm(props: CrfFormProps) {
  const form = useForm<PregnancyTestData>({
    resolver: zodResolver(PregnancyTestSchema),
    defaultValues: (props.record?.data as PregnancyTestData | undefined) ?? EMPTY,
  });
  const { formProps, ...footer } = useCrfSave("pregnancy-test", props, form);
  const values = useWatch({ control: form.control });
  const { isSubmitting } = form.formState;
  const select = (
    name: "category" | "noPotentialReason" | "method" | "result",
    label: string,
    options: readonly string[],
  ) => (
    <SelectField id={name} label={label} {...fieldProps(form, name, { setValueAs: toChoiceOrNull })}>
      <option value="">Choose...</option>
      {options.map((o) => (
        <option key={o} value={o}>
          {LABELS[o] ?? o}
        </option>
      ))}
    </SelectField>
  );
  return (
    <form {...formProps}>
      <RecordDateField form={form} name="testDate" label="Date of the test or counselling" today={props.today} />
      {select("category", "Patient category", PATIENT_CATEGORIES)}
      {values.category === "female-no-reproductive-potential"
        ? select("noPotentialReason", "Reason not of reproductive potential", NO_POTENTIAL_REASONS)
        : null}
      <CheckboxField
        id="counselled"
        label="Counselling on the risks of thalidomide and on contraception given and confirmed"
        {...fieldProps(form, "counselled")}
      />
      {select("method", "Pregnancy test method", TEST_METHODS)}
      {select("result", "Pregnancy test result", TEST_RESULTS)}
      {values.result === "positive" ? (
        <p className="form-error" role="alert" data-testid="pregnancy-warning">
          A positive test stops thalidomide dispensing, alerts the safety team and enters the review queue.
        </p>
      ) : null}
      <FormFooter {...footer} submitting={isSubmitting} />
    </form>
  );
}
