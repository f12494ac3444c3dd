import { labelResponse } from "@/lib/domain/recist";
import { formatPercentChange, NOT_ASSESSED_SUMMARY, type FollowUpEvaluation } from "@/lib/forms/tumour-response";
import { TRIAL_RECIST_VERSION } from "@/lib/forms/tumour-schemas";
import { ComputedNote } from "@/components/forms/crf/computed-note";

/** The RECIST figures of a follow-up, computed live by lib/domain/recist assessTimepoint. */
export function TumourResponsePanel({
  evaluation,
  inputsComplete = true,
}: {
  evaluation: FollowUpEvaluation | null;
  inputsComplete?: boolean;
}) {
  if (!evaluation) {
    return (
      <ComputedNote testId="tumour-response">
        The response is computed once the baseline lesions are recorded.
      </ComputedNote>
    );
  }
  const a = evaluation.assessment;
  // Until every target lesion is measured or given a status, an empty form would read as a sum
  // of 0 mm and -100% (a complete response at a glance): show nothing computed instead. And
  // with a lesion not assessed there is no RECIST sum at all.
  const shown = (text: string) => (inputsComplete ? text : "—");
  const shownSum = (text: string) => (inputsComplete && evaluation.sumComplete ? text : "—");
  return (
    <div className="computed" aria-live="polite" data-testid="tumour-response">
      <p>
        <span className="computed-badge">computed</span> RECIST {TRIAL_RECIST_VERSION}
        {inputsComplete ? "" : ": computed once every target lesion is measured or given a status"}
      </p>
      <dl className="facts">
        <dt>Sum of diameters</dt>
        <dd data-testid="current-sum">{shownSum(`${a.currentSumMm} mm`)}</dd>
        <dt>Baseline sum</dt>
        <dd>{a.baselineSumMm} mm</dd>
        <dt>Nadir (smallest sum so far)</dt>
        <dd>{shown(`${a.nadirSumMm} mm`)}</dd>
        <dt>Change from baseline</dt>
        <dd data-testid="pct-baseline">{shownSum(formatPercentChange(a.pctFromBaseline))}</dd>
        <dt>Change from nadir</dt>
        <dd data-testid="pct-nadir">
          {shownSum(a.pctFromNadir === null ? "not defined (nadir 0 mm)" : formatPercentChange(a.pctFromNadir))}
        </dd>
        <dt>Target lesion response</dt>
        <dd>{shown(labelResponse(a.targetResponse))}</dd>
        <dt>Timepoint response (computed)</dt>
        <dd data-testid="computed-response">
          <strong>
            {evaluation.summary === NOT_ASSESSED_SUMMARY
              ? "Not assessed"
              : shown(labelResponse(evaluation.computedResponse))}
          </strong>
        </dd>
        {a.notAssessedLesionIds.length ? (
          <>
            <dt>Not assessed</dt>
            <dd>{a.notAssessedLesionIds.join(", ")}</dd>
          </>
        ) : null}
      </dl>
    </div>
  );
}
