"use client";

import { useState } from "react";
import { useWatch, type UseFormReturn } from "react-hook-form";
import { SelectField } from "@/components/ui/select-field";
import { TextField } from "@/components/ui/text-field";
import { classifyLesionSite, LESION_SITES } from "@/lib/domain/recist/lesion-sites";
import type { TumourBaselineData } from "@/lib/forms/tumour-schemas";
import { Options } from "@/components/ui/options";

type OrganPath = `targetLesions.${number}.organ` | `nonTargetLesions.${number}.organ`;

const OTHER = "other";

/**
 * The lesion's organ from the RECIST site pick-list (lib/domain/recist/lesion-sites), or
 * "Other, specify" with a text box. The stored value stays a plain organ name, so organs typed
 * freely before the list existed show as "other" with their text, unchanged until edited.
 */
export function TumourOrganField({
  form,
  name,
  id,
  error,
}: {
  form: UseFormReturn<TumourBaselineData>;
  name: OrganPath;
  id: string;
  error?: string;
}) {
  const organ = (useWatch({ control: form.control, name }) as string | undefined) ?? "";
  const stored = classifyLesionSite(organ);
  const [specifying, setSpecifying] = useState(stored.choice === OTHER);
  const choice = specifying ? OTHER : (stored.choice ?? "");

  return (
    <>
      <SelectField
        id={id}
        label="Organ"
        value={choice}
        error={specifying ? undefined : error}
        onChange={(event) => {
          const picked = event.target.value;
          setSpecifying(picked === OTHER);
          form.setValue(name, picked === OTHER ? "" : picked, {
            shouldDirty: true,
            shouldValidate: form.formState.isSubmitted,
          });
        }}
      >
        <option value="">Choose the organ</option>
        <Options values={LESION_SITES} />
        <option value={OTHER}>Other, specify</option>
      </SelectField>
      {specifying ? (
        <TextField id={`${id}-other`} label="Organ (specify)" error={error} maxLength={60} {...form.register(name)} />
      ) : null}
    </>
  );
}
