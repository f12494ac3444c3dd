// Where a trial stands in its Simon two-stage design: stop after the first n1 evaluable patients
// when responders <= r1; after n, the treatment is rejected when responders <= r.
// Simon R. Optimal two-stage designs for phase II clinical trials. Control Clin Trials 1989;10:1-10.

export interface SimonBoundaries {
  r1: number;
  n1: number;
  r: number;
  n: number;
}

/**
 * stage-1: accruing the first n1 (r1 not yet exceeded); stage-2: stage 1 passed, accruing to n;
 * stop-futility-stage-1: n1 evaluated with <= r1 responders; futile: even if every remaining
 * patient up to n responded the total could not exceed r (includes n reached with <= r);
 * promising: more than r responders, H0 rejected.
 */
export type SimonStatus = "stage-1" | "stage-2" | "stop-futility-stage-1" | "futile" | "promising";

export interface SimonStageStatus {
  evaluable: number;
  stage1: { evaluated: number; responders: number; complete: boolean; passed: boolean };
  overall: { evaluated: number; responders: number; complete: boolean };
  /** Evaluable patients beyond n: not part of the design's decision. */
  beyondDesign: number;
  status: SimonStatus;
}

/**
 * The status from the evaluable patients' responses in the order they entered the trial
 * (true = responder). Stage 1 is the first n1 of them, the design's decision the first n.
 */
export function assessSimonStage(design: SimonBoundaries, responsesInOrder: readonly boolean[]): SimonStageStatus {
  const count = (upTo: number) => responsesInOrder.slice(0, upTo).filter(Boolean).length;
  const evaluable = responsesInOrder.length;
  const stage1Evaluated = Math.min(evaluable, design.n1);
  const stage1Responders = count(design.n1);
  const overallEvaluated = Math.min(evaluable, design.n);
  const overallResponders = count(design.n);
  const stage1 = {
    evaluated: stage1Evaluated,
    responders: stage1Responders,
    complete: stage1Evaluated === design.n1,
    passed: stage1Responders > design.r1,
  };
  const overall = {
    evaluated: overallEvaluated,
    responders: overallResponders,
    complete: overallEvaluated === design.n,
  };
  return {
    evaluable,
    stage1,
    overall,
    beyondDesign: Math.max(0, evaluable - design.n),
    status: decideStatus(design, stage1, overall),
  };
}

function decideStatus(
  design: SimonBoundaries,
  stage1: SimonStageStatus["stage1"],
  overall: SimonStageStatus["overall"],
): SimonStatus {
  if (!stage1.passed) {
    // Stage 1 can still pass only while enough of its patients remain to exceed r1.
    const stillPossible = stage1.responders + (design.n1 - stage1.evaluated) > design.r1;
    return stillPossible ? "stage-1" : "stop-futility-stage-1";
  }
  if (overall.responders > design.r) return "promising";
  if (overall.responders + (design.n - overall.evaluated) <= design.r) return "futile";
  return "stage-2";
}

/** True when the trial has reached a futility stop: the PI must be told (later: by email). */
export function isFutilityBoundaryCrossed(status: SimonStatus): boolean {
  return status === "stop-futility-stage-1" || status === "futile";
}
