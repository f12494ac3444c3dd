import { estimateKaplanMeier } from "./kaplan-meier";
import { estimateMedianSurvival, type MedianEstimate, type MedianOptions } from "./median-survival";

/**
 * Median follow-up by the reverse Kaplan-Meier method: the Kaplan-Meier median of the time
 * to censoring, with the event indicator reversed (deaths/progressions become censored
 * observations). Schemper M, Smith TL, A note on quantifying follow-up in studies of failure
 * time, Control Clin Trials 1996;17:343-346. Equals R's
 * `quantile(survfit(Surv(time, 1 - event) ~ 1), 0.5)`; interval as chosen by `options`
 * (default "log", R's default). The median is null when the reverse curve never reaches 0.5,
 * e.g. when almost nobody is censored (survival::veteran: 9 of 137).
 */
export function estimateMedianFollowUp(
  time: readonly number[],
  event: readonly number[],
  options: MedianOptions = {},
): MedianEstimate {
  const reversed = event.map((e) => (e === 1 ? 0 : e === 0 ? 1 : e));
  return estimateMedianSurvival(estimateKaplanMeier(time, reversed), options);
}
