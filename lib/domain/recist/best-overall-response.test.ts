import { describe, expect, it } from "vitest";
import { CalcInputError } from "../calc-command";
import {
  determineBestOverallResponse,
  findProgressionDate,
  type BestOverallResponseInput,
  type ResponseTimepoint,
} from "./best-overall-response";
import type { TimepointResponse } from "./response-types";

const START = "2024-01-01";
/** ISO date `days` after START. */
const day = (days: number) => new Date(Date.UTC(2024, 0, 1 + days)).toISOString().slice(0, 10);
const tps = (...pairs: Array<[number, TimepointResponse]>): ResponseTimepoint[] =>
  pairs.map(([d, response]) => ({ date: day(d), response }));
const bor = (timepoints: ResponseTimepoint[], options: Partial<BestOverallResponseInput> = {}) =>
  determineBestOverallResponse({ version: "1.0", startDate: START, timepoints, ...options });

describe("determineBestOverallResponse: confirmation of CR/PR (>= 28 days)", () => {
  it("PR confirmed exactly 28 days later", () => {
    expect(bor(tps([42, "PR"], [70, "PR"]))).toMatchObject({
      bestOverallResponse: "PR",
      confirmed: true,
      firstResponseDate: day(42),
      confirmationDate: day(70),
    });
  });
  it("PR repeated after 27 days is unconfirmed and counts as SD", () => {
    expect(bor(tps([42, "PR"], [69, "PR"]))).toMatchObject({ bestOverallResponse: "SD", confirmed: false });
  });
  it("PR-NE-PR is confirmed across the NE", () => {
    const r = bor(tps([42, "PR"], [70, "NE"], [98, "PR"]));
    expect(r).toMatchObject({ bestOverallResponse: "PR", confirmed: true, confirmationDate: day(98) });
    expect(r.reasoning.join(" ")).toMatch(/NE/);
  });
  it("an SD between two PRs breaks confirmation", () => {
    expect(bor(tps([42, "PR"], [84, "SD"], [126, "PR"])).bestOverallResponse).toBe("SD");
  });
  it("CR-CR is a confirmed CR", () => {
    expect(bor(tps([42, "CR"], [70, "CR"]))).toMatchObject({ bestOverallResponse: "CR", confirmed: true });
  });
  it("CR then PR gives a confirmed PR (RECIST 1.1 Table 3 footnote a)", () => {
    const r = bor(tps([42, "CR"], [84, "PR"]));
    expect(r).toMatchObject({ bestOverallResponse: "PR", confirmed: true, firstResponseDate: day(42) });
    expect(r.reasoning.join(" ")).toMatch(/footnote a/);
  });
  it("PR then CR is PR; PR-CR-CR is CR with the response dated from the first PR", () => {
    expect(bor(tps([42, "PR"], [84, "CR"]))).toMatchObject({ bestOverallResponse: "PR", confirmed: true });
    expect(bor(tps([42, "PR"], [84, "CR"], [112, "CR"]))).toMatchObject({
      bestOverallResponse: "CR",
      firstResponseDate: day(42),
      confirmationDate: day(112),
    });
  });
  it("CR then SD is SD when the SD minimum is met", () => {
    expect(bor(tps([42, "CR"], [84, "SD"])).bestOverallResponse).toBe("SD");
  });
  it("confirmationDays is configurable (8 weeks)", () => {
    expect(bor(tps([42, "PR"], [84, "PR"]), { confirmationDays: 56 }).bestOverallResponse).toBe("SD");
    expect(bor(tps([42, "PR"], [98, "PR"]), { confirmationDays: 56 }).bestOverallResponse).toBe("PR");
  });
  it("counts calendar days across month ends and leap days", () => {
    const r = determineBestOverallResponse({
      version: "1.1",
      startDate: "2024-01-01",
      timepoints: [
        { date: "2024-02-01", response: "PR" },
        { date: "2024-02-29", response: "PR" },
      ],
    });
    expect(r.confirmed).toBe(true);
  });
  it("without required confirmation the best recorded response stands", () => {
    expect(bor(tps([42, "PR"]), { requireConfirmation: false })).toMatchObject({
      bestOverallResponse: "PR",
      confirmed: false,
    });
    expect(bor(tps([42, "PR"], [84, "PR"], [126, "CR"]), { requireConfirmation: false })).toMatchObject({
      bestOverallResponse: "CR",
      confirmed: false,
    });
  });
});

describe("determineBestOverallResponse: SD minimum duration and PD", () => {
  it("SD on day 42 meets the default 6-week minimum; day 41 does not", () => {
    expect(bor(tps([42, "SD"])).bestOverallResponse).toBe("SD");
    expect(bor(tps([41, "SD"])).bestOverallResponse).toBe("NE");
  });
  it("SD before the minimum followed by PD is PD (RECIST 1.1 Table 3)", () => {
    expect(bor(tps([41, "SD"], [84, "PD"]))).toMatchObject({ bestOverallResponse: "PD", progressionDate: day(84) });
    expect(bor(tps([42, "SD"], [84, "PD"]))).toMatchObject({ bestOverallResponse: "SD", progressionDate: day(84) });
  });
  it("minSdDays is configurable (8 weeks)", () => {
    expect(bor(tps([49, "SD"], [98, "PD"]), { minSdDays: 56 }).bestOverallResponse).toBe("PD");
    expect(bor(tps([56, "SD"], [98, "PD"]), { minSdDays: 56 }).bestOverallResponse).toBe("SD");
  });
  it("an unconfirmed PR followed by PD is SD when the minimum is met, else PD", () => {
    expect(bor(tps([42, "PR"], [70, "PD"])).bestOverallResponse).toBe("SD");
    expect(bor(tps([30, "PR"], [60, "PD"])).bestOverallResponse).toBe("PD");
  });
  it("assessments after the first PD are ignored", () => {
    const r = bor(tps([20, "SD"], [40, "PD"], [80, "PR"], [120, "PR"]));
    expect(r).toMatchObject({ bestOverallResponse: "PD", confirmed: false, progressionDate: day(40) });
    expect(r.reasoning[0]).toMatch(/2 later assessment/);
  });
  it("PD at the first assessment is PD; no or only NE assessments are NE", () => {
    expect(bor(tps([42, "PD"])).bestOverallResponse).toBe("PD");
    expect(bor([])).toMatchObject({ bestOverallResponse: "NE", confirmed: false });
    expect(bor(tps([42, "NE"], [84, "NE"])).bestOverallResponse).toBe("NE");
  });
  it("sorts assessments by date", () => {
    expect(bor(tps([70, "PR"], [42, "PR"]))).toMatchObject({ bestOverallResponse: "PR", firstResponseDate: day(42) });
  });
  it("rejects dates before the start, duplicate dates and impossible dates", () => {
    expect(() => bor(tps([-1, "SD"]))).toThrow(CalcInputError);
    expect(() => bor(tps([42, "SD"], [42, "PD"]))).toThrow(/two assessments/);
    expect(() => bor([{ date: "2024-02-30", response: "SD" }])).toThrow(/calendar date/);
  });
});

describe("findProgressionDate", () => {
  it("returns the earliest PD date whatever the order, or null", () => {
    expect(findProgressionDate(tps([120, "PD"], [42, "SD"], [84, "PD"]))).toBe(day(84));
    expect(findProgressionDate(tps([42, "SD"]))).toBeNull();
  });
});
