import type { QualityPatient, QualityRecord } from "@/lib/analysis/data-quality";
import type { ScheduleEndEvents } from "@/lib/domain/schedule/schedule-end";
import type { PrismaClient } from "@/lib/generated/prisma/client";

/**
 * The data-quality page's inputs as the app read them before the schedule facts (every patient
 * and every form of the trial, the end of study's answers): the reference the kept facts are
 * compared with (lib/data/schedule-facts.integration.test.ts).
 */
export async function loadReferenceQualityInputs(prisma: PrismaClient) {
  const [patients, records, endsOfStudy, missingBaseline] = await Promise.all([
    prisma.patient.findMany({
      where: { deletedAt: null },
      select: { id: true, subjectId: true, enrollmentDate: true, site: { select: { code: true } } },
    }),
    prisma.crfRecord.findMany({
      where: { deletedAt: null, patient: { deletedAt: null } },
      orderBy: { createdAt: "asc" },
      select: { id: true, patientId: true, formType: true, visitKey: true, status: true, signedAt: true, sdvAt: true },
    }),
    prisma.crfRecord.findMany({
      where: { formType: "end-of-study", deletedAt: null, patient: { deletedAt: null } },
      select: { patientId: true, data: true },
    }),
    prisma.crfRecord.findMany({
      where: {
        deletedAt: null,
        patient: { deletedAt: null },
        formType: "labs",
        computed: { path: ["baseline", "status"], equals: "missing" },
      },
      select: { id: true },
    }),
  ]);
  const endOfStudyOf = new Map(endsOfStudy.map((r) => [r.patientId, r.data as ScheduleEndEvents]));
  const missingIds = new Set(missingBaseline.map((r) => r.id));
  return {
    patients: patients.map((p): QualityPatient => ({
      id: p.id,
      subjectId: p.subjectId,
      siteCode: p.site.code,
      enrollmentDate: p.enrollmentDate?.toISOString().slice(0, 10) ?? null,
      scheduleEnd: endOfStudyOf.get(p.id) ?? null,
    })),
    records: records.map((r): QualityRecord & { id: string } => ({
      id: r.id,
      patientId: r.patientId,
      formType: r.formType,
      visitKey: r.visitKey,
      status: r.status,
      signed: r.signedAt !== null,
      baselineMissing: missingIds.has(r.id),
      verified: r.sdvAt !== null,
    })),
  };
}
