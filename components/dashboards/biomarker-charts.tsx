import { KmPlot } from "@/components/charts/km-plot";
import { STRIP_POINTS_WITH_TOOLTIPS, StripBoxPlot } from "@/components/charts/strip-box-plot";
import { cutTextOf, endpointNameOf, type BiomarkerView } from "./biomarker-view";

const HIGH = "#b42318";
const LOW = "#1f5fa8";

/** The baseline levels by group (strip and box plot) and the endpoint's curves, high against low. */
export function BiomarkerCharts({ view }: { view: BiomarkerView }) {
  const unit = view.unit ?? "";
  const endpointName = endpointNameOf(view);
  const cutText = cutTextOf(view);
  // Each group's points, in one pass over the patients.
  const stripValues: Record<"high" | "low", BiomarkerView["points"]> = { high: [], low: [] };
  for (const p of view.points) stripValues[p.group].push(p);
  return (
    <section className="card">
      <h2>Distribution</h2>
      <StripBoxPlot
        id={`distribution-${view.cytokine}`}
        title={`Baseline ${view.cytokine} (${unit}) by group`}
        description={`${view.n} patients${view.n > STRIP_POINTS_WITH_TOOLTIPS ? " (a point per patient, without a tooltip each at this size)" : ""}; quartiles ${view.distribution ? `${+view.distribution.q1.toPrecision(3)}, ${+view.distribution.median.toPrecision(3)}, ${+view.distribution.q3.toPrecision(3)}` : ""} ${unit}; cut ${cutText}.`}
        yLabel={`${view.cytokine} (${unit}, log scale)`}
        groups={(["high", "low"] as const).map((group) => {
          // Past this many the plot draws one path without a tooltip per point: no title to build.
          const titled = stripValues[group].length <= STRIP_POINTS_WITH_TOOLTIPS;
          return {
            label: group === "high" ? "High" : "Low",
            color: group === "high" ? HIGH : LOW,
            values: stripValues[group].map((p) => ({
              value: p.value,
              hollow: p.belowLloq,
              title: titled ? `${+p.value.toPrecision(3)} ${unit}${p.belowLloq ? " (below LLOQ)" : ""}` : "",
            })),
            box: view[group]?.distribution ?? null,
          };
        })}
        references={
          view.cut === null
            ? []
            : [{ label: view.cutMethod === "median" ? "median (cut)" : "cut", value: view.cut, color: "#344054" }]
        }
      />
      {view.high && view.low ? (
        <KmPlot
          id={`km-${view.cytokine}-${view.endpoint}`}
          title={`${endpointName[0]!.toUpperCase()}${endpointName.slice(1)} by baseline ${view.cytokine}`}
          series={[
            { label: `High ${view.cytokine}`, color: HIGH, curve: view.high.curve },
            { label: `Low ${view.cytokine}`, color: LOW, dash: "6 3", curve: view.low.curve },
          ]}
        />
      ) : null}
    </section>
  );
}
