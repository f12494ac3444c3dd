import "server-only";
import { hasPermission, type Actor } from "@/lib/auth/actor";
import { diffFields, writeAudit } from "@/lib/audit/audit-log";
import { getPrisma } from "@/lib/db/prisma";
import { evaluateEligibility } from "@/lib/domain/eligibility/criteria";
import { ConflictError, ForbiddenError, ValidationError } from "@/lib/errors";
import { readForm } from "@/lib/forms/form-types";
import { refreshEfficacyFacts } from "./efficacy-facts";
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

    const updated = await tx.patient.update({
      where: { id: patient.id },
      data: {
        status: "ON_TREATMENT",
        enrollmentDate: new Date(`${input.enrollmentDate}T00:00:00Z`),
        version: { increment: 1 },
      },
    });
    await writeAudit(tx, actor, {
      action: "UPDATE",
      entityType: "patient",
      entityId: patient.id,
      siteId: patient.site.id,
      patientId: patient.id,
      changes: diffFields(
        { status: row!.status, enrollmentDate: null },
        { status: updated.status, enrollmentDate: input.enrollmentDate },
        ["status", "enrollmentDate"],
      ),
      reason: "Enrollment",
    });
    // Forms saved before enrollment (baseline, cytokines) count from day 1.
    await refreshEfficacyFacts(tx, { id: patient.id, enrollmentDate: input.enrollmentDate });
    return { status: updated.status, enrollmentDate: input.enrollmentDate };
  });
}

/** Records a screen failure with its reason; the patient keeps their subject ID (never reused). */
export async function recordScreenFailure(actor: Actor, input: { patientId: string; reason: string }) {
  const patient = await requireWritablePatient(actor, input.patientId);
  return getPrisma().$transaction(async (tx) => {
    const [row] = await tx.$queryRaw<
      { status: string }[]
    >`SELECT "status" FROM "patients" WHERE "id" = ${patient.id}::uuid FOR UPDATE`;
    if (row!.status !== "SCREENING")
      throw new ConflictError("Only a patient in screening can be recorded as a screen failure.");
    await tx.patient.update({
      where: { id: patient.id },
      data: { status: "SCREEN_FAILED", screenFailureReason: input.reason, version: { increment: 1 } },
    });
    await writeAudit(tx, actor, {
      action: "UPDATE",
      entityType: "patient",
      entityId: patient.id,
      siteId: patient.site.id,
      patientId: patient.id,
      changes: [
        { field: "status", from: row!.status, to: "SCREEN_FAILED" },
        { field: "screenFailureReason", from: null, to: input.reason },
      ],
      reason: input.reason,
    });
    return { status: "SCREEN_FAILED" as const };
  });
}
