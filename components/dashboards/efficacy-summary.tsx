import type { EfficacySummary, EndpointSummary } from "@/lib/analysis/efficacy";
import { formatMonths, formatPercent } from "./format";

const BOR_LABELS = {
  CR: "Complete response",
  PR: "Partial response",
  SD: "Stable disease",
  PD: "Progressive disease",
  NE: "Not evaluable",
} as const;

function Median({ name, endpoint, testId }: { name: string; endpoint: EndpointSummary; testId: string }) {
  return (
    <div className="stat">
      <dt>{name}</dt>
      <dd data-testid={testId}>
        <strong>{formatMonths(endpoint.median)}</strong> months (95% CI{" "}
        <span data-testid={`${testId}-ci`}>
          {formatMonths(endpoint.lower)}-{formatMonths(endpoint.upper)}
        </span>
        )
        <br />
        <span className="muted">
          {endpoint.events} events in {endpoint.n} patients
        </span>
      </dd>
    </div>
  );
}

/** The efficacy headline: response rates with exact intervals and the median PFS and OS. */
export function EfficacyStats({ summary }: { summary: EfficacySummary }) {
  const rate = (r: typeof summary.orr) =>
    `${r.responders}/${r.n} (${formatPercent(r.estimate)}; exact 95% CI ${formatPercent(r.lower)}-${formatPercent(r.upper)})`;
  return (
    <dl className="stats">
      <div className="stat">
        <dt>Objective response rate (CR + PR)</dt>
        <dd data-testid="orr">{rate(summary.orr)}</dd>
      </div>
      <div className="stat">
        <dt>Disease control rate (CR + PR + SD)</dt>
        <dd data-testid="dcr">{rate(summary.dcr)}</dd>
      </div>
      <Median name="Median progression-free survival" endpoint={summary.pfs} testId="pfs-median" />
      <Median name="Median overall survival" endpoint={summary.os} testId="os-median" />
    </dl>
  );
}

/** Patients by best overall response, as counts and shares of the enrolled. */
export function BestResponseTable({ summary }: { summary: EfficacySummary }) {
  return (
    <section className="card">
      <h2>Best overall response</h2>
      <table data-testid="bor-table">
        <thead>
          <tr>
            <th scope="col">Best overall response</th>
            <th scope="col">Patients</th>
            <th scope="col">% of {summary.n}</th>
          </tr>
        </thead>
        <tbody>
          {(["CR", "PR", "SD", "PD", "NE"] as const).map((r) => (
            <tr key={r}>
              <th scope="row">
                {BOR_LABELS[r]} ({r})
              </th>
              <td>{summary.bor[r]}</td>
              <td>{formatPercent(summary.bor[r] / summary.n)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
