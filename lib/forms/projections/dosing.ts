import type { DosingComputed } from "../dosing/dosing-computed";
import type { DosingData } from "../dosing/dosing-schema";
import type { ProjectedRow, ProjectedRows } from "./tables";
import { numberOrNull, objectOf } from "./values";

const DRUGS = ["thalidomide", "uft"] as const;

/** A dosing visit: one dose administration per study drug, with the dose the rules computed for it. */
export function projectDosing(data: DosingData, computed: Partial<DosingComputed>): ProjectedRows {
  const rows = DRUGS.map((drug): ProjectedRow<"dose_administrations"> => {
    const given = data[drug];
    const dose = objectOf(computed[drug]);
    const uft = drug === "uft" ? data.uft : null;
    return {
      visit_date: data.visitDate,
      drug,
      dose_level: given.doseLevel,
      status: given.status,
      status_reason: given.statusReason,
      mg_per_dose: numberOrNull(drug === "uft" ? dose.roundedMg : dose.mgPerDose),
      capsules_per_dose: numberOrNull(dose.capsulesPerDose),
      doses_per_day: numberOrNull(dose.dosesPerDay),
      capsules_per_day: numberOrNull(dose.capsulesPerDay),
      dose_overridden: uft ? uft.prescribedCapsulesPerDose !== null : false,
      capsules_dispensed: given.capsulesDispensed,
      capsules_returned: given.capsulesReturned,
      compliance_pct: numberOrNull(objectOf(dose.compliance).compliancePct),
      bsa_m2: numberOrNull(computed.bsaM2),
      weight_kg: data.weightKg,
      height_cm: data.heightCm,
    };
  });
  return { dose_administrations: rows };
}
