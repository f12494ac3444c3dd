/**
 * The designed course of each of the 43 synthetic patients: best response category, day of
 * progression (or of the PFS event) and day of death, counted from enrollment (day 0).
 *
 * The days are chosen so that the app's own calculations on the recorded forms give the
 * published results of Shao et al. 2012 (docs/protocol.md, "Endpoints"): 4 PR, 14 SD, 21 PD, 4 NE;
 * median PFS 1.9 months (95% CI 1.7-2.1) and median OS 4.6 months (95% CI 2.3-6.9) with
 * Collett's symmetric interval (months = days / 30.4375). With no censoring before the
 * median, S after k events is (43 - k)/43, so:
 * - the median is the 22nd event (S = 21/43 < 0.5 for the first time);
 * - Collett's u is the 19th event (S = 24/43 >= 0.55) and l the 24th (S = 19/43 <= 0.45);
 * - SE(median) = sqrt(S(1 - S)/n) at the median x (l - u) / (5/43) = 0.6556 (l - u).
 * PFS: 19th/22nd/24th events on days 56/58/60 -> 58 d = 1.906 mo, SE 2.62 d, CI 1.74-2.08.
 * OS: 19th/22nd/24th deaths on days 112/140/166 -> 140 d = 4.600 mo, SE 35.4 d, CI 2.32-6.88.
 * Progressions on the first imaging visit (week 8) cluster around day 56, as they did in the
 * trial, which is why the PFS interval is so narrow.
 */
export type DesignedResponse = "PR" | "SD" | "PD" | "NE";

export interface SurvivalProfile {
  response: DesignedResponse;
  /**
   * How the PFS event is documented: a RECIST PD assessment, clinical progression entered
   * by the investigator (no imaging), death without progression, or none (censored).
   */
  progression: "recist" | "clinical" | "death" | "none";
  /** Day of progression (or death for "death"); null when progression-free at the data cutoff. */
  pfsDay: number | null;
  /** Day of death; null when alive at the data cutoff. */
  osDay: number | null;
}

const ne = (progression: "clinical" | "death", pfsDay: number, osDay: number): SurvivalProfile => ({
  response: "NE",
  progression,
  pfsDay,
  osDay,
});
const pd = (pfsDay: number, osDay: number | null): SurvivalProfile => ({
  response: "PD",
  progression: "recist",
  pfsDay,
  osDay,
});
const sd = (pfsDay: number, osDay: number | null): SurvivalProfile => ({
  response: "SD",
  progression: "recist",
  pfsDay,
  osDay,
});
const pr = (pfsDay: number | null, osDay: number | null): SurvivalProfile => ({
  response: "PR",
  progression: pfsDay === null ? "none" : "recist",
  pfsDay,
  osDay,
});

/** Listed in PFS order; the generator assigns them to patients in a seeded random order. */
export const SURVIVAL_DESIGN: readonly SurvivalProfile[] = [
  // Not evaluable: died or progressed clinically before the first imaging visit (PFS events 1-4).
  ne("death", 24, 24),
  ne("death", 35, 35),
  ne("clinical", 40, 71),
  ne("clinical", 46, 88),
  // Progressive disease at the first imaging visit (PFS events 5-25).
  pd(49, 62),
  pd(50, 67),
  pd(51, 75),
  pd(52, 80),
  pd(52, 84),
  pd(53, 91),
  pd(53, 95),
  pd(54, 98),
  pd(54, 102),
  pd(55, 105),
  pd(55, 108),
  pd(55, 109),
  pd(55, 112),
  pd(56, 124),
  pd(56, 140),
  pd(57, 152),
  pd(57, 178),
  pd(58, 215),
  pd(59, 262),
  pd(60, 110),
  pd(61, 111),
  // Stable disease at week 8, progression later.
  sd(108, 133),
  sd(110, 166),
  sd(112, 190),
  sd(113, 203),
  sd(115, 228),
  sd(117, null),
  sd(165, 245),
  sd(168, 280),
  sd(170, 301),
  sd(171, null),
  sd(224, 330),
  sd(226, 410),
  sd(229, null),
  sd(280, null),
  // Confirmed partial responses.
  pr(170, 365),
  pr(225, 472),
  pr(282, null),
  pr(null, null),
];
