"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useForm, useWatch } from "react-hook-form";
import { CheckboxField } from "@/components/ui/checkbox-field";
import { SelectField } from "@/components/ui/select-field";
import { DateField } from "@/components/ui/date-field";
import { getAllowedGrades, gradeDescription } from "@/lib/domain/ctcae";
import { summarizeAdverseEvent } from "@/lib/forms/adverse-event-rules";
import { ACTIONS, AE_DRUGS, ATTRIBUTIONS, AdverseEventSchema, emptyAdverseEvent, OUTCOMES, type AdverseEventData } from "@/lib/forms/adverse-event-schema";
import { AeSeriousnessFields } from "./ae-seriousness-fields";
import { AeTermPicker } from "./ae-term-picker";
import type { CrfFormProps } from "./crf-form-props";
import { nullIfEmpty } from "./field-values";
import { FormFooter } from "./form-footer";
import { useCrfSave } from "./use-crf-save";
import { ISO_DATE_PATTERN } from "@/lib/domain/iso-date";

const gradeOrNull = (v: unknown) => (v === "" || v === null || v === undefined ? null : Number(v));

/** A new event, filled with the lab finding the user followed here (term, grade, sample date as onset), else empty. */
function fromLabFinding(prefill: CrfFormProps["prefill"]): AdverseEventData {
  const empty = emptyAdverseEvent();
  if (!prefill?.term) return empty;
  const grade = Number(prefill.grade);
  return {
    ...empty,
    term: prefill.term,
    grade: (getAllowedGrades(prefill.term) ?? []).some((g) => g === grade) ? (grade as AdverseEventData["grade"]) : null,
    onsetDate: ISO_DATE_PATTERN.test(prefill.onset ?? "") ? prefill.onset! : "",
  };
}

export function AdverseEventForm(props: CrfFormProps) {
  const form = useForm<AdverseEventData>({

    resolver: zodResolver(AdverseEventSchema),
    defaultValues: (props.record?.data as AdverseEventData | undefined) ?? fromLabFinding(props.prefill),
  });
  const { formProps, ...footer } = useCrfSave("adverse-event", props, form);
  const [term, grade, ongoing, serious] = useWatch({ control: form.control, name: ["term", "grade", "ongoing", "serious"] });
  const allowed = getAllowedGrades(term) ?? [];
  const { errors, isSubmitting } = form.formState;

  return (
    <form {...formProps}>
      {!props.record && props.prefill?.term ? (
        <p className="suggestion" role="status" data-testid="ae-from-labs">
          Filled from the laboratory results you followed: term, grade and onset (the sample date). Check them before saving.
        </p>
      ) : null}
      <AeTermPicker
        value={term}
        error={errors.term?.message}
        registration={form.register("term", {
          // CTCAE v5.0: each term has its own grades; a grade the new term lacks is cleared.
          onChange: (event: { target: { value: string } }) => {
            const current = form.getValues("grade");
            if (current !== null && !(getAllowedGrades(event.target.value) ?? []).some((g) => g === current)) form.setValue("grade", null);
          },
        })}
      />
      <SelectField
        id="grade"
        label="CTCAE grade"
        error={errors.grade?.message}
        {...form.register("grade", {
          setValueAs: gradeOrNull,
          onChange: (event: { target: { value: string } }) => {
            if (event.target.value !== "5") form.setValue("deathDate", null);
          },
        })}
      >
        <option value="">{term ? "Choose the grade" : "Choose a term first"}</option>
        {allowed.map((g) => (
          <option key={g} value={g}>
            Grade {g}
          </option>
        ))}
      </SelectField>
      {grade !== null && term ? <p className="muted" data-testid="grade-description">Grade {grade}: {gradeDescription(term, grade)}</p> : null}

      <DateField id="onsetDate" label="Onset date" max={props.today} error={errors.onsetDate?.message} {...form.register("onsetDate")} />
      <CheckboxField
        id="ongoing"
        label="Ongoing (not resolved yet)"
        {...form.register("ongoing", { onChange: (event: { target: { checked: boolean } }) => event.target.checked && form.setValue("resolutionDate", null) })}
      />
      {ongoing ? null : (
        <DateField
          id="resolutionDate"
          label="Resolution date"
          max={props.today}
          error={errors.resolutionDate?.message}
          {...form.register("resolutionDate", { setValueAs: nullIfEmpty })}
        />
      )}

      <AeSeriousnessFields form={form} />

      {AE_DRUGS.map((drug) => (
        <fieldset key={drug.key} className="radio-group">
          <legend>{drug.label}</legend>
          <SelectField id={`attribution-${drug.key}`} label={`Attribution to ${drug.label}`} error={errors.attribution?.[drug.key]?.message} {...form.register(`attribution.${drug.key}`, { setValueAs: nullIfEmpty })}>
            <option value="">Choose</option>
            {ATTRIBUTIONS.map((a) => (
              <option key={a.value} value={a.value}>
                {a.label}
              </option>
            ))}
          </SelectField>
          <SelectField id={`actionTaken-${drug.key}`} label={`Action taken with ${drug.label}`} error={errors.actionTaken?.[drug.key]?.message} {...form.register(`actionTaken.${drug.key}`, { setValueAs: nullIfEmpty })}>
            <option value="">Choose</option>
            {ACTIONS.map((a) => (
              <option key={a.value} value={a.value}>
                {a.label}
              </option>
            ))}
          </SelectField>
        </fieldset>
      ))}

      <SelectField id="outcome" label="Outcome" error={errors.outcome?.message} {...form.register("outcome", { setValueAs: nullIfEmpty })}>
        <option value="">Choose the outcome</option>
        {OUTCOMES.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </SelectField>
      {grade === 5 ? (
        <DateField
          id="deathDate"
          label="Date of death (grade 5)"
          max={props.today}
          error={errors.deathDate?.message}
          {...form.register("deathDate", { setValueAs: nullIfEmpty })}
        />
      ) : null}

      <p className="computed" aria-live="polite" data-testid="ae-summary">
        <span className="computed-badge">computed</span> {term ? summarizeAdverseEvent(term, grade, serious === "yes") : "Choose a term and grade"}
      </p>
      <FormFooter {...footer} submitting={isSubmitting} />
    </form>
  );
}
