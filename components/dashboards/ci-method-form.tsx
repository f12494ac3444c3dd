import { CI_METHODS } from "@/lib/schemas/analysis";
import { Options } from "@/components/ui/options";

const LABELS: Readonly<Record<(typeof CI_METHODS)[number], string>> = {
  "log-log": "log-log (Kalbfleisch-Prentice; Brookmeyer-Crowley median)",
  log: "log (R survival default)",
  plain: "plain (linear)",
  symmetric: "symmetric: median ± 1.96 SE (Collett; SPSS, as published)",
};

/** A plain GET form: the page recomputes every interval with the chosen method (works without JavaScript). */
export function CiMethodForm({ value }: { value: string }) {
  return (
    <form method="get" className="inline-form" aria-label="Confidence interval method">
      <div className="field">
        <label htmlFor="ciMethod">95% CI method for the medians and bands</label>
        <select id="ciMethod" name="ciMethod" defaultValue={value}>
          <Options values={CI_METHODS} label={(method) => LABELS[method]} />
        </select>
      </div>
      <button type="submit" className="button">
        Apply
      </button>
    </form>
  );
}
