import { formatPercent } from "@/components/dashboards/format";
import { SimonDesignTable } from "@/components/dashboards/simon-design-table";
import type { StoppingRuleStatus } from "@/lib/data/stopping-rules";
import type { SimonStatus } from "@/lib/domain/trial-design/simon-stage-status";
import { TableHead } from "@/components/ui/table-head";

const CHOICE_LABELS = { OPTIMAL: "Optimal", MINIMAX: "Minimax", CUSTOM: "Protocol's own" } as const;

function describeResponseStatus(status: SimonStatus, s: StoppingRuleStatus): string {
  const { design } = s.rules;
  switch (status) {
    case "stage-1":
      return `Continue stage 1: ${s.response.stage1.evaluated} of n1 = ${design.n1} evaluable patients; more than r1 = ${design.r1} responders needed to go on.`;
    case "stop-futility-stage-1":
      return `Stop for futility after stage 1: responders ≤ r1 = ${design.r1} in the first n1 = ${design.n1}.`;
    case "stage-2":
      return `Continue stage 2: ${s.response.overall.evaluated} of n = ${design.n} evaluable patients; more than r = ${design.r} responders in total rejects p0.`;
    case "futile":
      return `Stop for futility: the total cannot exceed r = ${design.r} responders of n = ${design.n}; the treatment is rejected.`;
    case "promising":
      return `Promising: more than r = ${design.r} responders in the first n = ${design.n}; the uninteresting rate p0 is rejected.`;
  }
}

/** The PI's view of the stopping rules: status, the Simon design and where the responders stand, DLTs against the boundary. */
export function StoppingRulePanel({ status: s }: { status: StoppingRuleStatus }) {
  const { rules, response, toxicity } = s;
  const { design } = rules;
  const boundaryRows = toxicity.boundaryTable;
  return (
    <>
      {s.alerts.length ? (
        <section
          className="card form-error"
          role="alert"
          data-testid="stopping-alert"
          aria-labelledby="stopping-alert-heading"
        >
          <h2 id="stopping-alert-heading">Stopping boundary crossed</h2>
          <ul>
            {s.alerts.map((alert) => (
              <li key={alert}>{alert}</li>
            ))}
          </ul>
        </section>
      ) : null}
      <section className="card" aria-labelledby="response-rule-heading">
        <h2 id="response-rule-heading">Response: Simon two-stage design</h2>
        <p data-testid="response-status">
          <strong>{describeResponseStatus(response.status, s)}</strong>
        </p>
        <SimonDesignTable
          id="simon-design"
          rows={[{ label: `${CHOICE_LABELS[rules.response.designChoice]} (in force)`, design }]}
        />
        <p className="muted">
          For p0 = {rules.response.p0}, p1 = {rules.response.p1}, one-sided alpha {rules.response.alpha}, power{" "}
          {(1 - rules.response.beta).toFixed(2)} (Simon, Control Clin Trials 1989;10:1-10).
        </p>
        <dl className="stats">
          <div className="stat">
            <dt>Evaluable patients</dt>
            <dd data-testid="evaluable">
              {response.evaluable} of {s.enrolled} enrolled
            </dd>
          </div>
          <div className="stat">
            <dt>Stage 1 responders (first n1 evaluable)</dt>
            <dd data-testid="stage1-responders">
              {response.stage1.responders} in {response.stage1.evaluated} of {design.n1}; stop if ≤ {design.r1}
            </dd>
          </div>
          <div className="stat">
            <dt>Responders in total (first n evaluable)</dt>
            <dd data-testid="total-responders">
              {response.overall.responders} in {response.overall.evaluated} of {design.n}; reject if ≤ {design.r}
            </dd>
          </div>
        </dl>
        <p className="muted">
          Evaluable: a best overall response other than NE so far; responders: confirmed CR or PR, both exactly as on
          the Efficacy dashboard (RECIST 1.0), in order of enrollment.{" "}
          {response.beyondDesign
            ? `${response.beyondDesign} evaluable patients beyond n are not part of the design's decision.`
            : null}
        </p>
      </section>
      <section className="card" aria-labelledby="toxicity-rule-heading">
        <h2 id="toxicity-rule-heading">Toxicity: Bayesian monitoring of dose-limiting toxicity</h2>
        <p data-testid="toxicity-status">
          <strong>
            {toxicity.crossed ? "Boundary crossed: stop enrolment." : "Continue: below the boundary."}{" "}
            {toxicity.toxicities} of {toxicity.patients} patients with a DLT; P(DLT rate &gt;{" "}
            {formatPercent(rules.toxicity.theta)}){" "}
            {toxicity.probability < 0.001 ? "< 0.001" : `= ${toxicity.probability.toFixed(3)}`} (stop above{" "}
            {rules.toxicity.threshold}).
          </strong>
        </p>
        <p data-testid="toxicity-boundary">
          {toxicity.stopAt === null
            ? `No number of DLTs in ${toxicity.patients} patients stops the trial yet`
            : `Stop at ${toxicity.stopAt} or more patients with a DLT in ${toxicity.patients}`}
          ; with the next patient:{" "}
          {toxicity.stopAtNext === null ? "none" : `${toxicity.stopAtNext} or more in ${toxicity.patients + 1}`}.
        </p>
        <p className="muted">
          Stop if P(DLT rate &gt; θ = {rules.toxicity.theta} | data) &gt; c = {rules.toxicity.threshold}, prior Beta(
          {rules.toxicity.priorA}, {rules.toxicity.priorB}), posterior Beta(a + DLTs, b + patients − DLTs) (Thall,
          Simon, Estey, Stat Med 1995;14:357-379). {rules.dltDefinition}
        </p>
        <details>
          <summary>Boundary for 1 to {boundaryRows.length} patients</summary>
          <table data-testid="toxicity-boundary-table">
            <TableHead columns={["Patients", "Stop at DLTs ≥"]} />
            <tbody>
              {boundaryRows.map((row) => (
                <tr key={row.patients}>
                  <td>{row.patients}</td>
                  <td>{row.stopAt ?? "-"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </details>
      </section>
    </>
  );
}
