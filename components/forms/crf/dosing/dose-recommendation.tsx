"use client";

import type { UseFormReturn } from "react-hook-form";
import { TextField } from "@/components/ui/text-field";
import { departsFromRecommendation, type DrugRecommendation } from "@/lib/domain/dosing/dose-modification";
import type { DosingData } from "@/lib/forms/dosing/dosing-schema";
import { formatDate } from "@/lib/format-date";
import { ComputedNote } from "@/components/forms/crf/computed-note";

const ACTION: Record<DrugRecommendation["action"], string> = {
  continue: "Continue",
  reduce: "Reduce one level",
  hold: "Hold",
  discontinue: "Discontinue",
};

/**
 * The protocol's dose-modification table applied to this visit (lib/domain/dosing/dose-modification):
 * the recommended action and level, the rule, and the records it came from. Choosing otherwise
 * asks for a reason, which the server records as a protocol deviation.
 */
export function DoseRecommendation({
  form,
  drug,
  name,
  recommendation,
}: {
  form: UseFormReturn<DosingData>;
  drug: "uft" | "thalidomide";
  name: string;
  recommendation: DrugRecommendation;
}) {
  const status = form.watch(`${drug}.status`);
  const level = form.watch(`${drug}.doseLevel`);
  const departs =
    typeof status === "string" &&
    typeof level === "number" &&
    departsFromRecommendation(recommendation, { status, doseLevel: level });
  const error = form.formState.errors[drug]?.deviationReason?.message;
  return (
    <ComputedNote testId={`${drug}-recommendation`} badge="protocol table">
      <strong>
        {name}: {ACTION[recommendation.action]}
        {recommendation.action === "continue" ? "" : ` (level ${recommendation.doseLevel})`}
      </strong>
      {recommendation.rule ? (
        <>
          {" "}
          because {recommendation.rule}. {recommendation.restart ? `Restart: ${recommendation.restart}.` : null}
          <ul>
            {recommendation.sources.map((s) => (
              <li key={`${s.recordId}-${s.term}`}>
                {s.source === "lab" ? "Labs" : "Adverse event"} of {formatDate(s.date)}: {s.term}, grade {s.grade}
              </li>
            ))}
          </ul>
        </>
      ) : (
        " : no toxicity in the latest labs or ongoing adverse events reaches the table."
      )}
      {departs || error ? (
        <TextField
          id={`${drug}-deviationReason`}
          label={`Reason for departing from the protocol's table (recorded as a protocol deviation)`}
          error={error}
          {...form.register(`${drug}.deviationReason`)}
        />
      ) : null}
    </ComputedNote>
  );
}
