/** The end-of-study dates that end a patient's treatment schedule (lib/forms/end-of-study-form). */
export interface ScheduleEndEvents {
  deathDate?: string | null;
  offTreatmentDate?: string | null;
  offStudyDate?: string | null;
}

/**
 * The last day on which the protocol expects treatment visits of this patient: today, or the
 * day treatment ended, the patient left the study (withdrawal included) or died, whichever
 * came first (docs/protocol.md, "Visit schedule": visits run while the patient is on
 * treatment). Nothing is expected, so nothing is overdue, after it: a patient who died in
 * 2024 has no forms due in 2026.
 */
export function scheduleEndDate(today: string, events: ScheduleEndEvents | null | undefined): string {
  const ends = [events?.deathDate, events?.offTreatmentDate, events?.offStudyDate].filter(
    (d): d is string => typeof d === "string" && d.length === 10,
  );
  return [today, ...ends].sort()[0]!;
}
