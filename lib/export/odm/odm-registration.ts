import { completeExportRecord, type ExportPatient, type ExportRecord } from "../csv/csv-plan";
import type { FormLayout, ItemSpec } from "../form-layout";
import type { OdmFormInfo } from "./odm-clinical";

const item = (
  path: string,
  label: string,
  type: ItemSpec["type"],
  allowedValues: readonly string[] = [],
): ItemSpec => ({ path, label, type, allowedValues, unit: null, multiple: false });

/**
 * The patient's registration as a form of the screening event: ODM's SubjectData has no place
 * for the screening and enrollment dates, the status or the site's own reference, and an
 * import needs them to register the patient again (lib/import/odm-import.ts).
 */
export const REGISTRATION_FORM_TYPE = "registration";
export const REGISTRATION_LAYOUT: FormLayout = {
  formType: REGISTRATION_FORM_TYPE,
  title: "Registration",
  repeating: false,
  items: [
    item("screeningDate", "Screening date", "date"),
    item("enrollmentDate", "Enrollment date (day 1 of treatment)", "date"),
    item("status", "Patient status", "text", [
      "SCREENING",
      "SCREEN_FAILED",
      "ON_TREATMENT",
      "OFF_TREATMENT",
      "OFF_STUDY",
      "DEAD",
    ]),
    item("screenFailureReason", "Reason for screen failure", "text"),
    item("externalId", "The site's own reference for the patient", "text"),
  ],
  groups: [],
};
export const REGISTRATION_FORM: OdmFormInfo = { layout: REGISTRATION_LAYOUT, placement: "screening" };

/** The patient's registration as a record of that form (no audit record: the patient's own audit trail holds it). */
export function registrationRecord(patient: ExportPatient): ExportRecord {
  return completeExportRecord({
    id: `registration-${patient.id}`,
    formType: REGISTRATION_FORM_TYPE,
    visitKey: null,
    data: {
      screeningDate: patient.screeningDate,
      enrollmentDate: patient.enrollmentDate,
      status: patient.status,
      screenFailureReason: patient.screenFailureReason,
      externalId: patient.externalId ?? null,
    },
  });
}
