import "server-only";
import { hasPermission, type Actor } from "@/lib/auth/actor";
import { diffFields } from "@/lib/audit/audit-log";
import { getPrisma } from "@/lib/db/prisma";
import { CalcInputError } from "@/lib/domain/calc-command";
import {
  describeSimonDesign,
  findSimonDesigns,
  type SimonDesign,
  type SimonDesigns,
} from "@/lib/domain/statistics/simon-two-stage";
import type { ToxicityRule } from "@/lib/domain/statistics/beta-binomial-monitoring";
import { ForbiddenError, ValidationError } from "@/lib/errors";
import type { StoppingRules } from "@/lib/generated/prisma/client";
import { SIMON_N_MAX, type SimonDesignChoice, type StoppingRulesInput } from "@/lib/schemas/stopping-rules";
import { commitSettingsChange } from "./settings-change";

/** The study whose rules these are (one study per instance today; the table is keyed by study). */
const STUDY_ID = 1;

/**
 * What counts as a dose-limiting toxicity for the monitoring rule (lib/analysis/toxicity/dose-limiting-toxicity.ts):
 * the "grade 3+ treatment-related toxicity" of docs/protocol.md, "Stopping rules", made concrete.
 */
export const DLT_DEFINITION =
  "A patient has a dose-limiting toxicity when any adverse event of CTCAE grade 3 or more, with onset on or after day 1, is attributed possibly, probably or definitely to thalidomide or UFT. Each patient counts once; the denominator is every enrolled patient.";

export interface StoppingRulesView {
  response: { p0: number; p1: number; alpha: number; beta: number; designChoice: SimonDesignChoice };
  /** The design in force: the computed optimal or minimax one, or the protocol's own with its attained figures. */
  design: SimonDesign;
  /** Both computed designs, for comparison (null when none exists within n <= SIMON_N_MAX). */
  computed: SimonDesigns | null;
  custom: { r1: number; n1: number; r: number; n: number } | null;
  toxicity: ToxicityRule;
  dltDefinition: string;
  version: number;
  updatedAt: string;
}

// Designs depend only on four rates; the search takes a few hundred milliseconds, so keep them.
const designCache = new Map<string, SimonDesigns>();

function computeDesigns(rates: { p0: number; p1: number; alpha: number; beta: number }): SimonDesigns {
  const key = JSON.stringify([rates.p0, rates.p1, rates.alpha, rates.beta]);
  let designs = designCache.get(key);
  if (!designs) {
    designs = findSimonDesigns({ ...rates, nMax: SIMON_N_MAX });
    if (designCache.size > 50) designCache.clear();
    designCache.set(key, designs);
  }
  return designs;
}

function customOf(row: Pick<StoppingRules, "customR1" | "customN1" | "customR" | "customN">) {
  const { customR1: r1, customN1: n1, customR: r, customN: n } = row;
  return r1 !== null && n1 !== null && r !== null && n !== null ? { r1, n1, r, n } : null;
}

/** The design a choice puts in force; ValidationError on the field to correct when there is none. */
function resolveDesign(
  choice: SimonDesignChoice,
  rates: { p0: number; p1: number; alpha: number; beta: number },
  custom: ReturnType<typeof customOf>,
) {
  let computed: SimonDesigns | null = null;
  try {
    computed = computeDesigns(rates);
  } catch (error) {
    if (!(error instanceof CalcInputError)) throw error;
    if (choice !== "CUSTOM") {
      throw new ValidationError({
        "settings.responseBeta": [
          `No two-stage design with at most ${SIMON_N_MAX} patients reaches this power at this alpha: relax alpha or beta, or widen p1 - p0`,
        ],
      });
    }
  }
  if (choice === "CUSTOM") {
    if (!custom) throw new ValidationError({ "settings.customN": ["Enter the protocol's r1, n1, r and n"] });
    return { design: describeSimonDesign(custom, rates), computed };
  }
  const designs = computed!;
  return { design: choice === "OPTIMAL" ? designs.optimal : designs.minimax, computed: designs };
}

function toView(row: StoppingRules): StoppingRulesView {
  const rates = { p0: row.responseP0, p1: row.responseP1, alpha: row.responseAlpha, beta: row.responseBeta };
  const custom = customOf(row);
  const { design, computed } = resolveDesign(row.designChoice, rates, custom);
  return {
    response: { ...rates, designChoice: row.designChoice },
    design,
    computed,
    custom,
    toxicity: {
      theta: row.toxicityTheta,
      threshold: row.toxicityThreshold,
      priorA: row.toxicityPriorA,
      priorB: row.toxicityPriorB,
    },
    dltDefinition: DLT_DEFINITION,
    version: row.version,
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** The study's stopping rules: for those who watch the trial's dashboards and its administrators. */
export async function getStoppingRules(actor: Actor): Promise<StoppingRulesView> {
  if (!hasPermission(actor, "dashboard.read") && !hasPermission(actor, "study.admin")) throw new ForbiddenError();
  return toView(await getPrisma().stoppingRules.findUniqueOrThrow({ where: { studyId: STUDY_ID } }));
}

const AUDITED_FIELDS = [
  "responseP0",
  "responseP1",
  "responseAlpha",
  "responseBeta",
  "designChoice",
  "customR1",
  "customN1",
  "customR",
  "customN",
  "toxicityTheta",
  "toxicityThreshold",
  "toxicityPriorA",
  "toxicityPriorB",
] as const;

/**
 * Changes the stopping rules with the version the editor read and a reason; the change and its
 * audit record (per-field from/to) commit together. A design that cannot exist is refused
 * before anything is written.
 */
export async function updateStoppingRules(
  actor: Actor,
  input: { settings: StoppingRulesInput; expectedVersion: number; reason: string },
): Promise<StoppingRulesView> {
  if (!hasPermission(actor, "study.admin")) throw new ForbiddenError();
  const after = input.settings;
  // A computed design keeps no custom boundaries, so stale ones are not audited or stored.
  const values =
    after.designChoice === "CUSTOM"
      ? after
      : { ...after, customR1: null, customN1: null, customR: null, customN: null };
  const rates = {
    p0: values.responseP0,
    p1: values.responseP1,
    alpha: values.responseAlpha,
    beta: values.responseBeta,
  };
  resolveDesign(values.designChoice, rates, customOf(values));
  return getPrisma().$transaction(async (tx) => {
    const row = await commitSettingsChange(tx, actor, {
      lock: () => tx.$queryRaw`SELECT "study_id" FROM "stopping_rules" WHERE "study_id" = ${STUDY_ID} FOR UPDATE`,
      read: () => tx.stoppingRules.findUniqueOrThrow({ where: { studyId: STUDY_ID } }),
      expectedVersion: input.expectedVersion,
      staleMessage:
        "The stopping rules were changed by someone else after you opened them. Reload to see their changes, then apply yours again.",
      diff: (current) => diffFields(current, values, AUDITED_FIELDS),
      write: () =>
        tx.stoppingRules.update({
          where: { studyId: STUDY_ID },
          data: {
            ...Object.fromEntries(AUDITED_FIELDS.map((field) => [field, values[field]])),
            version: { increment: 1 },
          },
        }),
      audit: { entityType: "stopping-rules", entityId: String(STUDY_ID), reason: input.reason },
    });
    return toView(row);
  });
}
