import { listDoseLevels, type Drug } from "./dose-levels";

// Dose modification for toxicity: the protocol's table (study settings, dose_modification_tables)
// applied to the CTCAE v5.0 grades of the latest labs and the ongoing adverse events. Actions
// and restart rules follow the Thalomid (thalidomide) and UFT (tegafur-uracil) prescribing
// information and Shao et al. 2012 (Br J Cancer 107:1459): hold at grade 3 until grade <= 1,
// restart one level lower; discontinue thalidomide for grade 3+ peripheral neuropathy.

export const DOSE_ACTIONS = ["continue", "reduce", "hold", "discontinue"] as const;
export type DoseAction = (typeof DOSE_ACTIONS)[number];

/** One row of the protocol's table: a CTCAE term (adverse event or graded lab) at or above a grade. */
export interface DoseModificationRule {
  term: string;
  minGrade: number;
  drug: Drug;
  action: DoseAction;
  restart: string;
}

/** A graded toxicity the recommendation is made from, with the record it came from. */
export interface ToxicityFinding {
  term: string;
  grade: number;
  source: "lab" | "adverse-event";
  recordId: string;
  date: string;
}

export interface DrugRecommendation {
  drug: Drug;
  action: DoseAction;
  /** The status and level the table asks for at this visit. */
  status: "given" | "held" | "reduced" | "discontinued";
  doseLevel: number;
  /** The rule that decided, in words; null when no finding matches (continue). */
  rule: string | null;
  restart: string | null;
  sources: ToxicityFinding[];
}

const SEVERITY: Record<DoseAction, number> = { continue: 0, reduce: 1, hold: 2, discontinue: 3 };
const STATUS: Record<DoseAction, DrugRecommendation["status"]> = {
  continue: "given",
  reduce: "reduced",
  hold: "held",
  discontinue: "discontinued",
};
const VERB: Record<DoseAction, string> = {
  continue: "continue",
  reduce: "reduce one level",
  hold: "hold",
  discontinue: "discontinue",
};

/** The level one step below `level`, or the lowest level when there is none below. */
function oneLevelLower(drug: Drug, level: number): number {
  const lower = listDoseLevels(drug)
    .map((l) => l.level)
    .filter((l) => l < level);
  return lower.length ? Math.max(...lower) : level;
}

/**
 * The recommended action for one drug: the most severe action among the table's rows that the
 * findings reach (discontinue > hold > reduce > continue), with every finding that reached it.
 */
export function recommendDoseModification(
  rules: readonly DoseModificationRule[],
  drug: Drug,
  currentLevel: number,
  findings: readonly ToxicityFinding[],
): DrugRecommendation {
  let best: { rule: DoseModificationRule; sources: ToxicityFinding[] } | null = null;
  for (const rule of rules) {
    if (rule.drug !== drug) continue;
    const matched = findings.filter(
      (f) => f.term.toLowerCase() === rule.term.toLowerCase() && f.grade >= rule.minGrade,
    );
    if (!matched.length) continue;
    if (!best || SEVERITY[rule.action] > SEVERITY[best.rule.action]) best = { rule, sources: matched };
  }
  if (!best)
    return {
      drug,
      action: "continue",
      status: "given",
      doseLevel: currentLevel,
      rule: null,
      restart: null,
      sources: [],
    };
  const { rule, sources } = best;
  const worst = sources.reduce((a, b) => (b.grade > a.grade ? b : a));
  return {
    drug,
    action: rule.action,
    status: STATUS[rule.action],
    doseLevel: rule.action === "reduce" ? oneLevelLower(drug, currentLevel) : currentLevel,
    rule: `${worst.term} grade ${worst.grade} (rule: grade ${rule.minGrade} or more, ${VERB[rule.action]})`,
    restart: rule.restart,
    sources,
  };
}

/** Whether what was chosen differs from the recommendation (a protocol deviation unless explained). */
export function departsFromRecommendation(
  recommendation: DrugRecommendation,
  chosen: { status: string; doseLevel: number },
): boolean {
  if (recommendation.action === "continue") return false;
  if (chosen.status !== recommendation.status) return true;
  return recommendation.action === "reduce" && chosen.doseLevel > recommendation.doseLevel;
}

/** The protocol's table as this trial starts with it (the migration seeds the same rows). */
export const DEFAULT_DOSE_MODIFICATION_RULES: readonly DoseModificationRule[] = [
  {
    term: "Neutrophil count decreased",
    minGrade: 3,
    drug: "uft",
    action: "hold",
    restart: "Restart one level lower when grade 1 or less",
  },
  { term: "Neutrophil count decreased", minGrade: 4, drug: "uft", action: "discontinue", restart: "Do not restart" },
  {
    term: "Platelet count decreased",
    minGrade: 3,
    drug: "uft",
    action: "hold",
    restart: "Restart one level lower when grade 1 or less",
  },
  {
    term: "Diarrhea",
    minGrade: 3,
    drug: "uft",
    action: "hold",
    restart: "Restart one level lower when grade 1 or less",
  },
  {
    term: "Mucositis oral",
    minGrade: 3,
    drug: "uft",
    action: "hold",
    restart: "Restart one level lower when grade 1 or less",
  },
  {
    term: "Palmar-plantar erythrodysesthesia syndrome",
    minGrade: 3,
    drug: "uft",
    action: "hold",
    restart: "Restart one level lower when grade 1 or less",
  },
  {
    term: "Peripheral sensory neuropathy",
    minGrade: 3,
    drug: "thalidomide",
    action: "discontinue",
    restart: "Do not restart",
  },
  {
    term: "Somnolence",
    minGrade: 3,
    drug: "thalidomide",
    action: "hold",
    restart: "Restart one level lower when grade 1 or less",
  },
  {
    term: "Constipation",
    minGrade: 3,
    drug: "thalidomide",
    action: "hold",
    restart: "Restart one level lower when grade 1 or less",
  },
];
