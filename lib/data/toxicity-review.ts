import "server-only";
import { hasPermission, type Actor } from "@/lib/auth/actor";
import { pregnancyLabel, PREGNANCY_ITEM_KEY, readReviewItems } from "@/lib/analysis/toxicity/read-toxicity-records";
import {
  AE_ITEM_KEY,
  deriveReviewState,
  isReviewable,
  labItemKey,
  type ReviewDecision,
  type ReviewState,
} from "@/lib/analysis/toxicity/review-state";
import type { ToxicityFilters } from "@/lib/domain/toxicity/toxicity-filters";
import { auditFormEvent } from "@/lib/audit/audit-log";
import { getPrisma } from "@/lib/db/prisma";
import { ConflictError, ForbiddenError, NotFoundError } from "@/lib/errors";
import { requireUnlockedPatient } from "./patient-lock";
import { getPatientOrThrow } from "./patients";
import { cachedByDataVersion } from "./cached-by-version";
import { loadReviewQueueSummary, type ReviewQueueSummary } from "./toxicity-review-queue";
import {
  loadAdverseEvents,
  loadLabToxicities,
  loadPositivePregnancyTests,
  siteFilterForAny,
  type SiteWhere,
} from "./toxicity-items";

export interface ReviewQueueItem {
  recordId: string;
  recordVersion: number;
  formType: "adverse-event" | "labs" | "pregnancy-test";
  itemKey: string;
  patientId: string;
  subjectId: string;
  siteCode: string;
  label: string;
  grade: number;
  serious: boolean;
  /** Onset (adverse event) or sample date (lab). */
  date: string;
  state: ReviewState;
  lastReview: {
    decision: ReviewDecision;
    comment: string;
    reviewerName: string;
    reviewedAt: string;
    grade: number;
    serious: boolean;
  } | null;
}

export type { ReviewQueueSummary };

/** Items listed per state of the queue (the toxicity page shows them; home links the first escalated ones). */
export const REVIEW_QUEUE_ITEMS_LISTED = 50;

/**
 * What the pages show of the queue: its counts per state and the first REVIEW_QUEUE_ITEMS_LISTED
 * items of each state, derived in SQL (lib/data/toxicity-review-queue.ts) so the first request
 * after a save does not read every candidate. Kept per (sites, filters, data version).
 */
export async function getToxicityReviewSummary(
  actor: Actor,
  filters: ToxicityFilters = {},
): Promise<ReviewQueueSummary> {
  const scope = siteFilterForAny(actor, ["toxicity.review"]);
  if (!scope) throw new ForbiddenError();
  return cachedByDataVersion(`toxicity-review-summary|${JSON.stringify(scope)}|${JSON.stringify(filters)}`, () =>
    loadReviewQueueSummary(scope, filters, REVIEW_QUEUE_ITEMS_LISTED),
  );
}

/**
 * The whole review queue within the caller's toxicity.review sites, narrowed by the dashboard
 * filters: every adverse event of grade 3+ or serious and every lab result of grade 3+,
 * each with its state derived from its latest review. Kept per (sites, filters, data version):
 * a review is audited, so it gives a new version. It reads every candidate: the pages read
 * getToxicityReviewSummary; this whole list is what the tests find one patient's items in and
 * hold the summary to.
 */
export async function listToxicityReviewQueue(actor: Actor, filters: ToxicityFilters = {}): Promise<ReviewQueueItem[]> {
  const scope = siteFilterForAny(actor, ["toxicity.review"]);
  if (!scope) throw new ForbiddenError();
  return cachedByDataVersion(`toxicity-review-queue|${JSON.stringify(scope)}|${JSON.stringify(filters)}`, () =>
    loadReviewQueue(scope, filters),
  );
}

async function loadReviewQueue(scope: SiteWhere, filters: ToxicityFilters): Promise<ReviewQueueItem[]> {
  const [events, labs, pregnancies] = await Promise.all([
    // Only the events the queue tracks leave the database (grade 3+ or serious; isReviewable below decides).
    loadAdverseEvents(scope, filters, undefined, { reviewable: true }),
    loadLabToxicities(scope, filters),
    loadPositivePregnancyTests(scope, filters),
  ]);
  const candidates = [
    ...events
      .filter((e) => e.grade !== null && isReviewable(e))
      .map((e) => ({
        ...e,
        formType: "adverse-event" as const,
        itemKey: AE_ITEM_KEY,
        label: e.summary,
        grade: e.grade!,
        date: e.onsetDate,
      })),
    ...labs.map((l) => ({
      ...l,
      formType: "labs" as const,
      itemKey: labItemKey(l.test),
      label: `${l.term}, grade ${l.grade} (lab)`,
      serious: false,
      date: l.sampleDate,
    })),
    ...pregnancies.map((p) => ({
      ...p,
      formType: "pregnancy-test" as const,
      itemKey: PREGNANCY_ITEM_KEY,
      label: pregnancyLabel(p.testDate),
      grade: 0,
      serious: true,
      date: p.testDate,
    })),
  ];
  // Every review in the sites rather than `recordId IN (...candidates)`: at 100,000 patients the
  // candidates outnumber the 32,767 bind parameters a statement may carry (bench:dashboards got a
  // 500), and reviews are written only for candidates, so there are no more of them than that.
  const reviews = await getPrisma().toxicityReview.findMany({ where: { ...scope }, orderBy: { id: "desc" } });
  const latest = new Map<string, (typeof reviews)[number]>();
  for (const review of reviews)
    if (!latest.has(`${review.recordId}/${review.itemKey}`)) latest.set(`${review.recordId}/${review.itemKey}`, review);
  return candidates.map((c) => {
    const last = latest.get(`${c.recordId}/${c.itemKey}`) ?? null;
    return {
      recordId: c.recordId,
      recordVersion: c.recordVersion,
      formType: c.formType,
      itemKey: c.itemKey,
      patientId: c.patientId,
      subjectId: c.subjectId,
      siteCode: c.siteCode,
      label: c.label,
      grade: c.grade,
      serious: c.serious,
      date: c.date,
      state: deriveReviewState({ recordVersion: c.recordVersion, grade: c.grade, serious: c.serious }, last),
      lastReview: last && {
        decision: last.decision,
        comment: last.comment,
        reviewerName: last.reviewerName,
        reviewedAt: last.reviewedAt.toISOString(),
        grade: last.grade,
        serious: last.serious,
      },
    };
  });
}

export interface ToxicityReviewRequest {
  patientId: string;
  recordId: string;
  itemKey: string;
  recordVersion: number;
  decision: ReviewDecision;
  comment: string;
}

/**
 * A coordinator marks an item reviewed, or escalates it to the PI (who may then mark it
 * reviewed), with a comment. The decision stores what was reviewed (record version,
 * grade, seriousness) and is audited in the same transaction. The record is locked while
 * it is read, so the snapshot is exactly the version the reviewer named.
 */
export async function recordToxicityReview(actor: Actor, input: ToxicityReviewRequest): Promise<{ id: string }> {
  const patient = await getPatientOrThrow(actor, input.patientId);
  if (!hasPermission(actor, "toxicity.review", patient.site.id)) throw new ForbiddenError();
  return getPrisma().$transaction(async (tx) => {
    await requireUnlockedPatient(tx, patient.id);
    const [record] = await tx.$queryRaw<
      { id: string; form_type: string; version: number; data: unknown; computed: unknown }[]
    >`
      SELECT "id", "form_type", "version", "data", "computed" FROM "crf_records"
      WHERE "id" = ${input.recordId}::uuid AND "patient_id" = ${patient.id}::uuid AND "deleted_at" IS NULL FOR UPDATE`;
    if (!record) throw new NotFoundError("Adverse event or lab result");
    const item = readReviewItems(record.form_type, record.data, record.computed).find(
      (i) => i.itemKey === input.itemKey,
    );
    if (!item) throw new ConflictError("This item no longer needs a review: it is below grade 3 and not serious.");
    if (record.version !== input.recordVersion) {
      throw new ConflictError(
        "The record changed after you opened it. Reload the queue and review the current version.",
      );
    }
    const last = await tx.toxicityReview.findFirst({
      where: { recordId: record.id, itemKey: item.itemKey },
      orderBy: { id: "desc" },
    });
    const state = deriveReviewState({ recordVersion: record.version, grade: item.grade, serious: item.serious }, last);
    if (state.state === (input.decision === "REVIEWED" ? "reviewed" : "escalated")) {
      throw new ConflictError(
        input.decision === "REVIEWED" ? "This item is already reviewed." : "This item is already escalated to the PI.",
      );
    }
    const review = await tx.toxicityReview.create({
      data: {
        recordId: record.id,
        patientId: patient.id,
        siteId: patient.site.id,
        itemKey: item.itemKey,
        recordVersion: record.version,
        grade: item.grade,
        serious: item.serious,
        decision: input.decision,
        comment: input.comment,
        reviewedById: actor.userId,
        reviewerName: actor.name,
      },
    });
    await auditFormEvent(tx, actor, {
      action: input.decision === "REVIEWED" ? "TOXICITY_REVIEW" : "TOXICITY_ESCALATE",
      formType: record.form_type,
      recordId: record.id,
      siteId: patient.site.id,
      patientId: patient.id,
      changes: [
        {
          field: `toxicityReview.${item.itemKey}`,
          from: last
            ? `${last.decision} (grade ${last.grade}${last.serious ? ", serious" : ""}, version ${last.recordVersion})`
            : null,
          to: `${input.decision} (grade ${item.grade}${item.serious ? ", serious" : ""}, version ${record.version})`,
        },
      ],
      reason: input.comment,
    });
    return { id: review.id.toString() };
  });
}
