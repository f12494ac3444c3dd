import { defineForm } from "@/lib/forms/form-definition";
import { computeLabs, hasAnyResult } from "./compute-labs";
import { LAB_PANEL } from "./lab-panel";
import { LabsSchema } from "./labs-schema";
import { checkAgainstSiteRanges } from "./site-range-check";

const rowLabels = Object.fromEntries(
  LAB_PANEL.flatMap(({ test, label }) => [
    [`results.${test}.value`, `${label} (in the unit recorded)`],
    [`results.${test}.unit`, `${label} unit`],
    [`results.${test}.lln`, `${label} site lower limit of normal (same unit)`],
    [`results.${test}.uln`, `${label} site upper limit of normal (same unit)`],
    [`results.${test}.implausibleReason`, `${label}: reason a value outside the usual limits is correct`],
    [`results.${test}.rangeReason`, `${label}: reason the normal range differs from the site laboratory's`],
  ]),
);

/** Laboratory results at a scheduled visit (issue 5), graded by CTCAE v5.0 (lib/domain/ctcae). */
export const labsForm = defineForm({
  type: "labs",
  title: "Laboratory results",
  repeating: false,
  placement: "visit",
  schema: LabsSchema,
  labels: { sampleDate: "Sample date (yyyy-mm-dd)", ...rowLabels },
  isComplete: hasAnyResult,
  compute: (data, context) => ({ ...computeLabs(data, context) }),
  // CTCAE v5.0 grades liver tests and creatinine against the last pre-treatment labs value, i.e.
  // on or before the first dose (./compute-labs): the first dosing date moves that cut.
  dependsOn: ["labs", "dosing"],
  readsOnlyFirstDateOf: ["dosing"],
  dateField: "sampleDate",
  contextFormTypes: ["labs", "dosing"],
  // The site laboratory's ranges in force on the sample day fill the form; other limits need a reason.
  readsLabReferenceRanges: true,
  checkInContext: (data, context): Record<string, string[]> => ({
    ...checkAgainstSiteRanges(data, context.labReferenceRanges),
    ...(data.sampleDate < context.screeningDate
      ? { sampleDate: [`A visit's sample cannot predate screening (${context.screeningDate})`] }
      : {}),
  }),
});
