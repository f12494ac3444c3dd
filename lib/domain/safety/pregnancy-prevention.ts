// Thalidomide pregnancy prevention: Thalomid (thalidomide) US Prescribing Information, boxed
// warning and section 5.1, and the Thalomid REMS programme (Celgene/BMS, 2023): a female of
// reproductive potential needs a negative pregnancy test within 24 hours before starting and
// again every 4 weeks, counselling is confirmed, males are counselled on contraception, and no
// more than a 28-day supply is dispensed. The study's own figures come from its settings.

/** The study's pregnancy prevention settings (pregnancy_prevention_rules). */
export interface PregnancyPreventionRules {
  firstDoseTestWindowHours: number;
  retestIntervalDays: number;
  counsellingRequired: boolean;
  maleCounsellingRequired: boolean;
  maxSupplyDays: number;
}

/** One saved pregnancy test / counselling record. */
export interface PregnancyPreventionRecord {
  date: string;
  category: "female-reproductive-potential" | "female-no-reproductive-potential" | "male" | null;
  counselled: boolean;
  testResult: "negative" | "positive" | null;
}

export interface ThalidomideDispensing {
  visitDate: string;
  /** No earlier visit dispensed thalidomide: the first-dose window applies. */
  firstDispensing: boolean;
  capsulesDispensed: number | null;
  capsulesPerDay: number | null;
}

const DAY_MS = 86_400_000;
const daysBefore = (isoDate: string, days: number) =>
  new Date(Date.parse(`${isoDate}T00:00:00Z`) - days * DAY_MS).toISOString().slice(0, 10);

/**
 * Whether the patient counts as a female of reproductive potential: every female does unless
 * a record says otherwise (REMS: not in natural menopause for 24 months, no hysterectomy or
 * bilateral oophorectomy), since the safe default for a teratogen is to test.
 */
export function isFemaleOfReproductivePotential(
  sex: string | null,
  records: readonly PregnancyPreventionRecord[],
): boolean {
  if (sex !== "female") return false;
  const stated = [...records]
    .filter((r) => r.category !== null)
    .sort((a, b) => a.date.localeCompare(b.date))
    .at(-1);
  return stated?.category !== "female-no-reproductive-potential";
}

/**
 * Every condition of the pregnancy prevention programme that a thalidomide dispensing does not
 * meet, keyed by the dosing form field to correct; empty when it may be dispensed. Dates are
 * calendar days, so "within 24 hours" is the visit day or the day before.
 */
export function checkThalidomideDispensing(
  rules: PregnancyPreventionRules,
  patient: { sex: string | null },
  dispensing: ThalidomideDispensing,
  records: readonly PregnancyPreventionRecord[],
): Record<string, string[]> {
  const problems: string[] = [];
  const supply: string[] = [];
  const upToVisit = records.filter((r) => r.date <= dispensing.visitDate);
  const positive = upToVisit
    .filter((r) => r.testResult === "positive")
    .sort((a, b) => a.date.localeCompare(b.date))
    .at(-1);
  if (positive)
    problems.push(
      `A positive pregnancy test was recorded on ${positive.date}: thalidomide must not be dispensed (stop treatment and refer the patient)`,
    );

  if (patient.sex !== "female" && patient.sex !== "male") {
    // Thalomid REMS (patient enrolment): every patient is placed in a risk category (female of reproductive
    // potential, female not of reproductive potential, male) before thalidomide is prescribed. Without the
    // baseline sex the category is unknown, and an unknown patient must not pass the check unexamined.
    problems.push(
      "The baseline form does not record the patient's sex, so the pregnancy prevention category (female of reproductive potential or not, male) is unknown: record the sex on the baseline form first",
    );
  } else if (isFemaleOfReproductivePotential(patient.sex, upToVisit)) {
    const windowDays = dispensing.firstDispensing
      ? Math.ceil(rules.firstDoseTestWindowHours / 24)
      : rules.retestIntervalDays;
    const earliest = daysBefore(dispensing.visitDate, windowDays);
    const negative = upToVisit.some(
      (r) => r.testResult === "negative" && r.date >= earliest && (!positive || r.date > positive.date),
    );
    if (!negative) {
      problems.push(
        dispensing.firstDispensing
          ? `No negative pregnancy test within ${rules.firstDoseTestWindowHours} hours before the first dose (from ${earliest} to ${dispensing.visitDate}) is recorded`
          : `No negative pregnancy test within the last ${rules.retestIntervalDays} days (from ${earliest} to ${dispensing.visitDate}) is recorded`,
      );
    }
    if (rules.counsellingRequired && !upToVisit.some((r) => r.counselled))
      problems.push("Counselling on the risks of thalidomide and on contraception is not confirmed");
  } else if (patient.sex === "male" && rules.maleCounsellingRequired && !upToVisit.some((r) => r.counselled)) {
    problems.push("Counselling of this male patient on contraception (condoms) is not recorded");
  }

  const { capsulesDispensed, capsulesPerDay } = dispensing;
  if (
    capsulesDispensed !== null &&
    capsulesPerDay !== null &&
    capsulesPerDay > 0 &&
    capsulesDispensed > capsulesPerDay * rules.maxSupplyDays
  ) {
    supply.push(
      `At most a ${rules.maxSupplyDays}-day supply may be dispensed: ${capsulesPerDay * rules.maxSupplyDays} capsules at ${capsulesPerDay} a day`,
    );
  }
  return {
    // One message: a form shows a field's first message, and every unmet condition must be named.
    ...(problems.length ? { "thalidomide.status": [`Thalidomide cannot be dispensed: ${problems.join("; ")}.`] } : {}),
    ...(supply.length ? { "thalidomide.capsulesDispensed": supply } : {}),
  };
}
