import { randomUUID } from "node:crypto";
import type { Actor } from "@/lib/auth/actor";
import { loadActor } from "@/lib/auth/get-actor";
import { saveCrfRecord } from "@/lib/data/crf-records";
import type { LabTest } from "@/lib/domain/ctcae/lab-criteria";
import type { AdverseEventData } from "@/lib/forms/adverse-event-schema";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { Role } from "@/lib/generated/prisma/enums";
import { labsOn, type LabRow } from "@/test/fixtures/labs-data";
import { createEnrolledPatient } from "./enrolled-patient";
import { saveNewRecord } from "./new-record";

/** Test data entered through the real write path (saveCrfRecord), as an investigator would. */

/** A patient consented 2026-01-04 and, unless `enrolled` is false, enrolled on 2026-01-10 (day 1). */
export function createPatient(investigator: Actor, siteId: string, options: { enrolled?: boolean } = {}) {
  return createEnrolledPatient(investigator, siteId, {
    screeningDate: "2026-01-05",
    consentDate: "2026-01-04",
    enrollmentDate: options.enrolled === false ? null : "2026-01-10",
  });
}

// The adverse events themselves are plain data, shared with the unit tests.
export { adverseEvent, serious } from "@/test/fixtures/adverse-event-data";

export function recordAdverseEvent(investigator: Actor, patientId: string, data: AdverseEventData) {
  return saveNewRecord(investigator, patientId, "adverse-event", null, data);
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

/** A labs record at a visit; tests not given are "not done". Platelets 40 x10^9/L is CTCAE grade 3. */
export function recordLabs(
  investigator: Actor,
  patientId: string,
  visitKey: string,
  sampleDate: string,
  values: Partial<Record<LabTest, Partial<LabRow>>>,
) {
  return saveNewRecord(investigator, patientId, "labs", visitKey, labsOn(sampleDate, values));
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
