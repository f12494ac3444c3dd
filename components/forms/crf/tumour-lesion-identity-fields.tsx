"use client";

import type { UseFormReturn } from "react-hook-form";
import { TextField } from "@/components/ui/text-field";
import type { TumourBaselineData } from "@/lib/forms/tumour-schemas";
import { fieldProps } from "@/components/forms/field-props";
import { TumourOrganField } from "./tumour-organ-field";

/** The first two fields of a baseline lesion, target or non-target: its id (T1, N1...) and its organ. */
export function TumourLesionIdentityFields({
  form,
  list,
  index,
}: {
  form: UseFormReturn<TumourBaselineData>;
  list: "targetLesions" | "nonTargetLesions";
  index: number;
}) {
  return (
    <>
      <TextField
        id={`${list}-${index}-lesionId`}
        label="Lesion id"
        size={4}
        {...fieldProps(form, `${list}.${index}.lesionId`)}
      />
      <TumourOrganField
        form={form}
        name={`${list}.${index}.organ`}
        id={`${list}-${index}-organ`}
        error={form.formState.errors[list]?.[index]?.organ?.message}
      />
    </>
  );
}
