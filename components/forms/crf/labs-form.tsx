"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import Link from "next/link";
import { useEffect, useRef } from "react";
import { useForm, useWatch } from "react-hook-form";
import { rangeInForce, rangeLimitsIn } from "@/lib/domain/ctcae/site-reference-range";
import { computeLabs, type LabsBaseline } from "@/lib/forms/labs/compute-labs";
import { LAB_PANEL } from "@/lib/forms/labs/lab-panel";
import { isRealCalendarDate } from "@/lib/schemas/iso-date";
import { LabsSchema, type LabsData } from "@/lib/forms/labs/labs-schema";
import type { CrfFormProps } from "./crf-form-props";
import { FormFooter } from "./form-footer";
import { LabRow } from "./labs/lab-row";
import { useCrfSave } from "./use-crf-save";
import { formatDate } from "@/lib/format-date";
import { RecordDateField } from "./record-date-field";
import { ComputedNote } from "@/components/forms/crf/computed-note";

// No limits until the sample date picks the site laboratory's range in force: no generic default is ever graded against.
function emptyPanel(): LabsData {
  return {
    sampleDate: "",
    results: Object.fromEntries(
      LAB_PANEL.map((p) => [p.test, { value: null, unit: p.defaultUnit, lln: null, uln: null }]),
    ) as LabsData["results"],
  };
}

/** Which pre-treatment labs bilirubin, AST, ALT, ALP and creatinine are graded against (CTCAE v5.0). */
function describeBaseline(baseline: LabsBaseline | null): string {
  if (!baseline) return "";
  if (baseline.status === "pre-treatment") return "Sampled before treatment: these results are the patient's baseline.";
  const from = baseline.sources.map((s) => formatDate(s.sampleDate)).join(" and ");
  const found = from ? `Baseline for bilirubin, AST, ALT, ALP and creatinine: the pre-treatment labs of ${from}.` : "";
  return baseline.status === "missing"
    ? `${found} No pre-treatment baseline for ${baseline.missingTests.join(", ")}: graded as if normal.`.trim()
    : found;
}

export function LabsForm(props: CrfFormProps) {
  const form = useForm<LabsData>({
    resolver: zodResolver(LabsSchema),
    defaultValues: (props.record?.data as LabsData | undefined) ?? emptyPanel(),
  });
  const { formProps, ...footer } = useCrfSave("labs", props, form);
  const values = useWatch({ control: form.control });
  // The same grading the server stores (lib/forms/labs -> lib/domain/ctcae gradeLabValue), live.
  const computed = computeLabs(values, props.context);
  const { isSubmitting } = form.formState;
  const labRanges = props.context.labReferenceRanges;
  const sampleDate = values.sampleDate ?? "";
  const sampleDay = isRealCalendarDate(sampleDate) ? sampleDate : null;

  // A (new) sample date fills every limit from the site's range in force that day, in the unit
  // the row is recorded in; the saved form's own limits stay until its date changes.
  const filledFor = useRef((props.record?.data as LabsData | undefined)?.sampleDate ?? "");
  useEffect(() => {
    if (!labRanges || !sampleDay || filledFor.current === sampleDay) return;
    filledFor.current = sampleDay;
    for (const { test } of LAB_PANEL) {
      const range = rangeInForce(labRanges.ranges, test, sampleDay, labRanges.sex);
      if (!range) continue;
      const limits = rangeLimitsIn(range, form.getValues(`results.${test}.unit`));
      form.setValue(`results.${test}.lln`, limits.lln, { shouldDirty: true });
      form.setValue(`results.${test}.uln`, limits.uln, { shouldDirty: true });
    }
  }, [form, labRanges, sampleDay]);

  return (
    <form {...formProps}>
      <RecordDateField form={form} name="sampleDate" label="Sample date" today={props.today} />
      <p className="muted">
        Leave a value empty when the test was not done.{" "}
        {labRanges
          ? `Normal ranges come from ${labRanges.siteCode}'s laboratory ranges in force on the sample date; a different range needs a reason.`
          : "Enter your laboratory's normal ranges."}{" "}
        <span data-testid="labs-baseline">{describeBaseline(computed.baseline)}</span>
      </p>
      {LAB_PANEL.map((panel) => (
        <LabRow
          key={panel.test}
          form={form}
          panel={panel}
          graded={computed.results[panel.test]}
          siteRange={
            labRanges && sampleDay
              ? {
                  siteCode: labRanges.siteCode,
                  range: rangeInForce(labRanges.ranges, panel.test, sampleDay, labRanges.sex),
                }
              : null
          }
        />
      ))}
      {computed.grade3Plus.length ? (
        <div className="form-error" role="alert" data-testid="grade3-prompt">
          <strong>Grade 3+ laboratory toxicity: record or link an adverse event</strong> for{" "}
          {computed.grade3Plus.map((g) => `${g.term} (grade ${g.grade})`).join(", ")}. The labs stay here, unsaved until
          you save them; each link opens the adverse event form in a new tab, filled with the term, the grade and the
          sample date as onset:{" "}
          {computed.grade3Plus.map((g, index) => (
            <span key={g.term}>
              {index > 0 ? ", " : null}
              <Link
                href={`/patients/${props.patientId}/forms/adverse-event?${new URLSearchParams({ term: g.term, grade: String(g.grade), onset: values.sampleDate ?? "" })}`}
                target="_blank"
                rel="noopener"
              >
                Record an adverse event: {g.term}
              </Link>
            </span>
          ))}
        </div>
      ) : null}
      <ComputedNote testId="labs-summary" as="p" live={false}>
        {computed.summary}
      </ComputedNote>
      <FormFooter {...footer} submitting={isSubmitting} />
    </form>
  );
}
