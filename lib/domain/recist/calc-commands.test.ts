import { describe, expect, it } from "vitest";
import { runCalc } from "@/test/fixtures/calc-commands";
import { CalcInputError } from "../calc-command";
import { recistCalcCommands } from "./calc-commands";

const runCommand = (name: string, raw: unknown) => runCalc(recistCalcCommands, name, raw);

describe("calc recist", () => {
  it("classifies a timepoint from sums (exact 30% decrease is PR)", () => {
    const out = runCommand("recist", {
      version: "1.0",
      baselineSum: 100,
      nadirSum: 100,
      currentSum: 70,
      newLesions: false,
      nonTarget: "non-CR/non-PD",
    });
    expect(out).toEqual({
      response: "PR",
      responseLabel: "Partial response (PR)",
      targetResponse: "PR",
      pctFromBaseline: -30,
      pctFromNadir: -30,
      absoluteChangeFromNadirMm: -30,
    });
  });
  it("exact 20% increase from nadir is PD; new lesions are PD", () => {
    expect(
      runCommand("recist", {
        version: "1.1",
        baselineSum: 80,
        nadirSum: 50,
        currentSum: 60,
        newLesions: false,
        nonTarget: "absent",
      }),
    ).toMatchObject({ response: "PD", pctFromNadir: 20 });
    expect(
      runCommand("recist", {
        version: "1.0",
        baselineSum: 80,
        nadirSum: 50,
        currentSum: 50,
        newLesions: true,
        nonTarget: "none",
      }),
    ).toMatchObject({ response: "PD", targetResponse: "PR" });
  });
  it("accepts targetAllDisappeared and targetNotAllEvaluated", () => {
    expect(
      runCommand("recist", {
        version: "1.1",
        baselineSum: 40,
        nadirSum: 8,
        currentSum: 8,
        newLesions: false,
        nonTarget: "CR",
        targetAllDisappeared: true,
      }),
    ).toMatchObject({ response: "CR" });
    expect(
      runCommand("recist", {
        version: "1.0",
        baselineSum: 40,
        nadirSum: 40,
        currentSum: 20,
        newLesions: false,
        nonTarget: "NE",
        targetNotAllEvaluated: true,
      }),
    ).toMatchObject({ response: "NE", targetResponse: "NE" });
  });
  it("takes currentSum: null as target lesions not evaluable (NE unless new lesions or non-target PD)", () => {
    expect(
      runCommand("recist", {
        version: "1.1",
        baselineSum: 40,
        nadirSum: 30,
        currentSum: null,
        newLesions: false,
        nonTarget: "non-CR/non-PD",
      }),
    ).toMatchObject({ response: "NE", targetResponse: "NE", pctFromBaseline: null });
    expect(
      runCommand("recist", {
        version: "1.1",
        baselineSum: 40,
        nadirSum: 30,
        currentSum: null,
        newLesions: true,
        nonTarget: "non-CR/non-PD",
      }),
    ).toMatchObject({ response: "PD" });
  });
  it("rejects unknown fields and bad values with field messages", () => {
    const bad = recistCalcCommands.recist?.input.safeParse({
      version: "2.0",
      baselineSum: -1,
      nadirSum: 1,
      currentSum: 1,
      newLesions: "no",
      nonTarget: "SD",
      extra: 1,
    });
    expect(bad?.success).toBe(false);
    const messages = bad?.error?.issues.map((i) => i.message).join("\n") ?? "";
    expect(messages).toMatch(/version must be/);
    expect(messages).toMatch(/baselineSum must be >= 0/);
    expect(messages).toMatch(/nonTarget must be one of/);
    expect(messages).toMatch(/Unrecognized key/);
  });
  it("throws CalcInputError for a clinically impossible nadir", () => {
    expect(() =>
      runCommand("recist", {
        version: "1.0",
        baselineSum: 50,
        nadirSum: 60,
        currentSum: 40,
        newLesions: false,
        nonTarget: "CR",
      }),
    ).toThrow(CalcInputError);
  });
});

describe("calc recist-bor", () => {
  it("returns the best overall response with dates (nulls when absent)", () => {
    const out = runCommand("recist-bor", {
      version: "1.0",
      startDate: "2024-01-01",
      timepoints: [
        { date: "2024-02-12", response: "PR" },
        { date: "2024-03-11", response: "PR" },
        { date: "2024-05-06", response: "PD" },
      ],
    });
    expect(out).toMatchObject({
      bestOverallResponse: "PR",
      bestOverallResponseLabel: "Partial response (PR)",
      confirmed: true,
      firstResponseDate: "2024-02-12",
      confirmationDate: "2024-03-11",
      progressionDate: "2024-05-06",
    });
    const sd = runCommand("recist-bor", {
      version: "1.1",
      startDate: "2024-01-01",
      minSdDays: 56,
      timepoints: [{ date: "2024-02-26", response: "SD" }],
    });
    expect(sd).toMatchObject({
      bestOverallResponse: "SD",
      confirmed: false,
      firstResponseDate: null,
      progressionDate: null,
    });
  });
  it("rejects malformed dates, unknown responses and unknown fields", () => {
    const schema = recistCalcCommands["recist-bor"]?.input;
    expect(schema?.safeParse({ version: "1.0", startDate: "01/01/2024", timepoints: [] }).success).toBe(false);
    expect(
      schema?.safeParse({
        version: "1.0",
        startDate: "2024-01-01",
        timepoints: [{ date: "2024-02-01", response: "MR" }],
      }).success,
    ).toBe(false);
    expect(schema?.safeParse({ version: "1.0", startDate: "2024-01-01", timepoints: [], minSdDays: 4.5 }).success).toBe(
      false,
    );
    expect(schema?.safeParse({ version: "1.0", startDate: "2024-01-01", timepoints: [], foo: 1 }).success).toBe(false);
  });
});
