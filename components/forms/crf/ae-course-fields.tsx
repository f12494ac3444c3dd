"use client";

import { useWatch, type UseFormReturn } from "react-hook-form";
import { CheckboxField } from "@/components/ui/checkbox-field";
import { DateField } from "@/components/ui/date-field";
import type { AdverseEventData } from "@/lib/forms/adverse-event-schema";
import { nullIfEmpty } from "./field-values";
import { fieldProps } from "@/components/forms/field-props";

/** When the event began and, unless it is ongoing, when it resolved. */
export function AeCourseFields({ form, today }: { form: UseFormReturn<AdverseEventData>; today: string }) {
  const ongoing = useWatch({ control: form.control, name: "ongoing" });
  return (
    <>
      <DateField id="onsetDate" label="Onset date" max={today} {...fieldProps(form, "onsetDate")} />
      <CheckboxField
        id="ongoing"
        label="Ongoing (not resolved yet)"
        {...form.register("ongoing", {
          onChange: (event: { target: { checked: boolean } }) =>
            event.target.checked && form.setValue("resolutionDate", null),
        })}
      />
      {ongoing ? null : (
        <DateField
          id="resolutionDate"
          label="Resolution date"
          max={today}
          {...fieldProps(form, "resolutionDate", { setValueAs: nullIfEmpty })}
        />
      )}
    </>
  );
}
