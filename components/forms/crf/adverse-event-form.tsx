"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useForm, useWatch } from "react-hook-form";
import { getAllowedGrades } from "@/lib/domain/ctcae";
import { summarizeAdverseEvent } from "@/lib/forms/adverse-event-rules";
import { AdverseEventSchema, emptyAdverseEvent, type AdverseEventData } from "@/lib/forms/adverse-event-schema";
import { AeAttributionFields } from "./ae-attribution-fields";
import { AeCourseFields } from "./ae-course-fields";
import { AeOutcomeFields } from "./ae-outcome-fields";
import { AeSeriousnessFields } from "./ae-seriousness-fields";
import { AeTermGradeFields } from "./ae-term-grade-fields";
import type { CrfFormProps } from "./crf-form-props";
import { FormFooter } from "./form-footer";
import { useCrfSave } from "./use-crf-save";
import { ISO_DATE_PATTERN } from "@/lib/domain/iso-date";
import { ComputedNote } from "@/components/forms/crf/computed-note";

/** A new event, filled with the lab finding the user followed here (term, grade, sample date as onset), else empty. */
function fromLabFinding(prefill: CrfFormProps["prefill"]): AdverseEventData {
  const empty = emptyAdverseEvent();
  if (!prefill?.term) return empty;
  const grade = Number(prefill.grade);
  return {
    ...empty,
    term: prefill.term,
    grade: (getAllowedGrades(prefill.term) ?? []).some((g) => g === grade)
      ? (grade as AdverseEventData["grade"])
      : null,
    onsetDate: ISO_DATE_PATTERN.test(prefill.onset ?? "") ? prefill.onset! : "",
  };
}

export function AdverseEventForm(props: CrfFormProps) {
  const form = useForm<AdverseEventData>({
    resolver: zodResolver(AdverseEventSchema),
    defaultValues: (props.record?.data as AdverseEventData | undefined) ?? fromLabFinding(props.prefill),
  });
  const { formProps, ...footer } = useCrfSave("adverse-event", props, form);
  const [term, grade, serious] = useWatch({ control: form.control, name: ["term", "grade", "serious"] });
  const { isSubmitting } = form.formState;

  return (
    <form {...formProps}>
      {!props.record && props.prefill?.term ? (
        <p className="suggestion" role="status" data-testid="ae-from-labs">
          Filled from the laboratory results you followed: term, grade and onset (the sample date). Check them before
          saving.
        </p>
      ) : null}
      <AeTermGradeFields form={form} />
      <AeCourseFields form={form} today={props.today} />
      <AeSeriousnessFields form={form} />
      <AeAttributionFields form={form} />
      <AeOutcomeFields form={form} today={props.today} />
      <ComputedNote testId="ae-summary" as="p">
        {term ? summarizeAdverseEvent(term, grade, serious === "yes") : "Choose a term and grade"}
      </ComputedNote>
      <FormFooter {...footer} submitting={isSubmitting} />
    </form>
  );
}
