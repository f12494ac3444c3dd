import type { EndOfStudyData } from "../end-of-study-form";
import type { ProjectedRows } from "./tables";
import { booleanOrNull, numberOrNull, stringOrNull } from "./values";

/**
 * Follow-up and end of study: the dates as entered, and the progression date (entered or
 * from the tumour assessments), PFS and OS the rules derived (lib/forms/end-of-study-endpoints).
 */
export function projectEndOfStudy(data: EndOfStudyData, computed: Record<string, unknown>): ProjectedRows {
  return {
    end_of_study: [
      {
        progression_date_entered: data.progressionDate,
        last_known_alive_date: data.lastKnownAliveDate,
        death_date: data.deathDate,
        death_cause: data.deathCause,
        off_treatment_date: data.offTreatmentDate,
        off_treatment_reason: data.offTreatmentReason,
        off_study_date: data.offStudyDate,
        off_study_reason: data.offStudyReason,
        progression_date: stringOrNull(computed.progressionDate),
        progression_source: stringOrNull(computed.progressionSource),
        pfs_days: numberOrNull(computed.pfsDays),
        pfs_months: numberOrNull(computed.pfsMonths),
        pfs_event: booleanOrNull(computed.pfsEvent),
        os_days: numberOrNull(computed.osDays),
        os_months: numberOrNull(computed.osMonths),
        os_event: booleanOrNull(computed.osEvent),
      },
    ],
  };
}
