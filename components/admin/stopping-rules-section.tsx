import { StoppingRulesForm } from "@/components/forms/admin/stopping-rules-form";
import { SimonDesignTable } from "@/components/dashboards/simon-design-table";
import type { StoppingRulesView } from "@/lib/data/stopping-rules-settings";

const CHOICE_LABELS = { OPTIMAL: "optimal", MINIMAX: "minimax", CUSTOM: "the protocol's own" } as const;

/** The stopping rules on the study settings page: the designs the rates give, then the form. */
export function StoppingRulesSection({ rules }: { rules: StoppingRulesView }) {
  const rows = [
    ...(rules.computed
      ? [
          { label: "Optimal", design: rules.computed.optimal },
          { label: "Minimax", design: rules.computed.minimax },
        ]
      : []),
    ...(rules.response.designChoice === "CUSTOM" ? [{ label: "Protocol's own", design: rules.design }] : []),
  ];
  return (
    <section className="card narrow-wide" aria-labelledby="stopping-rules-heading">
      <h2 id="stopping-rules-heading">Stopping rules</h2>
      <p className="muted">
        Simon two-stage designs computed by exact binomial enumeration (Simon, Control Clin Trials 1989;10:1-10) for p0
        = {rules.response.p0}, p1 = {rules.response.p1}, alpha = {rules.response.alpha}, beta = {rules.response.beta};
        the {CHOICE_LABELS[rules.response.designChoice]} design is in force. The PI dashboard (Stopping rules) shows
        where the trial stands.
      </p>
      <SimonDesignTable id="admin-simon-designs" rows={rows} />
      <p className="muted">Dose-limiting toxicity: {rules.dltDefinition}</p>
      <StoppingRulesForm
        key={rules.version}
        version={rules.version}
        initial={{
          responseP0: String(rules.response.p0),
          responseP1: String(rules.response.p1),
          responseAlpha: String(rules.response.alpha),
          responseBeta: String(rules.response.beta),
          designChoice: rules.response.designChoice,
          customR1: rules.custom ? String(rules.custom.r1) : "",
          customN1: rules.custom ? String(rules.custom.n1) : "",
          customR: rules.custom ? String(rules.custom.r) : "",
          customN: rules.custom ? String(rules.custom.n) : "",
          toxicityTheta: String(rules.toxicity.theta),
          toxicityThreshold: String(rules.toxicity.threshold),
          toxicityPriorA: String(rules.toxicity.priorA),
          toxicityPriorB: String(rules.toxicity.priorB),
        }}
      />
    </section>
  );
}
