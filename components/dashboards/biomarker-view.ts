import type { BiomarkerAnalysis } from "@/lib/analysis/biomarkers";

/** One biomarker analysis as the dashboard shows it: the result, what was asked, and the cytokines to choose from. */
export type BiomarkerView = BiomarkerAnalysis & { cytokine: string; endpoint: "os" | "pfs"; cytokines: string[] };

export const endpointNameOf = (view: BiomarkerView) =>
  view.endpoint === "os" ? "overall survival" : "progression-free survival";

export const cutTextOf = (view: BiomarkerView) =>
  view.cut === null
    ? "no cut"
    : `${view.cutMethod === "median" ? "median, " : ""}${+view.cut.toPrecision(3)} ${view.unit ?? ""}`;
