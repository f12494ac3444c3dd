import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { loadActor } from "@/lib/auth/get-actor";
import { saveCrfRecord } from "@/lib/data/crf-records";
import { enrollPatient, recordScreenFailure } from "@/lib/data/enrollment";
import { registerPatient } from "@/lib/data/patients";
import { getPrisma } from "@/lib/db/prisma";
import { DEMO_ACCOUNTS, DEMO_SITES } from "./demo-accounts";
import { generateDemoCohort, type PlannedPatient } from "./cohort/generate-cohort";

export interface CohortSeedReport {
  patientsCreated: number;
  formsSaved: number;
  /** Sites left alone because they hold patients that are not the demo cohort's. */
  sitesSkipped: string[];
  /** Patients whose forms could not all be saved (e.g. locked by a coordinator), with the reason. */
  problems: string[];
}

const PARALLEL_PATIENTS = 4;

/**
 * Brings the database up to date with one planned patient, entering whatever is missing
 * through the app's own write path as the site's investigator: eligibility, enrollment or
 * screen failure, then the forms in order. What already exists is left as it is.
 */
async function completePatient(
  actor: Actor,
  patientId: string,
  plan: PlannedPatient,
  report: CohortSeedReport,
): Promise<void> {
  const prisma = getPrisma();
  const existing = await prisma.crfRecord.findMany({
    where: { patientId, deletedAt: null },
    select: { formType: true, visitKey: true },
  });
  const have = new Map<string, number>();
  for (const r of existing) have.set(`${r.formType}:${r.visitKey}`, (have.get(`${r.formType}:${r.visitKey}`) ?? 0) + 1);
  const save = async (formType: string, visitKey: string | null, data: unknown) => {
    const key = `${formType}:${visitKey}`;
    const count = have.get(key) ?? 0;
    if (count > 0) return have.set(key, count - 1);
    await saveCrfRecord(actor, {
      patientId,
      formType,
      visitKey,
      recordId: null,
      expectedVersion: null,
      reason: null,
      data,
    });
    report.formsSaved++;
  };

  await save("eligibility", "screening", plan.eligibility);
  const { status } = await prisma.patient.findUniqueOrThrow({ where: { id: patientId }, select: { status: true } });
  if (status === "SCREENING" && plan.enrollmentDate)
    await enrollPatient(actor, { patientId, enrollmentDate: plan.enrollmentDate });
  if (status === "SCREENING" && plan.screenFailureReason)
    await recordScreenFailure(actor, { patientId, reason: plan.screenFailureReason });
  for (const form of plan.forms) await save(form.formType, form.visitKey, form.data);
}

async function runInParallel<T>(items: readonly T[], limit: number, run: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      while (next < items.length) await run(items[next++] as T);
    }),
  );
}

/**
 * The synthetic demo cohort (lib/demo/cohort): 43 enrolled patients and a few screen failures
 * at the demo sites, entered as their investigators would enter them, so that every computed
 * value comes from the app. Demo mode only. Idempotent and resumable: a site's subject numbers
 * 001, 002... belong to the cohort in screening order, so a rerun finds each planned patient
 * and adds only what is missing; a site whose first subject numbers went to other patients is left alone.
 */
export async function seedDemoCohort(mode: "demo" | "production"): Promise<CohortSeedReport> {
  if (mode !== "demo") throw new Error("The demo cohort is created only in demo mode (TRIALDESK_MODE=demo).");
  const prisma = getPrisma();
  const report: CohortSeedReport = { patientsCreated: 0, formsSaved: 0, sitesSkipped: [], problems: [] };
  const plan = generateDemoCohort();

  for (const { code } of DEMO_SITES) {
    const site = await prisma.site.findUnique({ where: { code }, select: { id: true } });
    const email = DEMO_ACCOUNTS.find((a) => a.role === "INVESTIGATOR" && a.siteCode === code)?.email;
    const user = email ? await prisma.user.findUnique({ where: { email }, select: { id: true } }) : null;
    const actor = user ? await loadActor(user.id) : null;
    if (!site || !actor) {
      report.sitesSkipped.push(code);
      continue;
    }
    const planned = plan.filter((p) => p.siteCode === code);
    const subjectId = (i: number) => `${code}-${String(i + 1).padStart(3, "0")}`;
    const existing = await prisma.patient.findMany({
      where: { siteId: site.id },
      orderBy: { subjectId: "asc" },
      select: { id: true, subjectId: true, screeningDate: true },
    });
    // Patients registered after the cohort (numbers past it) are the users' own and do not matter.
    const isCohort = existing
      .slice(0, planned.length)
      .every(
        (p, i) =>
          p.subjectId === subjectId(i) && p.screeningDate.toISOString().slice(0, 10) === planned[i]?.screeningDate,
      );
    if (!isCohort) {
      report.sitesSkipped.push(code);
      continue;
    }
    // Registration issues the subject numbers, so it runs in screening order; the forms may then go in parallel.
    const ids = existing.slice(0, planned.length).map((p) => p.id);
    for (const patient of planned.slice(ids.length)) {
      ids.push((await registerPatient(actor, { siteId: site.id, screeningDate: patient.screeningDate })).id);
      report.patientsCreated++;
    }
    await runInParallel(
      planned.map((p, i) => ({ plan: p, id: ids[i] as string, subjectId: subjectId(i) })),
      PARALLEL_PATIENTS,
      async (item) => {
        try {
          await completePatient(actor, item.id, item.plan, report);
        } catch (error) {
          report.problems.push(`${item.subjectId}: ${error instanceof Error ? error.message : String(error)}`);
        }
      },
    );
  }
  return report;
}
