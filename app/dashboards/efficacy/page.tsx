import type { Metadata } from "next";
import Link from "next/link";
import { KmPlot } from "@/components/charts/km-plot";
import { SwimmerPlot } from "@/components/charts/swimmer-plot";
import { WaterfallPlot } from "@/components/charts/waterfall-plot";
import { CiMethodForm } from "@/components/dashboards/ci-method-form";
import { DashboardNav } from "@/components/dashboards/dashboard-nav";
import { formatMonths, formatPercent } from "@/components/dashboards/format";
import type { EndpointSummary } from "@/lib/analysis/efficacy";
import { requirePermission } from "@/lib/auth/require-permission";
import { getEfficacyAnalysis } from "@/lib/data/analysis";
import { DEFAULT_CI_METHOD, EfficacyQuerySchema } from "@/lib/schemas/analysis";
import { pageOf } from "@/lib/page-of";

export const metadata: Metadata = { title: "Efficacy" };

const BOR_LABELS = { CR: "Complete response", PR: "Partial response", SD: "Stable disease", PD: "Progressive disease", NE: "Not evaluable" } as const;

function Median({ name, endpoint, testId }: { name: string; endpoint: EndpointSummary; testId: string }) {
  return (
    <div className="stat">
      <dt>{name}</dt>
      <dd data-testid={testId}>
        <strong>{formatMonths(endpoint.median)}</strong> months (95% CI <span data-testid={`${testId}-ci`}>{formatMonths(endpoint.lower)}-{formatMonths(endpoint.upper)}</span>)
        <br />
        <span className="muted">
          {endpoint.events} events in {endpoint.n} patients
        </span>
      </dd>
    </div>
  );
}

/**
 * Lanes per swimmer page: a PI reads a few dozen lanes, not 10,000 (14 px each, megabytes of
 * SVG). Every patient stays reachable page by page, longest follow-up first.
 */
const SWIMMER_LANES_PER_PAGE = 50;

export default async function EfficacyDashboard({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requirePermission("dashboard.read", "/dashboards/efficacy");
  const params = await searchParams;
  const query = EfficacyQuerySchema.safeParse(params);
  const ciMethod = query.success ? query.data.ciMethod : DEFAULT_CI_METHOD;
  const { summary, pfsCurve, osCurve, waterfall, swimmer } = await getEfficacyAnalysis(actor, { ciMethod });
  const { items: lanes, page, pages, first, last } = pageOf(swimmer, params.swimmerPage, SWIMMER_LANES_PER_PAGE);
  const pageLink = (to: number) => `/dashboards/efficacy?${new URLSearchParams({ ciMethod, swimmerPage: String(to) })}#swimmer-heading`;
  const rate = (r: typeof summary.orr) => `${r.responders}/${r.n} (${formatPercent(r.estimate)}; exact 95% CI ${formatPercent(r.lower)}-${formatPercent(r.upper)})`;
  return (
    <>
      <DashboardNav current="/dashboards/efficacy" />
      <section className="card">
        <h1>Efficacy</h1>
        <p className="muted">
          <span className="computed-badge">computed</span> from the saved forms of every enrolled patient (intention to treat): best overall response by RECIST 1.0 with
          confirmation, Clopper-Pearson intervals, Kaplan-Meier PFS and OS in months of 30.4375 days.
        </p>
        {query.success ? null : <p className="form-error">Unknown CI method: showing {DEFAULT_CI_METHOD}.</p>}
        <CiMethodForm value={ciMethod} />
        {summary.n === 0 ? (
          <p>No enrolled patients yet.</p>
        ) : (
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
        )}
      </section>
      {summary.n > 0 ? (
        <>
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
          <section className="card chart-grid">
            <h2>Survival</h2>
            {pfsCurve ? <KmPlot id="km-pfs" title={`Progression-free survival (${ciMethod} 95% CI)`} series={[{ label: "PFS", color: "#1f5fa8", curve: pfsCurve }]} yLabel="Progression-free probability" /> : null}
            {osCurve ? <KmPlot id="km-os" title={`Overall survival (${ciMethod} 95% CI)`} series={[{ label: "OS", color: "#b42318", curve: osCurve }]} yLabel="Survival probability" /> : null}
            <p className="muted">Shaded: pointwise 95% band ({pfsCurve?.bandMethod}); ticks: censored; dotted: median.</p>
          </section>
          <section className="card">
            <h2>Tumour shrinkage</h2>
            {waterfall.bars.length ? <WaterfallPlot id="waterfall" bars={waterfall.bars} /> : null}
            <p className="muted">{waterfall.notMeasured} patients without a measured follow-up assessment are not shown.</p>
          </section>
          <section className="card" aria-labelledby="swimmer-heading">
            <h2 id="swimmer-heading">Treatment and follow-up</h2>
            <SwimmerPlot
              id="swimmer"
              lanes={lanes}
              cohort={swimmer}
              caption={
                pages > 1 ? (
                  <nav aria-label="Swimmer plot pages" className="muted" data-testid="swimmer-pages">
                    Showing patients {first}-{last} of {swimmer.length}, longest follow-up first
                    (page {page} of {pages}).{" "}
                    {page > 1 ? <Link href={pageLink(page - 1)}>Previous {SWIMMER_LANES_PER_PAGE}</Link> : null}
                    {page > 1 && page < pages ? " · " : null}
                    {page < pages ? <Link href={pageLink(page + 1)}>Next {SWIMMER_LANES_PER_PAGE}</Link> : null}
                  </nav>
                ) : null
              }
            />
          </section>
        </>
      ) : null}
    </>
  );
}
