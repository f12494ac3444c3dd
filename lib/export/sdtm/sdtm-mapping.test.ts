import { describe, expect, test } from "vitest";
import { emptyEndOfStudy } from "@/lib/forms/end-of-study-form";
import type { ExportPatient, ExportRecord } from "../csv/csv-plan";
import { SDTM_DATASETS } from "./datasets";
import { mapDm, mapDs } from "./dm-ds";
import { mapDv } from "./dv";
import { mapAe, mapEx } from "./ex-ae";
import { mapLb } from "./lb";
import { adverseEvent, serious } from "@/test/fixtures/adverse-event-data";
import { exportRecord } from "@/test/fixtures/export-record";
import { projectedRows } from "@/test/fixtures/projected-rows";
import { studyDay, visitName, type SdtmSubject } from "./sdtm-subject";
import { mapRs, mapTr, mapTu } from "./tumour";

const patient: ExportPatient = {
  id: "p1",
  subjectId: "TW01-007",
  siteCode: "TW01",
  siteName: "NTUH",
  status: "DEAD",
  screeningDate: "2026-01-02",
  enrollmentDate: "2026-01-10",
  screenFailureReason: null,
  lockedAt: null,
};
let n = 0;
const record = (
  formType: string,
  visitKey: string | null,
  data: unknown,
  computed: Record<string, unknown> = {},
): ExportRecord => exportRecord({ id: `r${++n}`, formType, visitKey, data, computed });
const subject = (records: ExportRecord[], p: ExportPatient = patient): SdtmSubject => ({
  patient: p,
  records,
  typed: projectedRows(records),
});
const drug = (status: string, extra: object = {}) => ({
  doseLevel: 0,
  status,
  statusReason: status === "given" ? null : "toxicity",
  statusReasonText: "",
  capsulesDispensed: 56,
  capsulesReturned: null,
  ...extra,
});
const dosing = (visitKey: string, visitDate: string, thal: string, uft: string, capsules = 2) =>
  record(
    "dosing",
    visitKey,
    { visitDate, weightKg: 60, heightCm: 165, uft: drug(uft), thalidomide: drug(thal) },
    {
      uft: { capsulesPerDose: capsules, capsuleMg: 100 },
      thalidomide: { mgPerDose: thal === "reduced" ? 50 : 100 },
    },
  );
const endOfStudy = (extra: object) =>
  record("end-of-study", "end-of-study", {
    ...emptyEndOfStudy(),
    ...extra,
  });

describe("SDTM helpers", () => {
  test("study days have no day 0 (SDTMIG 3.4 section 4.4.4)", () => {
    expect([
      studyDay("2026-01-10", "2026-01-10"),
      studyDay("2026-01-11", "2026-01-10"),
      studyDay("2026-01-09", "2026-01-10"),
      studyDay(null, "2026-01-10"),
    ]).toEqual([1, 2, -1, null]);
  });
  test("visit names", () => {
    expect([visitName("day1"), visitName("week12"), visitName("end-of-study"), visitName(null)]).toEqual([
      "DAY 1",
      "WEEK 12",
      "END OF STUDY",
      null,
    ]);
  });
  test("every dataset lists its --SEQ and the identifiers first", () => {
    for (const dataset of SDTM_DATASETS) {
      expect(dataset.columns.slice(0, 3)).toEqual(["STUDYID", "DOMAIN", "USUBJID"]);
      if (dataset.domain !== "DM") expect(dataset.columns).toContain(`${dataset.domain}SEQ`);
    }
  });
});

describe("DM and DS", () => {
  const records = [
    record("eligibility", "screening", { consentDate: "2026-01-02", answers: {} }),
    record("baseline", "baseline", { sex: "female", ageYears: 66, ethnicity: null }),
    dosing("day1", "2026-01-10", "given", "given"),
    endOfStudy({
      deathDate: "2026-05-01",
      deathCause: "disease-progression",
      offTreatmentDate: "2026-03-01",
      offTreatmentReason: "progression",
      offStudyDate: "2026-05-01",
      offStudyReason: "death",
    }),
  ];
  test("DM: reference dates, death, demographics, arm, country", () => {
    expect(mapDm(subject(records), { country: "Taiwan" })).toEqual({
      STUDYID: "THAL-UFT-HCC",
      DOMAIN: "DM",
      USUBJID: "THAL-UFT-HCC-TW01-007",
      SUBJID: "TW01-007",
      RFSTDTC: "2026-01-10",
      RFENDTC: "2026-05-01",
      RFXSTDTC: "2026-01-10",
      RFXENDTC: "2026-03-01",
      RFICDTC: "2026-01-02",
      DTHDTC: "2026-05-01",
      DTHFL: "Y",
      SITEID: "TW01",
      AGE: 66,
      AGEU: "YEARS",
      SEX: "F",
      ETHNIC: null,
      ARMCD: "THAL+UFT",
      ARM: "Thalidomide + tegafur/uracil (UFT)",
      ACTARMCD: "THAL+UFT",
      ACTARM: "Thalidomide + tegafur/uracil (UFT)",
      COUNTRY: "TWN",
    });
  });
  test("DM: a screen failure is SCRNFAIL, sex not collected is U", () => {
    const failed = { ...patient, status: "SCREEN_FAILED", enrollmentDate: null, screenFailureReason: "Child-Pugh C" };
    expect(mapDm(subject([], failed), { country: "TWN" })).toMatchObject({
      ARMCD: "SCRNFAIL",
      ACTARMCD: "SCRNFAIL",
      SEX: "U",
      RFSTDTC: null,
      COUNTRY: "TWN",
    });
    expect(mapDs(subject([], failed))).toEqual([
      expect.objectContaining({ DSSEQ: 1, DSTERM: "Child-Pugh C", DSDECOD: "SCREEN FAILURE", EPOCH: "SCREENING" }),
    ]);
  });
  test("DS: consent, off treatment and off study with C66727 terms", () => {
    expect(mapDs(subject(records)).map((r) => [r.DSSEQ, r.DSDECOD, r.EPOCH, r.DSSTDTC, r.DSSTDY])).toEqual([
      [1, "INFORMED CONSENT OBTAINED", "SCREENING", "2026-01-02", -8],
      [2, "PROGRESSIVE DISEASE", "TREATMENT", "2026-03-01", 51],
      [3, "DEATH", "FOLLOW-UP", "2026-05-01", 112],
    ]);
  });
});

describe("EX", () => {
  test("one row per drug and visit; held is dose 0 with EXADJ; discontinued has no row; UFT dosed on tegafur", () => {
    const rows = mapEx(
      subject([
        dosing("week4", "2026-02-07", "reduced", "held"),
        dosing("day1", "2026-01-10", "given", "given", 3),
        dosing("week8", "2026-03-07", "discontinued", "given"),
      ]),
    );
    expect(rows.map((r) => [r.EXSEQ, r.EXTRT, r.EXDOSE, r.EXADJ, r.EXSTDTC, r.EXENDTC, r.EXDOSFRQ])).toEqual([
      [1, "THALIDOMIDE", 100, null, "2026-01-10", "2026-02-06", "BID"],
      [2, "THALIDOMIDE", 50, "DOSE REDUCED: toxicity", "2026-02-07", "2026-03-06", "BID"],
      [3, "TEGAFUR/URACIL", 300, null, "2026-01-10", "2026-02-06", "BID"],
      [4, "TEGAFUR/URACIL", 0, "DOSE HELD: toxicity", "2026-02-07", "2026-03-06", "BID"],
      [5, "TEGAFUR/URACIL", 200, null, "2026-03-07", null, "BID"],
    ]);
  });
});

describe("AE", () => {
  const ae = (extra: object) =>
    record(
      "adverse-event",
      null,
      {
        ...adverseEvent({
          term: "Diarrhea",
          grade: 3,
          onsetDate: "2026-02-01",
          ongoing: false,
          resolutionDate: "2026-02-05",
          ...serious("2026-02-01T10:00"),
          attribution: { thalidomide: "unlikely", uft: "definite" },
          outcome: "recovered",
        }),
        ...extra,
      },
      { soc: "Gastrointestinal disorders", meddraCode: "10012727" },
    );
  test("grade, seriousness flags, strongest relationship, one action, outcome; ordered by onset", () => {
    const rows = mapAe(
      subject([
        ae({
          onsetDate: "2026-03-01",
          resolutionDate: null,
          ongoing: true,
          serious: "no",
          saeCriteria: {},
          outcome: "not-recovered",
        }),
        ae({}),
      ]),
    );
    expect(rows[0]).toMatchObject({
      AESEQ: 1,
      AETERM: "Diarrhea",
      AEDECOD: "Diarrhea",
      AELLTCD: "10012727", // CTCAE v5.0: Diarrhea is MedDRA 10012727
      AEBODSYS: "Gastrointestinal disorders",
      AETOXGR: "3",
      AESER: "Y",
      AESHOSP: "Y",
      AESDTH: "N",
      AEREL: "DEFINITELY RELATED",
      AERELTHL: "UNLIKELY RELATED",
      AEACN: "DOSE NOT CHANGED",
      AEOUT: "RECOVERED/RESOLVED",
      AESTDTC: "2026-02-01",
      AEENDTC: "2026-02-05",
      AESTDY: 23,
    });
    expect(rows[1]).toMatchObject({
      AESEQ: 2,
      AESER: "N",
      AESHOSP: null,
      AEENRF: "ONGOING",
      AEOUT: "NOT RECOVERED/NOT RESOLVED",
    });
  });
});

describe("LB", () => {
  test("lab results with range, standardized value and CTCAE grade; cytokines in pg/mL as standard units, below LLOQ non-numeric", () => {
    const labs = record(
      "labs",
      "week4",
      {
        sampleDate: "2026-02-07",
        results: {
          platelets: { value: 40, unit: "x10^9/L", lln: 150, uln: 400 },
          ast: { value: null, unit: "U/L", lln: 10, uln: 40 },
        },
      },
      {
        results: {
          platelets: { grade: 3, term: "Platelet count decreased", normalizedValue: 40, normalizedUnit: "10^9/L" },
        },
      },
    );
    const cytokines = record("cytokines", "baseline", {
      sampleDate: "2026-01-08",
      analytes: [
        { analyte: "IL-8", value: null, unit: "pg/mL", lloq: 1.5, belowLloq: true },
        { analyte: "Leptin", value: 3, unit: "ng/mL", lloq: 0.1, belowLloq: false },
      ],
    });
    expect(
      mapLb(subject([labs, cytokines])).map((r) => [
        r.LBSEQ,
        r.LBTESTCD,
        r.LBCAT,
        r.LBORRES,
        r.LBORNRLO,
        r.LBSTRESN,
        r.LBTOXGR,
        r.VISIT,
        r.LBDY,
      ]),
    ).toEqual([
      [1, "PLAT", "HEMATOLOGY", "40", "150", 40, "3", "WEEK 4", 29],
      [2, "IL8", "CYTOKINES", "<1.5", null, null, null, "BASELINE", -2],
      [3, "LEPTIN", "CYTOKINES", "3", null, 3000, null, "BASELINE", -2],
    ]);
    // As typed in the original result; in the analyses' pg/mL (1 ng/mL = 1000 pg/mL) in the standard one, LLOQ included.
    expect(mapLb(subject([cytokines])).map((r) => [r.LBORRES, r.LBORRESU, r.LBSTRESC, r.LBSTRESU, r.LBLLOQ])).toEqual([
      ["<1.5", "pg/mL", "<1.5", "pg/mL", 1.5],
      ["3", "ng/mL", "3000", "pg/mL", 100],
    ]);
  });
});

describe("TU, TR and RS", () => {
  const baseline = record(
    "tumour-baseline",
    "baseline-imaging",
    {
      assessmentDate: "2026-01-08",
      method: "ct",
      targetLesions: [
        { lesionId: "T1", organ: "Liver", site: "", method: null, longestDiameterMm: 50 },
        { lesionId: "T2", organ: "Lung", site: "", method: "mri", longestDiameterMm: 20 },
      ],
      nonTargetLesions: [{ lesionId: "N1", organ: "Peritoneum", description: "" }],
    },
    { baselineSumMm: 70 },
  );
  const follow = record(
    "tumour-assessment",
    "week8",
    {
      assessmentDate: "2026-03-07",
      method: "ct",
      measurements: [
        { lesionId: "T1", status: "measured", diameterMm: 30 },
        { lesionId: "T2", status: "disappeared", diameterMm: null },
      ],
      nonTargetStatus: "NON_CR_NON_PD",
      newLesions: "yes",
      newLesionsDescription: "bone",
      override: { response: null, reason: "" },
    },
    { recistVersion: "1.0", currentSumMm: 30, targetResponse: "PR", response: "PD" },
  );

  test("TU identifies target and non-target lesions", () => {
    expect(mapTu(subject([baseline])).map((r) => [r.TUSEQ, r.TULNKID, r.TUORRES, r.TULOC, r.TUMETHOD])).toEqual([
      [1, "T1", "TARGET", "LIVER", "CT SCAN"],
      [2, "T2", "TARGET", "LUNG", "MRI"],
      [3, "N1", "NON-TARGET", "PERITONEUM", "CT SCAN"],
    ]);
  });
  test("TR: longest diameters and sums; a disappeared lesion is 0 mm", () => {
    expect(mapTr(subject([baseline, follow])).map((r) => [r.TRLNKID, r.TRTESTCD, r.TRSTRESN, r.VISIT])).toEqual([
      ["T1", "LDIAM", 50, "BASELINE"],
      ["T2", "LDIAM", 20, "BASELINE"],
      [null, "SUMDIAM", 70, "BASELINE"],
      ["T1", "LDIAM", 30, "WEEK 8"],
      ["T2", "LDIAM", 0, "WEEK 8"],
      [null, "SUMDIAM", 30, "WEEK 8"],
    ]);
  });
  test("RS: target, non-target, new lesions and the overall response that counts", () => {
    expect(mapRs(subject([follow])).map((r) => [r.RSTESTCD, r.RSORRES, r.RSCAT])).toEqual([
      ["TRGRESP", "PR", "RECIST 1.0"],
      ["NTRGRESP", "NON-CR/NON-PD", "RECIST 1.0"],
      ["NEWLIND", "Y", "RECIST 1.0"],
      ["OVRLRESP", "PD", "RECIST 1.0"],
    ]);
  });
});

describe("DV", () => {
  test("a dose departing from the dose-modification table is a protocol deviation with its reason; a dose that follows it is none", () => {
    const followed = dosing("day1", "2026-01-10", "given", "given");
    const departed = record("dosing", "week4", {
      visitDate: "2026-02-07",
      weightKg: 60,
      heightCm: 165,
      thalidomide: drug("given"),
      uft: drug("given", { deviationReason: "Neutrophils recovered to 1.2 on a repeat count the same morning" }),
    });
    expect(mapDv(subject([followed, departed]))).toEqual([
      {
        STUDYID: "THAL-UFT-HCC",
        DOMAIN: "DV",
        USUBJID: "THAL-UFT-HCC-TW01-007",
        DVSEQ: 1,
        DVSPID: `${departed.id}/uft`,
        DVTERM:
          "TEGAFUR/URACIL dose not as the protocol's dose-modification table recommends: Neutrophils recovered to 1.2 on a repeat count the same morning",
        DVDECOD: "DOSE MODIFICATION NOT PER PROTOCOL",
        DVCAT: "TREATMENT DEVIATION",
        VISIT: "WEEK 4",
        DVSTDTC: "2026-02-07",
        DVSTDY: 29,
      },
    ]);
  });
});
