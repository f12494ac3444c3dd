import type { FormPlacement } from "@/lib/forms/form-definition";

/** OIDs of the ODM export; stable across exports so files can be compared and merged. */
export const STUDY_OID = "ST.THAL-UFT-HCC";
export const METADATA_VERSION_OID = "MDV.1";

const token = (value: string) => value.toUpperCase().replace(/[^A-Z0-9]+/g, "_");

export const formOid = (formType: string) => `F.${token(formType)}`;
export const itemGroupOid = (formType: string, groupPath?: string) =>
  `IG.${token(formType)}${groupPath ? `.${groupPath}` : ""}`;
export const itemOid = (formType: string, path: string) => `IT.${token(formType)}.${path}`;
export const codeListOid = (formType: string, path: string) => `CL.${token(formType)}.${path}`;
export const unitOid = (unit: string) => `MU.${unit.replace(/%/g, "PCT").replace(/[^A-Za-z0-9]+/g, "_")}`;
export const userOid = (userId: string) => `USR.${userId}`;
export const locationOid = (siteCode: string) => `LOC.${siteCode}`;

/** The study events: where a form is placed on the patient page is where it sits in the protocol. */
export const STUDY_EVENTS: readonly {
  placement: FormPlacement;
  oid: string;
  name: string;
  repeating: "Yes" | "No";
  type: "Scheduled" | "Unscheduled" | "Common";
}[] = [
  { placement: "screening", oid: "SE.SCREENING", name: "Screening", repeating: "No", type: "Scheduled" },
  { placement: "baseline", oid: "SE.BASELINE", name: "Baseline", repeating: "No", type: "Scheduled" },
  // One StudyEventData per scheduled visit; StudyEventRepeatKey is the visit key (day1, week4...).
  { placement: "visit", oid: "SE.VISIT", name: "Treatment visit", repeating: "Yes", type: "Scheduled" },
  { placement: "event", oid: "SE.EVENTS", name: "Events (adverse events)", repeating: "No", type: "Common" },
  {
    placement: "end-of-study",
    oid: "SE.END_OF_STUDY",
    name: "Follow-up and end of study",
    repeating: "No",
    type: "Scheduled",
  },
];

export function studyEventFor(placement: FormPlacement) {
  return STUDY_EVENTS.find((event) => event.placement === placement)!;
}
