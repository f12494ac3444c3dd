import "server-only";
import { hasPermission, type Actor } from "@/lib/auth/actor";
import { getPrisma } from "@/lib/db/prisma";
import { evaluateEligibility } from "@/lib/domain/eligibility/criteria";
import { ConflictError, ForbiddenError, ValidationError } from "@/lib/errors";
import { readForm } from "@/lib/forms/form-types";
import { writeEnrollment, writeScreenFailure } from "./patient-transitions";
import { getPatientOrThrow } from "./patients";

async function requireWritablePatient(actor: Actor, patientId: string) {
  const patient = await getPatientOrThrow(actor, patientId);
  if (!hasPermission(actor, "patient.write", patient.site.id))
    throw new ForbiddenError("You cannot enroll patients at this site.");
  if (patient.lockedAt) throw new ConflictError("The patient's data are locked for analysis.");
  return patient;
}

/**
 * Enrolls a screened patient (day 1 of treatment). Refused while any eligibility criterion
 * fails or is unanswered, with the reasons; the enrollment date must not precede consent
 * or screening. Status, date and audit commit together.
 */
export async function enrollPatient(actor: Actor, input: { patientId: string; enrollmentDate: string }) {
  const patient = await requireWritablePatient(actor, input.patientId);
  return getPrisma().$transaction(async (tx) => {
    const [row] = await tx.$queryRaw<{ status: string; screening_date: Date; version: number }[]>`
      SELECT "status", "screening_date", "version" FROM "patients" WHERE "id" = ${patient.id}::uuid FOR UPDATE`;
    if (row!.status !== "SCREENING") throw new ConflictError("Only a patient in screening can be enrolled.");
    const eligibility = await tx.crfRecord.findFirst({
      where: { patientId: patient.id, formType: "eligibility", deletedAt: null },
    });
    if (!eligibility) {
      const message = "Complete the screening and eligibility form before enrolling.";
      throw new ValidationError({ _form: [message] }, message);
    }
    const data = readForm(eligibility, "eligibility")!;
    const evaluation = evaluateEligibility(data.answers);
    if (!evaluation.eligible) throw new ValidationError({ _form: evaluation.reasons }, "The patient is not eligible.");
    const screeningDate = row!.screening_date.toISOString().slice(0, 10);
    if (input.enrollmentDate < data.consentDate)
      throw new ValidationError({ enrollmentDate: ["Enrollment cannot be before informed consent"] });
    if (input.enrollmentDate < screeningDate)
      throw new ValidationError({ enrollmentDate: ["Enrollment cannot be before screening"] });

    await writeEnrollment(tx, actor, {
      patientId: patient.id,
      siteId: patient.site.id,
      fromStatus: row!.status,
      enrollmentDate: input.enrollmentDate,
      action: "UPDATE",
      reason: "Enrollment",
    });
    return { status: "ON_TREATMENT" as const, enrollmentDate: input.enrollmentDate };
  });
}

/** Records a screen failure with its reason (lib/data/patient-transitions.ts). */
export async function recordScreenFailure(actor: Actor, input: { patientId: string; reason: string }) {
  const patient = await requireWritablePatient(actor, input.patientId);
  return getPrisma().$transaction(async (tx) => {
    const [row] = await tx.$queryRaw<
      { status: string }[]
    >`SELECT "status" FROM "patients" WHERE "id" = ${patient.id}::uuid FOR UPDATE`;
    if (row!.status !== "SCREENING")
      throw new ConflictError("Only a patient in screening can be recorded as a screen failure.");
    await writeScreenFailure(tx, actor, {
      patientId: patient.id,
      siteId: patient.site.id,
      fromStatus: row!.status,
      screenFailureReason: input.reason,
      action: "UPDATE",
      reason: input.reason,
    });
    return { status: "SCREEN_FAILED" as const };
  });
}
