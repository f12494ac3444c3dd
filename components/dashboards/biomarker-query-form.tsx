import type { BiomarkerView } from "./biomarker-view";

/** The analysis asked for (cytokine, endpoint, cut), submitted as a GET so the result has its own address. */
export function BiomarkerQueryForm({
  view,
  cutValue,
  errors,
}: {
  view: BiomarkerView;
  cutValue: string;
  errors: Record<string, string[] | undefined>;
}) {
  const unit = view.unit ?? "";
  return (
    <form method="get" className="inline-form" aria-label="Biomarker analysis">
      <div className="field">
        <label htmlFor="cytokine">Cytokine</label>
        <select id="cytokine" name="cytokine" defaultValue={view.cytokine}>
          {(view.cytokines.length ? view.cytokines : [view.cytokine]).map((name) => (
            <option key={name}>{name}</option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="endpoint">Endpoint</label>
        <select id="endpoint" name="endpoint" defaultValue={view.endpoint}>
          <option value="os">Overall survival</option>
          <option value="pfs">Progression-free survival</option>
        </select>
      </div>
      <div className="field">
        <label htmlFor="cut">High/low cut (&quot;median&quot; or a level in {unit || "the assay unit"})</label>
        <input
          id="cut"
          name="cut"
          defaultValue={cutValue}
          aria-invalid={errors.cut ? true : undefined}
          aria-describedby={errors.cut ? "cut-error" : undefined}
        />
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
  );
}
