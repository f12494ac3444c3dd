import "server-only";
import { z } from "zod";
import { hasPermission, type Actor } from "@/lib/auth/actor";
import { diffFields } from "@/lib/audit/audit-log";
import { getPrisma } from "@/lib/db/prisma";
import type { ScheduleConfig } from "@/lib/domain/schedule/visit-schedule";
import { ForbiddenError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { StudySettingsInput } from "@/lib/schemas/study-settings";
import { commitSettingsChange } from "./settings-change";

/** The single row of study_settings (created by its migration). */
export const STUDY_ID = 1;

export interface StudySettingsView {
  name: string;
  protocolCode: string;
  schedule: ScheduleConfig;
  cytokinePanel: string[];
  version: number;
  updatedAt: string;
}

const StringList = z.array(z.string());

function toView(row: {
  name: string;
  protocolCode: string;
  visitIntervalDays: number;
  imagingIntervalDays: number;
  windowDays: number;
  visitForms: Prisma.JsonValue;
  imagingForms: Prisma.JsonValue;
  cytokinePanel: Prisma.JsonValue;
  version: number;
  updatedAt: Date;
}): StudySettingsView {
  return {
    name: row.name,
    protocolCode: row.protocolCode,
    schedule: {
      visitIntervalDays: row.visitIntervalDays,
      imagingIntervalDays: row.imagingIntervalDays,
      windowDays: row.windowDays,
      visitForms: StringList.parse(row.visitForms),
      imagingForms: StringList.parse(row.imagingForms),
    },
    cytokinePanel: StringList.parse(row.cytokinePanel),
    version: row.version,
    updatedAt: row.updatedAt.toISOString(),
  };
}

/**
 * The study's settings: the visit schedule (patient timeline, overdue forms) and the baseline
 * cytokine panel. Not clinical data, but only for users of the trial's data or its administrators.
 */
export async function getStudySettings(actor: Actor): Promise<StudySettingsView> {
  if (!hasPermission(actor, "patient.read") && !hasPermission(actor, "study.admin")) throw new ForbiddenError();
  return toView(await getPrisma().studySettings.findUniqueOrThrow({ where: { id: STUDY_ID } }));
}

const AUDITED_FIELDS = [
  "name",
  "protocolCode",
  "visitIntervalDays",
  "imagingIntervalDays",
  "windowDays",
  "visitForms",
  "imagingForms",
  "cytokinePanel",
] as const;

/**
 * Changes the study settings (validated by StudySettingsSchema), with the version the editor
 * read and a reason; the change and its audit record (per-field from/to) commit together.
 * The schedule is derived on every read, so the timeline and overdue forms follow at once.
 */
export async function updateStudySettings(
  actor: Actor,
  input: { settings: StudySettingsInput; expectedVersion: number; reason: string },
): Promise<StudySettingsView> {
  if (!hasPermission(actor, "study.admin")) throw new ForbiddenError();
  const after = input.settings;
  return getPrisma().$transaction(async (tx) => {
    const row = await commitSettingsChange(tx, actor, {
      lock: () => tx.$queryRaw`SELECT "id" FROM "study_settings" WHERE "id" = ${STUDY_ID} FOR UPDATE`,
      read: () => tx.studySettings.findUniqueOrThrow({ where: { id: STUDY_ID } }),
      expectedVersion: input.expectedVersion,
      staleMessage:
        "The study settings were changed by someone else after you opened them. Reload to see their changes, then apply yours again.",
      diff: (current) => {
        const before = toView(current);
        return diffFields(
          {
            ...before.schedule,
            name: before.name,
            protocolCode: before.protocolCode,
            cytokinePanel: before.cytokinePanel,
          },
          { ...after, visitForms: [...after.visitForms], imagingForms: [...after.imagingForms] },
          AUDITED_FIELDS,
        );
      },
      write: () =>
        tx.studySettings.update({
          where: { id: STUDY_ID },
          data: {
            name: after.name,
            protocolCode: after.protocolCode,
            visitIntervalDays: after.visitIntervalDays,
            imagingIntervalDays: after.imagingIntervalDays,
            windowDays: after.windowDays,
            visitForms: after.visitForms,
            imagingForms: after.imagingForms,
            cytokinePanel: after.cytokinePanel,
            version: { increment: 1 },
          },
        }),
      audit: { entityType: "study-settings", entityId: String(STUDY_ID), reason: input.reason },
    });
    return toView(row);
  }, SCHEDULE_CHANGE_TRANSACTION);
}

/**
 * A new schedule recomputes every patient's schedule facts inside this transaction (a trigger,
 * migration 20261208300000_patient_schedule_facts): 2.4-3.5 s at 10,000 patients at load 6,
 * 12-13 s at 100,000 on a quiet machine (session 9), close to the client's 15-second limit,
 * which a busy machine would pass and so refuse the schedule change. Saves wait for it; it is
 * an administrator's rare action.
 */
const SCHEDULE_CHANGE_TRANSACTION = { timeout: 10 * 60_000 };
