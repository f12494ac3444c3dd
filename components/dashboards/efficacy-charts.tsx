import Link from "next/link";
import { KmPlot } from "@/components/charts/km-plot";
import { SwimmerPlot } from "@/components/charts/swimmer-plot";
import { WaterfallPlot } from "@/components/charts/waterfall-plot";
import type { EfficacyAnalysis } from "@/lib/analysis/cohort-analysis";
import { pageOf } from "@/lib/page-of";

/**
 * Lanes per swimmer page: a PI reads a few dozen lanes, not 10,000 (14 px each, megabytes of
 * SVG). Every patient stays reachable page by page, longest follow-up first.
 */
const SWIMMER_LANES_PER_PAGE = 50;

/** Kaplan-Meier curves of PFS and OS with their pointwise bands. */
export function SurvivalSection({
  pfsCurve,
  osCurve,
  ciMethod,
}: Pick<EfficacyAnalysis, "pfsCurve" | "osCurve"> & { ciMethod: string }) {
  return (
    <section className="card chart-grid">
      <h2>Survival</h2>
      {pfsCurve ? (
        <KmPlot
          id="km-pfs"
          title={`Progression-free survival (${ciMethod} 95% CI)`}
          series={[{ label: "PFS", color: "#1f5fa8", curve: pfsCurve }]}
          yLabel="Progression-free probability"
        />
      ) : null}
      {osCurve ? (
        <KmPlot
          id="km-os"
          title={`Overall survival (${ciMethod} 95% CI)`}
          series={[{ label: "OS", color: "#b42318", curve: osCurve }]}
          yLabel="Survival probability"
        />
      ) : null}
      <p className="muted">Shaded: pointwise 95% band ({pfsCurve?.bandMethod}); ticks: censored; dotted: median.</p>
    </section>
  );
}

/** Best change in the sum of target lesions per patient. */
export function ShrinkageSection({ waterfall }: Pick<EfficacyAnalysis, "waterfall">) {
  return (
    <section className="card">
      <h2>Tumour shrinkage</h2>
      {waterfall.bars.length ? <WaterfallPlot id="waterfall" bars={waterfall.bars} /> : null}
      <p className="muted">{waterfall.notMeasured} patients without a measured follow-up assessment are not shown.</p>
    </section>
  );
}

/** Treatment and follow-up lanes, a page of them at a time, longest follow-up first. */
export function SwimmerSection({
  swimmer,
  requestedPage,
  ciMethod,
}: Pick<EfficacyAnalysis, "swimmer"> & { requestedPage: string | string[] | undefined; ciMethod: string }) {
  const { items: lanes, page, pages, first, last } = pageOf(swimmer, requestedPage, SWIMMER_LANES_PER_PAGE);
  const pageLink = (to: number) =>
    `/dashboards/efficacy?${new URLSearchParams({ ciMethod, swimmerPage: String(to) })}#swimmer-heading`;
  return (
    <section className="card" aria-labelledby="swimmer-heading">
      <h2 id="swimmer-heading">Treatment and follow-up</h2>
      <SwimmerPlot
        id="swimmer"
        lanes={lanes}
        cohort={swimmer}
        caption={
          pages > 1 ? (
            <nav aria-label="Swimmer plot pages" className="muted" data-testid="swimmer-pages">
              Showing patients {first}-{last} of {swimmer.length}, longest follow-up first (page {page} of {pages}).{" "}
              {page > 1 ? <Link href={pageLink(page - 1)}>Previous {SWIMMER_LANES_PER_PAGE}</Link> : null}
              {page > 1 && page < pages ? " · " : null}
              {page < pages ? <Link href={pageLink(page + 1)}>Next {SWIMMER_LANES_PER_PAGE}</Link> : null}
            </nav>
          ) : null
        }
      />
    </section>
  );
}
