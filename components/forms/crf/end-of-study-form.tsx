"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useForm, useWatch } from "react-hook-form";
import { SelectField } from "@/components/ui/select-field";
import { DateField } from "@/components/ui/date-field";
import { TextField } from "@/components/ui/text-field";
import { deriveFollowUpEndpoints } from "@/lib/forms/end-of-study-endpoints";
import {
  DEATH_CAUSES,
  EndOfStudySchema,
  emptyEndOfStudy,
  OFF_STUDY_REASONS,
  OFF_TREATMENT_REASONS,
  type EndOfStudyData,
} from "@/lib/forms/end-of-study-form";
import type { SurvivalEndpoints } from "@/lib/domain/survival/survival-endpoints";
import type { CrfFormProps } from "./crf-form-props";
import { toChoiceOrNull, toTextOrNull } from "./field-values";
import { FormFooter } from "./form-footer";
import { useCrfSave } from "./use-crf-save";
import { formatDate } from "@/lib/format-date";
import { fieldProps } from "@/components/forms/field-props";
import { Options } from "@/components/ui/options";
import { ComputedNote } from "@/components/forms/crf/computed-note";

const label = (value: string) => value.charAt(0).toUpperCase() + value.slice(1).replaceAll("-", " ");

function Endpoint({ name, endpoint }: { name: string; endpoint: SurvivalEndpoints["pfs"] }) {
  return (
    <li>
      <strong>{name}</strong>: {endpoint.timeDays} days ({endpoint.timeMonths.toFixed(1)} months),{" "}
      {endpoint.event ? "event" : "censored"}
    </li>
  );
}

export function EndOfStudyForm(props: CrfFormProps) {
  const form = useForm<EndOfStudyData>({
    resolver: zodResolver(EndOfStudySchema),
    defaultValues: (props.record?.data as EndOfStudyData | undefined) ?? emptyEndOfStudy(),
  });
  const { formProps, ...footer } = useCrfSave("end-of-study", props, form);
  const values = useWatch({ control: form.control }) as EndOfStudyData;
  // lib/domain/survival through the same helper the server stores from.
  const live = deriveFollowUpEndpoints(values, props.context.enrollmentDate, props.context.records);
  const { isSubmitting } = form.formState;
  const date = (name: keyof EndOfStudyData, text: string) => (
    <DateField
      id={name}
      label={text}
      max={props.today}
      min={props.context.enrollmentDate ?? undefined}
      {...fieldProps(form, name, { setValueAs: toChoiceOrNull })}
    />
  );
  const reason = (name: keyof EndOfStudyData, text: string, options: readonly string[]) => (
    <SelectField id={name} label={text} {...fieldProps(form, name, { setValueAs: toChoiceOrNull })}>
      <option value="">Choose...</option>
      <Options values={options} label={label} />
    </SelectField>
  );
  const other = (name: keyof EndOfStudyData, text: string) => (
    <TextField id={name} label={text} {...fieldProps(form, name, { setValueAs: toTextOrNull })} />
  );

  // Death, end of treatment and end of study: each a date, a reason from a list and the reason's free text.
  type Field = keyof EndOfStudyData;
  const ending = (
    legend: string,
    [dateName, reasonName, otherName]: [Field, Field, Field],
    [dateLabel, reasonLabel, otherLabel]: [string, string, string],
    options: readonly string[],
  ) => (
    <fieldset className="radio-group">
      <legend>{legend}</legend>
      <div className="inline-form">
        {date(dateName, dateLabel)}
        {reason(reasonName, reasonLabel, options)}
        {other(otherName, otherLabel)}
      </div>
    </fieldset>
  );

  return (
    <form {...formProps}>
      <fieldset className="radio-group">
        <legend>Progression and survival follow-up</legend>
        {date("progressionDate", "Progression date (entered)")}
        <ComputedNote testId="assessed-progression" badge="computed from assessments">
          {live.assessedProgression
            ? `First progressive disease (PD) by RECIST on ${formatDate(live.assessedProgression.date)}${live.assessedProgression.visitKey ? ` (${live.assessedProgression.visitKey})` : ""}.`
            : "No tumour assessment with progressive disease (PD) yet; the RECIST-derived date will be shown here when one is saved."}
          {live.progression &&
          live.assessedProgression &&
          values.progressionDate &&
          values.progressionDate !== live.assessedProgression.date
            ? ` PFS uses ${formatDate(live.progression.date)} (${live.progression.source === "entered" ? "the entered date" : "the scan"}): the earliest documented progression.`
            : ""}
        </ComputedNote>
        {date("lastKnownAliveDate", "Last date known alive")}
      </fieldset>
      {ending(
        "Death",
        ["deathDate", "deathCause", "deathCauseOther"],
        ["Death date", "Cause of death", "Other cause"],
        DEATH_CAUSES,
      )}
      {ending(
        "End of treatment",
        ["offTreatmentDate", "offTreatmentReason", "offTreatmentReasonOther"],
        ["Off-treatment date", "Reason off treatment", "Other reason off treatment"],
        OFF_TREATMENT_REASONS,
      )}
      {ending(
        "End of study",
        ["offStudyDate", "offStudyReason", "offStudyReasonOther"],
        ["Off-study date", "Reason off study", "Other reason off study"],
        OFF_STUDY_REASONS,
      )}
      <ComputedNote testId="survival-endpoints">
        <strong>Survival from enrollment ({props.context.enrollmentDate ?? "not enrolled"})</strong>
        {live.endpoints ? (
          <ul>
            <Endpoint name="Progression-free survival" endpoint={live.endpoints.pfs} />
            <Endpoint name="Overall survival" endpoint={live.endpoints.os} />
          </ul>
        ) : (
          <p className="muted">
            {Object.values(live.errors)[0]?.[0] ?? "Enter the last date known alive or the death date."}
          </p>
        )}
      </ComputedNote>
      <FormFooter {...footer} submitting={isSubmitting} />
    </form>
  );
}
