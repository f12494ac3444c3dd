import type { BaselineScores } from "@/lib/forms/baseline-scores";
import { ComputedNote } from "@/components/forms/crf/computed-note";

function Computed({ testId, label, children }: { testId: string; label: string; children: React.ReactNode }) {
  return (
    <ComputedNote testId={testId}>
      <strong>{label}:</strong> {children}
    </ComputedNote>
  );
}

/** BSA from height and weight (lib/domain/dosing), rounded for display only. */
export function ComputedBsa({ scores }: { scores: BaselineScores }) {
  return (
    <Computed testId="computed-bsa" label="Body surface area">
      {scores.bsa
        ? `${scores.bsa.bsaM2Display.toFixed(2)} m² (${scores.bsa.method === "mosteller" ? "Mosteller" : "DuBois"})`
        : "enter height and weight"}
    </Computed>
  );
}

/** Child-Pugh score and class with the points of each item (lib/domain/liver). */
export function ComputedChildPugh({ scores }: { scores: BaselineScores }) {
  const cp = scores.childPugh;
  return (
    <Computed testId="computed-child-pugh" label="Child-Pugh">
      {cp ? (
        <>
          class {cp.class}, score {cp.score}{" "}
          <span className="muted">
            (bilirubin {cp.points.bilirubin}, albumin {cp.points.albumin}, INR {cp.points.inr}, ascites{" "}
            {cp.points.ascites}, encephalopathy {cp.points.encephalopathy}; bilirubin {+cp.bilirubinMgPerDl.toFixed(2)}{" "}
            mg/dL, albumin {+cp.albuminGPerDl.toFixed(2)} g/dL)
          </span>
        </>
      ) : (
        "enter bilirubin, albumin, INR, ascites and encephalopathy"
      )}
    </Computed>
  );
}

/** CLIP score from the computed Child-Pugh class, and the BCLC stage with the rule that decided it. */
export function ComputedStaging({ scores }: { scores: BaselineScores }) {
  return (
    <>
      <Computed testId="computed-clip" label="CLIP score">
        {scores.clip ? (
          <>
            {scores.clip.score}{" "}
            <span className="muted">
              (Child-Pugh {scores.clip.points.childPugh}, tumour {scores.clip.points.tumour}, AFP{" "}
              {scores.clip.points.afp}, portal vein {scores.clip.points.portalVeinThrombosis})
            </span>
          </>
        ) : (
          "needs Child-Pugh, morphology, extent, AFP and portal vein invasion"
        )}
      </Computed>
      <Computed testId="computed-bclc" label="BCLC stage">
        {scores.bclc ? (
          <>
            {scores.bclc.stage} <span className="muted">({scores.bclc.rule})</span>
          </>
        ) : (
          "needs Child-Pugh, ECOG, nodules, portal invasion and extrahepatic spread"
        )}
      </Computed>
    </>
  );
}
