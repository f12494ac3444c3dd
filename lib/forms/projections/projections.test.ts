import { describe, expect, it } from "vitest";
import { getAeTerm } from "@/lib/domain/ctcae";
import { LAB_TESTS } from "@/lib/domain/ctcae/lab-criteria";
import { TRIAL_ELIGIBILITY_CRITERIA, eligibleAnswers } from "@/lib/domain/eligibility/criteria";
import { adverseEvent, serious } from "@/test/fixtures/adverse-event-data";
import { emptyAdverseEvent } from "../adverse-event-schema";
import type { DosingData } from "../dosing/dosing-schema";
import { emptyEndOfStudy, type EndOfStudyData } from "../end-of-study-form";
import type { LabsData } from "../labs/labs-schema";
import type { TumourAssessmentData, TumourBaselineData } from "../tumour-schemas";
import { getFormProjection, PROJECTED_FORM_TYPES, PROJECTION_TABLES, type ProjectedRows } from "./index";

const project = (formType: string, data: unknown, computed: Record<string, unknown> = {}): ProjectedRows =>
  getFormProjection(formType)!.project(data, computed);

const drug = {
  doseLevel: 0,
  status: "given" as const,
  statusReason: null,
  statusReasonText: "",
  capsulesDispensed: 56,
  capsulesReturned: 4,
};
const dosing: DosingData = {
  visitDate: "2026-02-09",
  weightKg: 61.5,
  heightCm: 168,
  uft: {
    ...drug,
    status: "held",
    statusReason: "toxicity",
    prescribedCapsulesPerDose: 2,
    overrideReason: "Renal function",
  },
  thalidomide: drug,
};

const emptyLabs = (): LabsData => ({
  sampleDate: "2026-02-09",
  results: Object.fromEntries(
    LAB_TESTS.map((t) => [t, { value: null, unit: "", lln: null, uln: null }]),
  ) as LabsData["results"],
});

const endOfStudy: EndOfStudyData = {
  ...emptyEndOfStudy(),
  lastKnownAliveDate: "2026-06-01",
  offTreatmentDate: "2026-04-01",
  offTreatmentReason: "progression",
};

describe("form projections to the typed tables", () => {
  it("dosing: one administration per study drug, with the dose the rules computed and the override flagged", () => {
    const rows = project("dosing", dosing, {
      bsaM2: 1.7,
      uft: {
        roundedMg: 200,
        capsulesPerDose: 2,
        dosesPerDay: 2,
        capsulesPerDay: 0,
        compliance: { compliancePct: 92.9 },
      },
      thalidomide: { mgPerDose: 100, capsulesPerDose: 1, dosesPerDay: 2, capsulesPerDay: 2, compliance: null },
    });
    expect(rows.dose_administrations).toEqual([
      expect.objectContaining({
        drug: "thalidomide",
        status: "given",
        status_reason: null,
        mg_per_dose: 100,
        capsules_per_day: 2,
        dose_overridden: false,
        compliance_pct: null,
        bsa_m2: 1.7,
        weight_kg: 61.5,
      }),
      expect.objectContaining({
        drug: "uft",
        status: "held",
        status_reason: "toxicity",
        mg_per_dose: 200,
        capsules_per_day: 0,
        dose_overridden: true,
        compliance_pct: 92.9,
        capsules_returned: 4,
      }),
    ]);
  });

  it("dosing: computed values missing from an older record become null, never a guess", () => {
    const [uft] = project("dosing", dosing, {}).dose_administrations!.filter((r) => r.drug === "uft");
    expect(uft).toMatchObject({ mg_per_dose: null, capsules_per_dose: null, bsa_m2: null, dose_level: 0 });
  });

  it("adverse event: the CTCAE term's MedDRA code and SOC, seriousness as a boolean, each drug's attribution and action", () => {
    const ae = adverseEvent({
      grade: 3,
      onsetDate: "2026-02-10",
      ...serious("2026-02-11 09:30"),
      actionTaken: { thalidomide: "interrupted", uft: "none" },
      outcome: "recovering",
    });
    const [row] = project("adverse-event", ae).adverse_events!;
    expect(row).toMatchObject({
      term: "Fatigue",
      soc: getAeTerm("Fatigue")!.soc,
      meddra_code: getAeTerm("Fatigue")!.meddraCode ?? null,
      grade: 3,
      serious: true,
      sae_hospitalization: true,
      sae_death: false,
      aware_at: "2026-02-11 09:30",
      reported_at: null,
      attribution_uft: "unlikely",
      action_thalidomide: "interrupted",
      resolution_date: null,
    });
  });

  it("labs: one row per test done (an empty value is not done), with the computed canonical value and grade", () => {
    const labs = emptyLabs();
    labs.results.albumin = { value: 28, unit: "g/L", lln: 35, uln: 50 };
    labs.results.platelets = { value: 90, unit: "10^9/L", lln: 150, uln: 400 };
    const rows = project("labs", labs, {
      results: {
        albumin: {
          grade: 2,
          term: "Hypoalbuminemia",
          normalizedValue: 2.8,
          normalizedUnit: "g/dL",
          baselineValue: null,
        },
      },
    }).lab_results!;
    expect(rows).toHaveLength(2);
    expect(rows.find((r) => r.test === "albumin")).toEqual({
      sample_date: "2026-02-09",
      test: "albumin",
      value: 28,
      unit: "g/L",
      lln: 35,
      uln: 50,
      canonical_value: 2.8,
      canonical_unit: "g/dL",
      grade: 2,
      ctcae_term: "Hypoalbuminemia",
      baseline_value: null,
    });
    // Not graded (no computed result): the value as typed, grade null.
    expect(rows.find((r) => r.test === "platelets")).toMatchObject({ value: 90, grade: null, canonical_value: null });
  });

  it("tumour baseline: target lesions with their size, non-target lesions without; the form's method when a lesion has none", () => {
    const data: TumourBaselineData = {
      assessmentDate: "2026-01-10",
      method: "ct",
      targetLesions: [{ lesionId: "T1", organ: "Liver", site: "Segment 7", method: null, longestDiameterMm: 42 }],
      nonTargetLesions: [{ lesionId: "N1", organ: "Lung", description: "Nodules" }],
    };
    expect(project("tumour-baseline", data).tumour_lesions).toEqual([
      {
        assessment_date: "2026-01-10",
        lesion_id: "T1",
        kind: "target",
        organ: "Liver",
        location: "Segment 7",
        method: "ct",
        baseline_diameter_mm: 42,
      },
      {
        assessment_date: "2026-01-10",
        lesion_id: "N1",
        kind: "non-target",
        organ: "Lung",
        location: "Nodules",
        method: "ct",
        baseline_diameter_mm: null,
      },
    ]);
  });

  it("tumour assessment: each answered measurement, and the response that counts beside the computed one", () => {
    const data: TumourAssessmentData = {
      assessmentDate: "2026-03-10",
      method: "ct",
      measurements: [
        { lesionId: "T1", status: "measured", diameterMm: 30 },
        { lesionId: "T2", status: "disappeared", diameterMm: null },
      ],
      nonTargetStatus: "NON_CR_NON_PD",
      newLesions: "no",
      newLesionsDescription: "",
      override: { response: "SD", reason: "Equivocal scan" },
    };
    const rows = project("tumour-assessment", data, {
      recistVersion: "1.0",
      baselineSumMm: 50,
      currentSumMm: 30,
      pctFromBaseline: -40,
      computedResponse: "PR",
      response: "SD",
      responseOverridden: true,
      targetResponse: "PR",
    });
    expect(rows.lesion_measurements).toHaveLength(2);
    expect(rows.timepoint_responses).toEqual([
      expect.objectContaining({
        computed_response: "PR",
        response: "SD",
        response_overridden: true,
        new_lesions: false,
        pct_from_baseline: -40,
        nadir_sum_mm: null,
      }),
    ]);
  });

  it("cytokines: values in pg/mL beside the unit as typed; below the LLOQ no value, never zero", () => {
    const rows = project("cytokines", {
      sampleDate: "2026-01-08",
      analytes: [
        { analyte: "VEGF", value: 0.42, unit: "ng/mL", lloq: 0.01, belowLloq: false },
        { analyte: "IL-6", value: null, unit: "pg/mL", lloq: 1.5, belowLloq: true },
      ],
    }).cytokine_results!;
    expect(rows[0]).toMatchObject({ analyte: "VEGF", value: 0.42, unit: "ng/mL", value_pg_ml: 420, lloq_pg_ml: 10 });
    expect(rows[1]).toMatchObject({
      analyte: "IL-6",
      value: null,
      value_pg_ml: null,
      below_lloq: true,
      lloq_pg_ml: 1.5,
    });
  });

  it("eligibility: the verdict and one answer per protocol criterion", () => {
    const answers = eligibleAnswers();
    const rows = project("eligibility", { consentDate: "2026-01-05", answers: { ...answers, I1: null } });
    expect(rows.eligibility_assessments).toEqual([
      { consent_date: "2026-01-05", eligible: false, unanswered_count: 1 },
    ]);
    expect(rows.eligibility_answers).toHaveLength(TRIAL_ELIGIBILITY_CRITERIA.length);
    expect(project("eligibility", { consentDate: "2026-01-05", answers }).eligibility_assessments![0]!.eligible).toBe(
      true,
    );
  });

  it("end of study: dates as entered and the derived progression, PFS and OS", () => {
    const [row] = project("end-of-study", endOfStudy, {
      progressionDate: "2026-03-10",
      progressionSource: "assessment",
      pfsDays: 59,
      pfsMonths: 1.9,
      pfsEvent: true,
      osDays: 140,
      osMonths: 4.6,
      osEvent: false,
    }).end_of_study!;
    expect(row).toMatchObject({
      progression_date_entered: null,
      progression_date: "2026-03-10",
      progression_source: "assessment",
      pfs_months: 1.9,
      pfs_event: true,
      os_event: false,
      off_treatment_reason: "progression",
    });
  });

  it("every projection writes only the tables it declares, each row with exactly that table's columns", () => {
    const samples: Record<string, unknown> = {
      dosing,
      labs: {
        ...emptyLabs(),
        results: { ...emptyLabs().results, albumin: { value: 28, unit: "g/L", lln: 35, uln: 50 } },
      },
      "adverse-event": { ...emptyAdverseEvent(), term: "Fatigue", grade: 1, onsetDate: "2026-02-10", ongoing: true },
      "tumour-baseline": {
        assessmentDate: "2026-01-10",
        method: "ct",
        targetLesions: [{ lesionId: "T1", organ: "Liver", site: "", method: "ct", longestDiameterMm: 42 }],
        nonTargetLesions: [],
      },
      "tumour-assessment": {
        assessmentDate: "2026-03-10",
        method: "ct",
        measurements: [{ lesionId: "T1", status: "measured", diameterMm: 30 }],
        nonTargetStatus: "NE",
        newLesions: "no",
        newLesionsDescription: "",
        override: { response: null, reason: "" },
      },
      cytokines: {
        sampleDate: "2026-01-08",
        analytes: [{ analyte: "IL-8", value: 3, unit: "pg/mL", lloq: 1, belowLloq: false }],
      },
      eligibility: { consentDate: "2026-01-05", answers: {} },
      "end-of-study": endOfStudy,
    };
    expect(Object.keys(samples).sort()).toEqual([...PROJECTED_FORM_TYPES].sort());
    for (const formType of PROJECTED_FORM_TYPES) {
      const projection = getFormProjection(formType)!;
      const rows = projection.project(samples[formType], {});
      for (const [table, tableRows] of Object.entries(rows)) {
        expect(projection.tables, formType).toContain(table);
        for (const row of tableRows)
          expect(Object.keys(row).sort(), `${formType} -> ${table}`).toEqual(
            Object.keys(PROJECTION_TABLES[table as keyof typeof PROJECTION_TABLES]).sort(),
          );
      }
      expect(Object.values(rows).flat().length, formType).toBeGreaterThan(0);
    }
    expect(getFormProjection("baseline")).toBeNull();
  });
});
