"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { SelectField } from "@/components/ui/select-field";
import { TumourBaselineSchema, type TumourBaselineData } from "@/lib/forms/tumour-schemas";
import type { CrfFormProps } from "./crf-form-props";
import { nullIfEmpty } from "./field-values";
import { FormFooter } from "./form-footer";
import { MethodOptions } from "./tumour-method-options";
import { TumourNonTargetLesions } from "./tumour-non-target-lesions";
import { TumourTargetLesions } from "./tumour-target-lesions";
import { useCrfSave } from "./use-crf-save";
import { RecordDateField } from "./record-date-field";
import { fieldProps } from "@/components/forms/field-props";

export function TumourBaselineForm(props: CrfFormProps) {
  const form = useForm<TumourBaselineData>({
    resolver: zodResolver(TumourBaselineSchema),
    defaultValues: (props.record?.data as TumourBaselineData | undefined) ?? {
      assessmentDate: "",
      method: null,
      targetLesions: [{ lesionId: "T1", organ: "", site: "", method: null, longestDiameterMm: null }],
      nonTargetLesions: [],
    },
  });
  const [lastFormMethod, setLastFormMethod] = useState<TumourBaselineData["method"]>(() => form.getValues("method"));
  const { formProps, ...footer } = useCrfSave("tumour-baseline", props, form);
  // The form's imaging method is each lesion's default: new lesions start with it, and changing
  // it carries along every lesion still on the previous default (a lesion set otherwise keeps its own).
  const cascadeMethod = (next: TumourBaselineData["method"]) => {
    const previous = lastFormMethod;
    form.getValues("targetLesions").forEach((lesion, i) => {
      if (lesion.method === null || lesion.method === previous)
        form.setValue(`targetLesions.${i}.method`, next, { shouldDirty: true });
    });
    setLastFormMethod(next);
  };
  const { isSubmitting } = form.formState;

  return (
    <form {...formProps}>
      <RecordDateField form={form} name="assessmentDate" label="Assessment date" today={props.today} />
      <SelectField
        id="method"
        label="Imaging method (copied to each lesion unless changed there)"
        {...fieldProps(form, "method", {
          setValueAs: nullIfEmpty,
          onChange: (event: { target: { value: string } }) =>
            cascadeMethod(nullIfEmpty(event.target.value) as TumourBaselineData["method"]),
        })}
      >
        <MethodOptions />
      </SelectField>
      <TumourTargetLesions form={form} />
      <TumourNonTargetLesions form={form} />
      <FormFooter {...footer} submitting={isSubmitting} />
    </form>
  );
}
