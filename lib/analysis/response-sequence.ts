import type { Response } from "@/lib/domain/recist";
import { compareText, inSubjectOrder } from "./compare-text";
import { outcomeInputOf } from "./per-patient";
import type { AnalysisPatientRecords } from "./patient-records";

/** An enrolled patient's best overall response, in the order patients entered the trial. */
export interface PatientResponse {
  subjectId: string;
  siteCode: string;
  enrollmentDate: string;
  bestOverallResponse: Response;
}

/**
 * Best overall responses exactly as the efficacy dashboard derives them (RECIST 1.0 with
 * confirmation, lib/analysis/efficacy.ts), ordered by enrollment date then subject: Simon's
 * stage 1 is the first n1 evaluable patients to enter.
 */
export function listResponsesInEnrollmentOrder(patients: readonly AnalysisPatientRecords[]): PatientResponse[] {
  const responses = patients.map((p) => ({
    subjectId: p.subjectId,
    siteCode: p.siteCode,
    enrollmentDate: p.enrollmentDate,
    bestOverallResponse: outcomeInputOf(p).outcome.bestOverallResponse,
  }));
  // Grouped by day, the days in order (ISO dates order as text): no comparison sort of 100,000
  // patients per request. Ties by subject: already so when the cohort comes in compareText's
  // subject order, else each day's patients are sorted.
  const byDay = new Map<string, PatientResponse[]>();
  for (const response of responses) {
    const day = byDay.get(response.enrollmentDate);
    if (day) day.push(response);
    else byDay.set(response.enrollmentDate, [response]);
  }
  const bySubject = inSubjectOrder(patients);
  const ordered: PatientResponse[] = [];
  for (const date of [...byDay.keys()].sort()) {
    const day = byDay.get(date)!;
    if (!bySubject) day.sort((a, b) => compareText(a.subjectId, b.subjectId));
    for (const response of day) ordered.push(response);
  }
  return ordered;
}

/**
 * Evaluable for response: a best overall response other than NE so far. A responder: confirmed
 * CR or PR, the numerator of the efficacy dashboard's objective response rate.
 */
export function toEvaluableResponses(responses: readonly PatientResponse[]): boolean[] {
  return responses
    .filter((r) => r.bestOverallResponse !== "NE")
    .map((r) => r.bestOverallResponse === "CR" || r.bestOverallResponse === "PR");
}
