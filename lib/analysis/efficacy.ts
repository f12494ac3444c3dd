import { earliestProgression } from "@/lib/domain/survival/progression-date";
import { determineBestOverallResponse, type Response } from "@/lib/domain/recist";
import { computeBinomialCi } from "@/lib/domain/statistics";
import {
  deriveSurvivalEndpoints,
  estimateKaplanMeier,
  estimateMedianSurvival,
  type ConfType,
  type EndpointTime,
} from "@/lib/domain/survival";

/**
 * The trial's efficacy endpoints from per-patient facts, computed only with the rules
 * engine: best overall response (RECIST 1.0 with confirmation), ORR (CR+PR) and disease
 * control (CR+PR+SD) with exact 95% CIs, and Kaplan-Meier PFS and OS in months with the
 * chosen median CI method. Everyone enrolled counts in the denominator (intention to
 * treat, as Shao et al. 2012 report 4/43); a patient never assessed is NE.
 */
export interface EfficacyPatient {
  enrollmentDate: string;
  assessments: { date: string; response: Response }[];
  progressionDate?: string;
  deathDate?: string;
  lastContactDate: string;
  /** Last adequate tumour assessment: PFS without progression or death is censored here (FDA 2007 endpoints guidance). */
  lastAssessmentDate?: string;
}

export interface EfficacyOptions {
  ciMethod?: ConfType;
  /** RECIST confirmation interval and minimum stable-disease duration (days). */
  confirmationDays?: number;
  minSdDays?: number;
}

export interface EndpointSummary {
  median: number | null;
  lower: number | null;
  upper: number | null;
  events: number;
  n: number;
}

export interface EfficacySummary {
  n: number;
  bor: Record<Response, number>;
  orr: { responders: number; n: number; estimate: number; lower: number; upper: number };
  dcr: { responders: number; n: number; estimate: number; lower: number; upper: number };
  pfs: EndpointSummary;
  os: EndpointSummary;
  ciMethod: ConfType;
}

function summarizeEndpoint(times: number[], events: (0 | 1)[], ciMethod: ConfType): EndpointSummary {
  const fit = estimateKaplanMeier(times, events);
  return {
    ...estimateMedianSurvival(fit, { confType: ciMethod }),
    events: events.filter((e) => e === 1).length,
    n: times.length,
  };
}

/** One patient's efficacy outcome: best overall response and PFS/OS times (months) with event flags. */
export interface PatientOutcome {
  bestOverallResponse: Response;
  /** The CR/PR reported was confirmed by a later assessment (false for SD, PD, NE). */
  confirmed: boolean;
  /** Where the progression date came from: the first PD assessment or the date entered. */
  progressionSource: "assessments" | "entered" | undefined;
  /** The progression date used for PFS: the first RECIST PD or an earlier recorded one. */
  progressionDate: string | undefined;
  pfs: EndpointTime;
  os: EndpointTime;
}

/** The part of a patient's outcome that does not move with follow-up: stored with the efficacy facts at save. */
export type ResponseOutcome = Pick<
  PatientOutcome,
  "bestOverallResponse" | "confirmed" | "progressionSource" | "progressionDate"
>;

export function derivePatientOutcome(patient: EfficacyPatient, options: EfficacyOptions = {}): PatientOutcome {
  const best = patient.assessments.length
    ? determineBestOverallResponse({
        version: "1.0",
        startDate: patient.enrollmentDate,
        timepoints: patient.assessments,
        confirmationDays: options.confirmationDays,
        minSdDays: options.minSdDays,
      })
    : null;
  const bestOverallResponse = best?.bestOverallResponse ?? "NE";
  const recistPd = patient.assessments
    .filter((a) => a.response === "PD")
    .map((a) => a.date)
    .sort()[0];
  const progression = earliestProgression(patient.progressionDate, recistPd);
  return completePatientOutcome(patient, {
    bestOverallResponse,
    confirmed: best?.confirmed ?? false,
    progressionSource: progression?.source,
    progressionDate: progression?.date,
  });
}

/**
 * PFS and OS added to a response already derived (by derivePatientOutcome, now or when the
 * facts were stored): their censoring dates move with every visit, the response does not.
 */
export function completePatientOutcome(
  patient: Pick<EfficacyPatient, "enrollmentDate" | "deathDate" | "lastContactDate" | "lastAssessmentDate">,
  response: ResponseOutcome,
): PatientOutcome {
  const { progressionDate } = response;
  const endpoints = deriveSurvivalEndpoints({
    enrollmentDate: patient.enrollmentDate,
    progressionDate,
    deathDate: patient.deathDate,
    lastContactDate: patient.lastContactDate,
    lastAssessmentDate: progressionDate || patient.deathDate ? undefined : patient.lastAssessmentDate,
  });
  return { ...response, pfs: endpoints.pfs, os: endpoints.os };
}

export function summarizeEfficacy(
  patients: readonly EfficacyPatient[],
  options: EfficacyOptions = {},
): EfficacySummary {
  return summarizeOutcomes(
    patients.map((patient) => derivePatientOutcome(patient, options)),
    options.ciMethod ?? "log-log",
  );
}

/** summarizeEfficacy from outcomes already derived (the dashboards derive each patient's once per request). */
export function summarizeOutcomes(outcomes: readonly PatientOutcome[], ciMethod: ConfType): EfficacySummary {
  const bor: Record<Response, number> = { CR: 0, PR: 0, SD: 0, PD: 0, NE: 0 };
  const pfs = { times: [] as number[], events: [] as (0 | 1)[] };
  const os = { times: [] as number[], events: [] as (0 | 1)[] };

  for (const outcome of outcomes) {
    bor[outcome.bestOverallResponse]++;
    pfs.times.push(outcome.pfs.timeMonths);
    pfs.events.push(outcome.pfs.event);
    os.times.push(outcome.os.timeMonths);
    os.events.push(outcome.os.event);
  }

  const n = outcomes.length;
  const responders = bor.CR + bor.PR;
  const controlled = responders + bor.SD;
  return {
    n,
    bor,
    orr: { responders, n, ...computeBinomialCi({ successes: responders, n }) },
    dcr: { responders: controlled, n, ...computeBinomialCi({ successes: controlled, n }) },
    pfs: summarizeEndpoint(pfs.times, pfs.events, ciMethod),
    os: summarizeEndpoint(os.times, os.events, ciMethod),
    ciMethod,
  };
}
