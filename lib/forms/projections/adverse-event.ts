import { getAeTerm } from "@/lib/domain/ctcae";
import type { AdverseEventData } from "../adverse-event-schema";
import type { ProjectedRows } from "./tables";
import { yesNo } from "./values";

/** An adverse event: one row, with the CTCAE term's MedDRA code and SOC (CTCAE v5.0) looked up at save. */
export function projectAdverseEvent(data: AdverseEventData): ProjectedRows {
  const term = getAeTerm(data.term);
  const criteria = data.saeCriteria;
  return {
    adverse_events: [
      {
        term: term?.term ?? data.term,
        meddra_code: term?.meddraCode ?? null,
        soc: term?.soc ?? null,
        grade: data.grade,
        onset_date: data.onsetDate,
        ongoing: data.ongoing,
        resolution_date: data.resolutionDate,
        serious: yesNo(data.serious),
        sae_death: criteria.death,
        sae_life_threatening: criteria.lifeThreatening,
        sae_hospitalization: criteria.hospitalization,
        sae_disability: criteria.disability,
        sae_congenital_anomaly: criteria.congenitalAnomaly,
        sae_other_important: criteria.otherImportant,
        aware_at: data.awareAt,
        reported_at: data.reportedAt ?? null,
        attribution_thalidomide: data.attribution.thalidomide,
        attribution_uft: data.attribution.uft,
        action_thalidomide: data.actionTaken.thalidomide,
        action_uft: data.actionTaken.uft,
        outcome: data.outcome,
        death_date: data.deathDate,
      },
    ],
  };
}
