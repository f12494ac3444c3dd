import type { Metadata } from "next";
import { KmPlot } from "@/components/charts/km-plot";
import { STRIP_POINTS_WITH_TOOLTIPS, StripBoxPlot } from "@/components/charts/strip-box-plot";
import { DashboardNav } from "@/components/dashboards/dashboard-nav";
import { formatMonths, formatP } from "@/components/dashboards/format";
import type { HazardRatio } from "@/lib/analysis/biomarkers";
import { requirePermission } from "@/lib/auth/require-permission";
import { getBiomarkerAnalysis } from "@/lib/data/analysis";
import { BiomarkerQuerySchema } from "@/lib/schemas/analysis";
import { toFieldErrors } from "@/lib/schemas/field-errors";

export const metadata: Metadata = { title: "Biomarkers" };

const HIGH = "#b42318";
const LOW = "#1f5fa8";

const hazard = (h: HazardRatio | null) => (h ? `${h.hr.toFixed(2)} (95% CI ${h.lower.toFixed(2)}-${h.upper.toFixed(2)}), p ${formatP(h.p)}` : "not estimable");

export default async function BiomarkerDashboard({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requirePermission("dashboard.read", "/dashboards/biomarkers");
  const params = await searchParams;
  const parsed = BiomarkerQuerySchema.safeParse(params);
  const errors = parsed.success ? {} : toFieldErrors(parsed.error.issues);
  const request = parsed.success ? parsed.data : BiomarkerQuerySchema.parse({});
  const a = await getBiomarkerAnalysis(actor, request);
  const endpointName = a.endpoint === "os" ? "overall survival" : "progression-free survival";
  const unit = a.unit ?? "";
  const cutText = a.cut === null ? "no cut" : `${a.cutMethod === "median" ? "median, " : ""}${+a.cut.toPrecision(3)} ${unit}`;
  const cutValue = typeof params.cut === "string" ? params.cut : "median";
  return (
    <>
      <DashboardNav current="/dashboards/biomarkers" />
      <section className="card">
        <h1>Baseline cytokines and survival</h1>
        <form method="get" className="inline-form" aria-label="Biomarker analysis">
          <div className="field">
            <label htmlFor="cytokine">Cytokine</label>
            <select id="cytokine" name="cytokine" defaultValue={a.cytokine}>
              {(a.cytokines.length ? a.cytokines : [a.cytokine]).map((name) => (
                <option key={name}>{name}</option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="endpoint">Endpoint</label>
            <select id="endpoint" name="endpoint" defaultValue={a.endpoint}>
              <option value="os">Overall survival</option>
              <option value="pfs">Progression-free survival</option>
            </select>
          </div>
          <div className="field">
            <label htmlFor="cut">High/low cut (&quot;median&quot; or a level in {unit || "the assay unit"})</label>
            <input id="cut" name="cut" defaultValue={cutValue} aria-invalid={errors.cut ? true : undefined} aria-describedby={errors.cut ? "cut-error" : undefined} />
            {errors.cut ? (
              <p id="cut-error" className="field-error">
                {errors.cut.join(" ")}
              </p>
            ) : null}
          </div>
          <button type="submit" className="button">
            Analyse
          </button>
        </form>
        {Object.keys(errors).length ? <p className="form-error">Showing the default analysis: {Object.values(errors).flat().join(" ")}</p> : null}
        <p className="muted">
          <span className="computed-badge">computed</span> {a.n} patients with a baseline {a.cytokine} result ({a.nBelowLloq} below the assay LLOQ, counted at LLOQ/2: lower than every
          measured value, so in the low group; {a.nMissing} without a result, left out). High = above the cut ({cutText}).
        </p>
        {a.warnings.length ? <p className="form-error">{a.warnings.join(" ")}</p> : null}
        <dl className="stats" data-testid="biomarker-stats">
          <div className="stat">
            <dt>Log-rank test, high vs low</dt>
            <dd>{a.logRank ? `χ² ${a.logRank.chisq.toFixed(2)} on ${a.logRank.df} df, p ${formatP(a.logRank.p)}` : "not estimable"}</dd>
          </div>
          <div className="stat">
            <dt>Cox hazard ratio, high vs low</dt>
            <dd>{hazard(a.coxHighVsLow)}</dd>
          </div>
          <div className="stat">
            <dt>Cox hazard ratio per doubling of {a.cytokine} (continuous, log2)</dt>
            <dd>{hazard(a.coxPerDoubling)}</dd>
          </div>
          <div className="stat">
            <dt>Median {endpointName}</dt>
            <dd>
              high {formatMonths(a.high?.curve.median.median ?? null)} vs low {formatMonths(a.low?.curve.median.median ?? null)} months
            </dd>
          </div>
        </dl>
      </section>
      {a.n > 0 ? (
        <section className="card">
          <h2>Distribution</h2>
          <StripBoxPlot
            id={`distribution-${a.cytokine}`}
            title={`Baseline ${a.cytokine} (${unit}) by group`}
            description={`${a.n} patients${a.n > STRIP_POINTS_WITH_TOOLTIPS ? " (a point per patient, without a tooltip each at this size)" : ""}; quartiles ${a.distribution ? `${+a.distribution.q1.toPrecision(3)}, ${+a.distribution.median.toPrecision(3)}, ${+a.distribution.q3.toPrecision(3)}` : ""} ${unit}; cut ${cutText}.`}
            yLabel={`${a.cytokine} (${unit}, log scale)`}
            groups={(["high", "low"] as const).map((group) => {
              const values = a.points.filter((p) => p.group === group);
              return {
                label: group === "high" ? "High" : "Low",
                color: group === "high" ? HIGH : LOW,
                values: values.map((p) => ({ value: p.value, hollow: p.belowLloq, title: `${+p.value.toPrecision(3)} ${unit}${p.belowLloq ? " (below LLOQ)" : ""}` })),
                box: a[group]?.distribution ?? null,
              };
            })}
            references={a.cut === null ? [] : [{ label: a.cutMethod === "median" ? "median (cut)" : "cut", value: a.cut, color: "#344054" }]}
          />
          {a.high && a.low ? (
            <KmPlot
              id={`km-${a.cytokine}-${a.endpoint}`}
              title={`${endpointName[0]!.toUpperCase()}${endpointName.slice(1)} by baseline ${a.cytokine}`}
              series={[
                { label: `High ${a.cytokine}`, color: HIGH, curve: a.high.curve },
                { label: `Low ${a.cytokine}`, color: LOW, dash: "6 3", curve: a.low.curve },
              ]}
            />
          ) : null}
        </section>
      ) : null}
    </>
  );
}
