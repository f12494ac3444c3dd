import type { PatientStatus } from "@/lib/generated/prisma/enums";

export const PATIENT_STATUS_LABELS: Readonly<Record<PatientStatus, string>> = {
  SCREENING: "Screening",
  SCREEN_FAILED: "Screen failed",
  ON_TREATMENT: "On treatment",
  OFF_TREATMENT: "Off treatment",
  OFF_STUDY: "Off study",
  DEAD: "Dead",
};
