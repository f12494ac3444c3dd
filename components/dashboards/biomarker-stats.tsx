import type { HazardRatio } from "@/lib/analysis/biomarkers";
import { endpointNameOf, type BiomarkerView } from "./biomarker-view";
import { formatMonths, formatP } from "./format";

const hazard = (h: HazardRatio | null) =>
  h ? `${h.hr.toFixed(2)} (95% CI ${h.lower.toFixed(2)}-${h.upper.toFixed(2)}), p ${formatP(h.p)}` : "not estimable";

/** High against low: log-rank, Cox hazard ratios and the medians of the chosen endpoint. */
export function BiomarkerStats({ view }: { view: BiomarkerView }) {
  return (
    <dl className="stats" data-testid="biomarker-stats">
      <div className="stat">
        <dt>Log-rank test, high vs low</dt>
        <dd>
          {view.logRank
            ? `χ² ${view.logRank.chisq.toFixed(2)} on ${view.logRank.df} df, p ${formatP(view.logRank.p)}`
            : "not estimable"}
        </dd>
      </div>
      <div className="stat">
        <dt>Cox hazard ratio, high vs low</dt>
        <dd>{hazard(view.coxHighVsLow)}</dd>
      </div>
      <div className="stat">
        <dt>Cox hazard ratio per doubling of {view.cytokine} (continuous, log2)</dt>
        <dd>{hazard(view.coxPerDoubling)}</dd>
      </div>
      <div className="stat">
        <dt>Median {endpointNameOf(view)}</dt>
        <dd>
          high {formatMonths(view.high?.curve.median.median ?? null)} vs low{" "}
          {formatMonths(view.low?.curve.median.median ?? null)} months
        </dd>
      </div>
    </dl>
  );
}
