import { randomUUID } from "node:crypto";
import type { Actor } from "@/lib/auth/actor";
import { loadActor } from "@/lib/auth/get-actor";
import { saveCrfRecord } from "@/lib/data/crf-records";
import { enrollPatient } from "@/lib/data/enrollment";
import { registerPatient } from "@/lib/data/patients";
import { LAB_TESTS, type LabTest } from "@/lib/domain/ctcae/lab-criteria";
import { eligibleAnswers } from "@/lib/domain/eligibility/criteria";
import { emptyAdverseEvent, type AdverseEventData } from "@/lib/forms/adverse-event-schema";
import { defaultRange, LAB_PANEL } from "@/lib/forms/labs/lab-panel";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { Role } from "@/lib/generated/prisma/enums";

/** Test data entered through the real write path (saveCrfRecord), as an investigator would. */
const answers = eligibleAnswers();

/** A patient consented 2026-01-04 and, unless `enrolled` is false, enrolled on 2026-01-10 (day 1). */
export async function createPatient(investigator: Actor, siteId: string, options: { enrolled?: boolean } = {}) {
  const patient = await registerPatient(investigator, { siteId, screeningDate: "2026-01-05" });
  await saveCrfRecord(investigator, {
    patientId: patient.id,
    formType: "eligibility",
    visitKey: "screening",
    recordId: null,
    expectedVersion: null,
    reason: null,
    data: { consentDate: "2026-01-04", answers },
  });
  if (options.enrolled !== false)
    await enrollPatient(investigator, { patientId: patient.id, enrollmentDate: "2026-01-10" });
  return patient;
}

/** A complete adverse event: non-serious, attribution possible (thalidomide) and unlikely (UFT). */
export function adverseEvent(overrides: Partial<AdverseEventData> = {}): AdverseEventData {
  return {
    ...emptyAdverseEvent(),
    term: "Fatigue",
    grade: 2,
    onsetDate: "2026-02-03",
    ongoing: true,
    serious: "no",
    attribution: { thalidomide: "possible", uft: "unlikely" },
    actionTaken: { thalidomide: "none", uft: "none" },
    outcome: "not-recovered",
    ...overrides,
  };
}

/** The changes that make an adverse event serious (hospitalization), aware the day after onset. */
export const serious = (awareAt = "2026-02-04T09:15"): Partial<AdverseEventData> => ({
  serious: "yes",
  saeCriteria: { ...emptyAdverseEvent().saeCriteria, hospitalization: true },
  awareAt,
});

export async function recordAdverseEvent(investigator: Actor, patientId: string, data: AdverseEventData) {
  return saveCrfRecord(investigator, {
    patientId,
    formType: "adverse-event",
    visitKey: null,
    recordId: null,
    expectedVersion: null,
    reason: null,
    data,
  });
}

export async function correctAdverseEvent(
  investigator: Actor,
  patientId: string,
  record: { id: string; version: number },
  data: AdverseEventData,
) {
  return saveCrfRecord(investigator, {
    patientId,
    formType: "adverse-event",
    visitKey: null,
    recordId: record.id,
    expectedVersion: record.version,
    reason: "Corrected from source",
    data,
  });
}

type LabRow = { value: number | null; unit: string; lln: number | null; uln: number | null };

/** A labs record at a visit; tests not given are "not done". Platelets 40 x10^9/L is CTCAE grade 3. */
export async function recordLabs(
  investigator: Actor,
  patientId: string,
  visitKey: string,
  sampleDate: string,
  values: Partial<Record<LabTest, Partial<LabRow>>>,
) {
  const results = Object.fromEntries(
    LAB_TESTS.map((test) => {
      const unit = LAB_PANEL.find((p) => p.test === test)!.defaultUnit;
      return [test, { value: null, unit, ...defaultRange(test, unit), ...values[test] }];
    }),
  );
  return saveCrfRecord(investigator, {
    patientId,
    formType: "labs",
    visitKey,
    recordId: null,
    expectedVersion: null,
    reason: null,
    data: { sampleDate, results },
  });
}

/**
 * A site of the test's own with a user holding `role` there, so counts are not disturbed
 * by whatever else the demo seed creates at the demo sites.
 */
export async function createSiteUser(prisma: PrismaClient, siteCode: string, role: Role, siteId?: string) {
  const site = siteId
    ? { id: siteId }
    : await prisma.site.create({
        data: { code: siteCode, name: `Test site ${siteCode}`, city: "Tainan", country: "Taiwan" },
      });
  const user = await prisma.user.create({
    data: {
      email: `${role.toLowerCase()}-${randomUUID().slice(0, 8)}@test.test`,
      name: `${role} at ${siteCode}`,
      passwordHash: "not-used",
      roleAssignments: { create: { role, siteId: site.id } },
    },
  });
  return { siteId: site.id, actor: (await loadActor(user.id))! };
}
