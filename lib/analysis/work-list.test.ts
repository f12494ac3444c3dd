import { describe, expect, test } from "vitest";
import { DEFAULT_SCHEDULE } from "@/lib/domain/schedule/visit-schedule";
import { summarizeDataQuality, type QualityPatient, type QualityRecord } from "./data-quality";
import { buildSafetyWorkLists, buildWorkLists, formHref, type WorkAbilities, type WorkQuery } from "./work-list";

const patients: QualityPatient[] = [
  { id: "p1", subjectId: "TW01-001", siteCode: "TW01", enrollmentDate: "2026-01-10" },
  { id: "p2", subjectId: "TW02-001", siteCode: "TW02", enrollmentDate: "2026-02-01" },
];
const records: (QualityRecord & { id: string })[] = [
  {
    id: "r1",
    patientId: "p1",
    formType: "eligibility",
    visitKey: "screening",
    status: "COMPLETE",
    signed: false,
    verified: false,
  },
  { id: "r2", patientId: "p1", formType: "labs", visitKey: "day1", status: "COMPLETE", signed: true, verified: true },
  {
    id: "r3",
    patientId: "p2",
    formType: "eligibility",
    visitKey: "screening",
    status: "COMPLETE",
    signed: false,
    verified: true,
  },
  { id: "r4", patientId: "p2", formType: "dosing", visitKey: "day1", status: "IN_PROGRESS", signed: false },
];
const queries: WorkQuery[] = [
  {
    id: "q1",
    patientId: "p1",
    recordId: "r1",
    formType: "eligibility",
    visitKey: "screening",
    fieldPath: "consentDate",
    status: "OPEN",
    openedById: "monitor",
    openedAt: "2026-02-03T10:00:00Z",
  },
  {
    id: "q2",
    patientId: "p2",
    recordId: "r3",
    formType: "eligibility",
    visitKey: "screening",
    fieldPath: "consentDate",
    status: "ANSWERED",
    openedById: "monitor",
    openedAt: "2026-02-01T10:00:00Z",
  },
];
const none = new Set<string>();
const investigatorTw01: WorkAbilities = {
  userId: "inv",
  enter: new Set(["TW01"]),
  sign: new Set(["TW01"]),
  verify: none,
  answer: new Set(["TW01"]),
  close: none,
};
const monitor: WorkAbilities = {
  userId: "monitor",
  enter: none,
  sign: none,
  verify: "all",
  answer: none,
  close: "all",
};
const today = "2026-02-10";
const build = (abilities: WorkAbilities) =>
  Object.fromEntries(
    buildWorkLists({ patients, records, queries, today, schedule: DEFAULT_SCHEDULE, abilities }).map((l) => [
      l.kind,
      l,
    ]),
  );

describe("home work-lists", () => {
  test("an investigator gets their own site's overdue forms, forms due this week, forms to sign and queries to answer", () => {
    const lists = build(investigatorTw01);
    // p1 enrolled 01-10: day-1 dosing overdue (window ended 01-17); week 4 (due 02-07) dosing and labs are in their window.
    expect(lists.overdue!.items.map((i) => [i.subjectId, i.formType, i.visitKey])).toEqual([
      ["TW01-001", "dosing", "day1"],
    ]);
    expect(lists["due-this-week"]!.count).toBe(2);
    expect(lists["to-sign"]!.items.map((i) => i.recordId)).toEqual(["r1"]);
    expect(lists["query-to-answer"]!.items[0]).toMatchObject({
      fieldPath: "consentDate",
      href: "/patients/p1/forms/eligibility?record=r1&field=consentDate",
    });
    expect(lists["to-verify"]).toBeUndefined();
    expect(lists["query-to-close"]).toBeUndefined();
  });

  test("a monitor gets forms to verify, their answered queries to close and every open query", () => {
    const lists = build(monitor);
    expect(lists["to-verify"]!.items.map((i) => i.recordId)).toEqual(["r1"]);
    expect(lists["query-to-close"]!.items.map((i) => i.patientId)).toEqual(["p2"]);
    expect(lists["open-query"]!.count).toBe(2);
    expect(lists.overdue).toBeUndefined();
    // Another person's answered query is not theirs to close.
    expect(
      Object.fromEntries(
        buildWorkLists({
          patients,
          records,
          queries,
          today,
          schedule: DEFAULT_SCHEDULE,
          abilities: { ...monitor, userId: "someone" },
        }).map((l) => [l.kind, l]),
      )["query-to-close"],
    ).toBeUndefined();
  });

  test("counts are exact beyond the items shown, and equal the data-quality page's per site", () => {
    const all: WorkAbilities = { userId: "x", enter: "all", sign: "all", verify: "all", answer: "all", close: "all" };
    const lists = Object.fromEntries(
      buildWorkLists({ patients, records, queries, today, schedule: DEFAULT_SCHEDULE, abilities: all, limit: 1 }).map(
        (l) => [l.kind, l],
      ),
    );
    const quality = summarizeDataQuality(
      ["TW01", "TW02"],
      patients,
      records,
      { p1: 1, p2: 1 },
      today,
      DEFAULT_SCHEDULE,
    );
    for (const site of quality) {
      expect(lists.overdue?.bySite[site.siteCode] ?? 0).toBe(site.overdueForms.count);
      expect(lists["to-sign"]?.bySite[site.siteCode] ?? 0).toBe(site.unsignedForms.count);
      expect(lists["open-query"]?.bySite[site.siteCode] ?? 0).toBe(site.openQueries.count);
    }
    expect(lists.overdue!.items).toHaveLength(1);
    expect(lists.overdue!.count).toBe(quality.reduce((n, s) => n + s.overdueForms.count, 0));
  });

  test("links name the saved form, or the visit for a form not entered yet", () => {
    expect(formHref({ patientId: "p", formType: "labs", visitKey: "week4", recordId: null })).toBe(
      "/patients/p/forms/labs?visit=week4",
    );
    expect(
      formHref({ patientId: "p", formType: "labs", visitKey: "week4", recordId: "r", fieldPath: "results.ast.value" }),
    ).toBe("/patients/p/forms/labs?record=r&field=results.ast.value");
  });
});

describe("an investigator's safety work", () => {
  const event = {
    recordId: "ae1",
    patientId: "p1",
    subjectId: "TW01-001",
    siteCode: "TW01",
    term: "Neutrophil count decreased",
    serious: true,
    saeReportDueAt: "2026-02-11T09:00",
    saeReportedAt: null,
  };
  const lab = {
    recordId: "l1",
    patientId: "p1",
    subjectId: "TW01-001",
    siteCode: "TW01",
    visitKey: "week4",
    term: "Neutrophil count decreased",
    grade: 3,
    sampleDate: "2026-02-07",
  };
  const running = () => ({ status: "running" });

  test("SAE clocks that run or are overdue, not reported ones; grade 3+ labs without an AE of that term", () => {
    const otherLab = { ...lab, recordId: "l2", term: "Platelet count decreased", grade: 4 };
    const lists = Object.fromEntries(buildSafetyWorkLists([event], [lab, otherLab], running).map((l) => [l.kind, l]));
    expect(lists["sae-clock"]!.items.map((i) => i.href)).toEqual(["/patients/p1/forms/adverse-event?record=ae1"]);
    // The neutrophil lab has its AE; the platelet one does not, and links to a prefilled new AE.
    expect(lists["lab-without-ae"]!.items.map((i) => i.recordId)).toEqual(["l2"]);
    expect(lists["lab-without-ae"]!.items[0]!.href).toBe(
      "/patients/p1/forms/adverse-event?term=Platelet+count+decreased&grade=4&onset=2026-02-07",
    );
    expect(buildSafetyWorkLists([event], [], () => ({ status: "reported" }))).toEqual([]);
    expect(buildSafetyWorkLists([{ ...event, serious: false }], [], running)).toEqual([]);
  });
});
