/** The computed values of a dosing visit, as stored in the record and shown live in the form. */

/** Pill-count compliance for the period since the previous dosing visit (computeCompliance). */
export interface ComplianceView {
  fromDate: string;
  days: number;
  dispensed: number;
  returned: number;
  prescribedPerDay: number;
  compliancePct: number;
  takenCapsules: number;
  prescribedCapsules: number;
}

export interface DrugAccounting {
  status: string | null;
  /** Capsules a day prescribed from this visit on: 0 while held or after discontinuation. */
  capsulesPerDay: number;
  compliance: ComplianceView | null;
  /** Why compliance could not be computed, when it could not. */
  complianceNote: string | null;
}

export interface UftComputed extends DrugAccounting {
  doseLevel: number;
  mgPerM2: number;
  rawMg: number;
  roundedMg: number;
  capsuleMg: number;
  computedCapsulesPerDose: number;
  /** What the patient takes per dose: the prescriber's override or the computed dose. */
  capsulesPerDose: number;
  overridden: boolean;
  dosesPerDay: number;
  rule: string;
}

export interface ThalidomideComputed extends DrugAccounting {
  doseLevel: number;
  mgPerDose: number;
  dosesPerDay: number;
  dailyMg: number;
  label: string;
  capsuleMg: number;
  capsulesPerDose: number;
}

export interface WeightChangeView {
  previousVisitKey: string | null;
  previousVisitDate: string;
  previousWeightKg: number;
  changePct: number;
  thresholdPct: number;
  recalculate: boolean;
  message: string | null;
}

export interface DosingComputed {
  summary: string;
  /** Full precision: the dose is computed from it (lib/domain/dosing/bsa). */
  bsaM2: number | null;
  bsaM2Display: number | null;
  bsaMethod: string | null;
  uft: UftComputed | null;
  thalidomide: ThalidomideComputed | null;
  weightChange: WeightChangeView | null;
  previousVisit: { visitKey: string | null; visitDate: string; days: number } | null;
}

export interface DrugDraft {
  doseLevel?: unknown;
  status?: unknown;
  capsulesDispensed?: unknown;
  capsulesReturned?: unknown;
  prescribedCapsulesPerDose?: unknown;
}

/** The form's values as typed so far (the browser) or as validated (the server). */
export interface DosingDraft {
  visitDate?: unknown;
  weightKg?: unknown;
  heightCm?: unknown;
  uft?: DrugDraft;
  thalidomide?: DrugDraft;
}
