import { defineForm } from "@/lib/forms/form-definition";
import { evaluateDosing } from "./compute-dosing";
import { listPriorDosing } from "./dosing-history";
import { DosingSchema, type DrugData } from "./dosing-schema";

const drugLabels = (key: string, name: string) => ({
  [`${key}.doseLevel`]: `${name} dose level`,
  [`${key}.status`]: `${name} status at this visit`,
  [`${key}.statusReason`]: `${name} reason for hold, reduction or discontinuation`,
  [`${key}.statusReasonText`]: `${name} reason details`,
  [`${key}.capsulesDispensed`]: `${name} capsules dispensed at this visit (capsules)`,
  [`${key}.capsulesReturned`]: `${name} capsules returned from the previous period (capsules)`,
  [`${key}.deviationReason`]: `${name} reason for departing from the protocol's dose-modification table (protocol deviation)`,
});

// Complete once every dosed drug has its dispensed count (returned counts depend on the previous visit).
const accounted = (drug: DrugData) =>
  drug.status === "held" || drug.status === "discontinued" || drug.capsulesDispensed !== null;

/** Dosing at a scheduled visit (issue 5): BSA and doses computed by lib/domain/dosing. */
export const dosingForm = defineForm({
  type: "dosing",
  title: "Dosing",
  repeating: false,
  placement: "visit",
  schema: DosingSchema,
  labels: {
    visitDate: "Visit date (yyyy-mm-dd)",
    weightKg: "Weight at this visit (kg)",
    measurementReason: "Reason an unusual height or weight is correct",
    heightCm: "Height (cm)",
    ...drugLabels("uft", "UFT"),
    "uft.prescribedCapsulesPerDose": "UFT prescribed capsules per dose (override of the computed dose)",
    "uft.overrideReason": "UFT reason for overriding the computed dose",
    ...drugLabels("thalidomide", "Thalidomide"),
  },
  isComplete: (data) => accounted(data.uft) && accounted(data.thalidomide),
  // Weight change and compliance are measured against the previous dosing visit (./dosing-history).
  dependsOn: ["dosing"],
  dateField: "visitDate",
  compute: (data, context) => ({ ...evaluateDosing(data, context).computed }),
  checkInContext: (data, context) => {
    const errors: Record<string, string[]> = { ...evaluateDosing(data, context).issues };
    // Protocol order of dates: consent <= enrollment <= dosing (issue 5).
    if (!context.enrollmentDate)
      errors.visitDate = ["The patient is not enrolled yet: dosing starts on or after enrollment"];
    else if (data.visitDate < context.enrollmentDate)
      errors.visitDate = [`The visit date cannot be before enrollment (${context.enrollmentDate})`];
    else {
      const sameDay = listPriorDosing(context).find((p) => p.visitDate === data.visitDate);
      if (sameDay)
        errors.visitDate = [
          `Dosing visit ${sameDay.visitKey ?? ""} already has this date; each dosing visit has its own date`,
        ];
    }
    return errors;
  },
});
