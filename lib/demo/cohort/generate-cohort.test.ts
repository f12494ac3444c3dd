import { describe, expect, test } from "vitest";
import { analyzeCohortBiomarker } from "@/lib/analysis/cohort-analysis";
import { summarizeEfficacy } from "@/lib/analysis/efficacy";
import { toEfficacyPatient, type AnalysisPatientRecords, type AnalysisRecord } from "@/lib/analysis/patient-records";
import { CONF_TYPES } from "@/lib/domain/survival";
import type { FormContext } from "@/lib/forms/form-definition";
import { getFormDefinition } from "@/lib/forms/registry";
import { checkThalidomideDispensing } from "@/lib/domain/safety/pregnancy-prevention";
import type { DosingData } from "@/lib/forms/dosing/dosing-schema";
import { readPregnancyPreventionRecords } from "@/lib/forms/pregnancy-test-form";
import { DEMO_COHORT_SEED, DEMO_DATA_CUTOFF, generateDemoCohort, type PlannedPatient } from "./generate-cohort";

// The save path's pregnancy prevention rule (lib/data/dispensing-safety) with the migration's REMS figures.
const REMS = {
  firstDoseTestWindowHours: 24,
  retestIntervalDays: 28,
  counsellingRequired: true,
  maleCounsellingRequired: true,
  maxSupplyDays: 28,
};
function checkDispensing(data: DosingData, context: FormContext, computed: Record<string, unknown>) {
  if (data.thalidomide.status !== "given" && data.thalidomide.status !== "reduced") return {};
  const sex = (context.records.find((r) => r.formType === "baseline")?.data as { sex: string }).sex;
  const firstDispensing = !context.records.some((r) => r.formType === "dosing");
  const perDay = (computed.thalidomide as { capsulesPerDay: number } | null)?.capsulesPerDay ?? null;
  return checkThalidomideDispensing(
    REMS,
    { sex },
    {
      visitDate: data.visitDate,
      firstDispensing,
      capsulesDispensed: data.thalidomide.capsulesDispensed,
      capsulesPerDay: perDay,
    },
    readPregnancyPreventionRecords(context.records),
  );
}

/**
 * Enters a planned patient's forms the way saveCrfRecord does, without a database: the form's
 * schema, its cross-form checks and its compute, with the earlier forms as context. Any
 * validation error fails the test (the seed would be refused by the app).
 */
function enterForms(patient: PlannedPatient, index: number): AnalysisPatientRecords {
  const records: AnalysisRecord[] = [];
  const enter = (formType: string, visitKey: string | null, data: unknown, enrollmentDate: string | null) => {
    const definition = getFormDefinition(formType)!;
    const parsed = definition.schema.safeParse(data);
    expect(parsed.success ? [] : parsed.error.issues, `${formType} ${visitKey} of patient ${index}`).toEqual([]);
    const context: FormContext = {
      screeningDate: patient.screeningDate,
      enrollmentDate,
      records: records.map((r, i) => ({ id: String(i), ...r })),
    };
    expect(
      definition.checkInContext?.(parsed.data, context) ?? {},
      `${formType} ${visitKey} of patient ${index}`,
    ).toEqual({});
    const computed = definition.compute?.(parsed.data, context) ?? {};
    if (formType === "dosing")
      expect(
        checkDispensing(parsed.data as DosingData, context, computed),
        `${formType} ${visitKey} of patient ${index}`,
      ).toEqual({});
    records.push({ formType, visitKey, data: parsed.data, computed });
  };
  enter("eligibility", "screening", patient.eligibility, null);
  for (const form of patient.forms) enter(form.formType, form.visitKey, form.data, patient.enrollmentDate);
  return {
    patientId: String(index),
    subjectId: String(index),
    siteCode: patient.siteCode,
    status: "",
    enrollmentDate: patient.enrollmentDate!,
    records,
  };
}

const cohort = generateDemoCohort();
const enrolled = cohort.filter((p) => p.enrollmentDate !== null);
const entered = enrolled.map(enterForms);
const oneDecimal = (value: number | null) => value?.toFixed(1);

describe("demo cohort generator", () => {
  test("is deterministic for a seed and differs for another", () => {
    expect(generateDemoCohort(DEMO_COHORT_SEED)).toEqual(cohort);
    expect(generateDemoCohort(DEMO_COHORT_SEED + 1)).not.toEqual(cohort);
  });

  test("enrolls 43 patients across the demo sites by target, plus screen failures, all dates in the past", () => {
    expect(enrolled).toHaveLength(43);
    const perSite = (code: string) => enrolled.filter((p) => p.siteCode === code).length;
    expect([perSite("TW01"), perSite("TW02"), perSite("TW03")]).toEqual([20, 12, 11]);
    expect(cohort.filter((p) => p.screenFailureReason).length).toBeGreaterThan(0);
    for (const p of enrolled) expect(p.enrollmentDate! >= "2024-01-01" && p.enrollmentDate! <= "2025-12-31").toBe(true);
    const allDates = JSON.stringify(cohort).match(/\d{4}-\d{2}-\d{2}/g) ?? [];
    expect(allDates.every((d) => d <= DEMO_DATA_CUTOFF)).toBe(true);
  });

  test("every form passes the app's validation, and the computed baseline matches the published population", () => {
    const baselines = entered.map((p) => p.records.find((r) => r.formType === "baseline")!);
    expect(baselines.filter((b) => b.computed.clipScore === 4)).toHaveLength(16);
    expect(baselines.filter((b) => (b.data as { hbsag: string }).hbsag === "positive")).toHaveLength(31);
    expect(new Set(baselines.map((b) => b.computed.childPughClass))).toEqual(new Set(["A", "B"]));
  });

  test("the app's RECIST and survival calculations give the published efficacy results", () => {
    const summary = summarizeEfficacy(entered.map(toEfficacyPatient), { ciMethod: "symmetric" });
    expect(summary.bor.CR + summary.bor.PR).toBe(4);
    expect(summary.bor.SD).toBe(14);
    expect(summary.orr.responders).toBe(4);
    expect(summary.dcr.responders).toBe(18);
    expect([summary.pfs.median, summary.pfs.lower, summary.pfs.upper].map(oneDecimal)).toEqual(["1.9", "1.7", "2.1"]);
    expect([summary.os.median, summary.os.lower, summary.os.upper].map(oneDecimal)).toEqual(["4.6", "2.3", "6.9"]);
    // The other interval methods differ (R's asymmetric intervals), and every one is computed.
    for (const ciMethod of CONF_TYPES.filter((m) => m !== "symmetric")) {
      const other = summarizeEfficacy(entered.map(toEfficacyPatient), { ciMethod });
      expect(other.pfs.median).toBe(summary.pfs.median);
      expect([other.pfs.lower, other.pfs.upper]).not.toEqual([summary.pfs.lower, summary.pfs.upper]);
    }
  });

  test("high baseline IL-6 and IL-8 (above the median) go with shorter PFS and OS", () => {
    for (const cytokine of ["IL-6", "IL-8"]) {
      for (const endpoint of ["os", "pfs"] as const) {
        const result = analyzeCohortBiomarker(entered, { cytokine, cut: "median", endpoint });
        expect(result.n).toBe(43);
        expect(result.logRank!.p).toBeLessThan(0.05);
        expect(result.coxHighVsLow!.hr).toBeGreaterThan(1);
        expect(result.coxPerDoubling!.hr).toBeGreaterThan(1);
      }
    }
  });
});
