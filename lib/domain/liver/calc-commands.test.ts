import { describe, expect, it } from "vitest";
import { calcInputIssues, runCalc } from "@/test/fixtures/calc-commands";
import { CalcInputError } from "../calc-command";
import { liverCalcCommands } from "./calc-commands";

const runCommand = (name: string, raw: unknown) => runCalc(liverCalcCommands, name, raw);
const issuesOf = (name: string, raw: unknown) =>
  calcInputIssues(liverCalcCommands, name, raw).map((issue) => issue.message);

const childPugh = { bilirubinUmolPerL: 34.2, albuminGPerL: 35, inr: 1.1, ascites: "none", encephalopathy: "none" };

describe("liverCalcCommands", () => {
  it("registers child-pugh, clip, bclc and ecog", () => {
    expect(Object.keys(liverCalcCommands).sort()).toEqual(["bclc", "child-pugh", "clip", "ecog"]);
  });

  it("child-pugh: accepts SI units and reports the converted values", () => {
    expect(runCommand("child-pugh", childPugh)).toMatchObject({
      score: 7,
      class: "B",
      bilirubinMgPerDl: 2,
      albuminGPerDl: 3.5,
      points: { bilirubin: 2, albumin: 2 },
    });
  });

  it("child-pugh: rejects both units, unknown fields and bad enums", () => {
    expect(issuesOf("child-pugh", { ...childPugh, bilirubinMgPerDl: 2 })).toEqual([
      "give exactly one of bilirubinMgPerDl or bilirubinUmolPerL",
    ]);
    expect(issuesOf("child-pugh", { ...childPugh, sodium: 140 }).length).toBeGreaterThan(0);
    expect(issuesOf("child-pugh", { ...childPugh, ascites: "lots" })).toEqual([
      "ascites must be one of none, mild, moderate-severe",
    ]);
  });

  it("clip: from a class or from the Child-Pugh fields", () => {
    const tumour = {
      tumourMorphology: "multinodular",
      tumourExtentOver50Pct: false,
      afpNgPerMl: 400,
      portalVeinThrombosis: true,
    };
    expect(runCommand("clip", { childPughClass: "B", ...tumour })).toMatchObject({ score: 4, childPughClass: "B" });
    expect(runCommand("clip", { childPugh, ...tumour })).toMatchObject({
      score: 4,
      childPughClass: "B",
      childPugh: { score: 7 },
    });
    expect(issuesOf("clip", tumour)).toEqual([
      "give exactly one of childPughClass or childPugh (the child-pugh fields)",
    ]);
  });

  it("bclc: stages and explains", () => {
    const input = {
      ecogPs: 1,
      childPughClass: "A",
      noduleCount: 2,
      largestNoduleCm: 5,
      portalInvasion: true,
      extrahepaticSpread: false,
    };
    expect(runCommand("bclc", input)).toMatchObject({ stage: "C", ruleId: "ecog-1-2" });
    expect(issuesOf("bclc", { ...input, childPughClass: undefined })).toEqual(["give liverFunction or childPughClass"]);
    expect(() => runCommand("bclc", { ...input, ecogPs: 5 })).toThrow(CalcInputError);
  });

  it("ecog: describes a grade and rejects 6", () => {
    expect(runCommand("ecog", { ecogPs: 5 })).toEqual({ ecogPs: 5, description: "Dead" });
    expect(() => runCommand("ecog", { ecogPs: 6 })).toThrow(CalcInputError);
  });
});
