import { describe, expect, it } from "vitest";
import { computeBclcStage, type BclcInput } from "./bclc";

const veryEarly: BclcInput = {
  ecogPs: 0,
  childPughClass: "A",
  noduleCount: 1,
  largestNoduleCm: 2,
  portalInvasion: false,
  extrahepaticSpread: false,
};

describe("computeBclcStage (BCLC 2022)", () => {
  it("stage 0: single nodule <=2 cm, ECOG 0, preserved liver function", () => {
    expect(computeBclcStage(veryEarly)).toEqual({
      stage: "0",
      ruleId: "single-le-2cm",
      rule: "single nodule <=2 cm, ECOG PS 0, preserved liver function -> BCLC 0",
      liverFunction: "preserved",
    });
  });

  it.each([
    ["single 2.1 cm", { noduleCount: 1, largestNoduleCm: 2.1 }, "A"],
    ["single 8 cm", { noduleCount: 1, largestNoduleCm: 8 }, "A"],
    ["3 nodules, largest 3 cm", { noduleCount: 3, largestNoduleCm: 3 }, "A"],
    ["2 nodules, largest 1.5 cm", { noduleCount: 2, largestNoduleCm: 1.5 }, "A"],
    ["3 nodules, largest 3.1 cm", { noduleCount: 3, largestNoduleCm: 3.1 }, "B"],
    ["4 nodules, largest 2 cm", { noduleCount: 4, largestNoduleCm: 2 }, "B"],
  ] as const)("%s -> %s", (_name, burden, stage) => {
    expect(computeBclcStage({ ...veryEarly, ...burden }).stage).toBe(stage);
  });

  it("stage C for portal invasion or extrahepatic spread with ECOG 0", () => {
    expect(computeBclcStage({ ...veryEarly, portalInvasion: true })).toMatchObject({
      stage: "C",
      ruleId: "portal-invasion-or-extrahepatic-spread",
    });
    expect(computeBclcStage({ ...veryEarly, extrahepaticSpread: true }).stage).toBe("C");
  });

  it.each([
    [1, "C", "ecog-1-2"],
    [2, "C", "ecog-1-2"],
    [3, "D", "ecog-3-4"],
    [4, "D", "ecog-3-4"],
  ] as const)("ECOG %i -> %s whatever the tumour burden", (ecogPs, stage, ruleId) => {
    expect(computeBclcStage({ ...veryEarly, ecogPs })).toMatchObject({ stage, ruleId });
  });

  it("stage D for end-stage liver function / Child-Pugh C, even with a small tumour", () => {
    expect(computeBclcStage({ ...veryEarly, childPughClass: "C" })).toMatchObject({
      stage: "D",
      ruleId: "end-stage-liver-function",
      liverFunction: "end-stage",
    });
    expect(computeBclcStage({ ...veryEarly, childPughClass: undefined, liverFunction: "end-stage" }).stage).toBe("D");
  });

  it("maps Child-Pugh B to preserved liver function", () => {
    expect(computeBclcStage({ ...veryEarly, childPughClass: "B", noduleCount: 5 })).toMatchObject({
      stage: "B",
      liverFunction: "preserved",
    });
  });

  it("rejects contradictory or missing liver function", () => {
    expect(() => computeBclcStage({ ...veryEarly, liverFunction: "end-stage" })).toThrow(
      expect.objectContaining({ field: "liverFunction" }),
    );
    expect(() => computeBclcStage({ ...veryEarly, childPughClass: undefined })).toThrow(
      expect.objectContaining({ field: "liverFunction" }),
    );
  });

  it.each([
    ["ecogPs", { ecogPs: 5 }],
    ["ecogPs", { ecogPs: 1.5 }],
    ["noduleCount", { noduleCount: 0 }],
    ["largestNoduleCm", { largestNoduleCm: 0 }],
  ])("rejects invalid %s", (field, patch) => {
    expect(() => computeBclcStage({ ...veryEarly, ...patch })).toThrow(expect.objectContaining({ field }));
  });
});
