import { eligibleAnswers } from "@/lib/domain/eligibility/criteria";
import { DEFAULT_ANALYTES } from "@/lib/forms/cytokines-form";
import type { EndOfStudyData } from "@/lib/forms/end-of-study-form";
import { addDays } from "@/lib/domain/schedule/visit-schedule";
import type { FormContext, RelatedRecord } from "@/lib/forms/form-definition";
import { getFormDefinition } from "@/lib/forms/registry";
import { buildAdverseEvent, buildLabs } from "./form-payloads";
import type { Random } from "./random";

/**
 * One synthetic patient's case report forms, in the order a site would enter them: screening,
 * baseline imaging (lesions) and plasma cytokines, then a visit every 4 weeks (labs), imaging
 * every 8 weeks (tumour assessment re-measuring the baseline lesions) and adverse events along
 * the way, and the follow-up / end-of-study form once the patient is off treatment.
 * Every form is validated with its own zod schema and its computed values come from the
 * registry's compute (lib/domain rules), with the same context the server would build.
 */
export interface GeneratedRecord {
  formType: string;
  visitKey: string | null;
  data: unknown;
  computed: Record<string, unknown>;
}

export interface GeneratedPatient {
  screeningDate: string;
  enrollmentDate: string;
  /** The status the saved forms imply (the end-of-study form's patientStatusAfterSave). */
  status: string;
  records: GeneratedRecord[];
  rejected: number;
}

const ORGANS = ["Liver", "Liver", "Liver", "Lung", "Lymph node (portal)", "Adrenal gland", "Peritoneum"];

export function generatePatient(random: Random, today: string): GeneratedPatient {
  // Enrolled over two years before `today`; on treatment ~4 months median (exponential).
  const screeningDate = addDays(today, -random.int(60, 760));
  const enrollmentDate = addDays(screeningDate, random.int(3, 14));
  const lastDay = minDate(addDays(enrollmentDate, Math.round((-Math.log(1 - random.next()) * 120) / Math.LN2)), today);
  const records: GeneratedRecord[] = [];
  let rejected = 0;
  const add = (formType: string, visitKey: string | null, data: unknown) => {
    const definition = getFormDefinition(formType)!;
    const parsed = definition.schema.safeParse(data);
    if (!parsed.success) {
      if (process.env.GENERATE_DEBUG) console.log(formType, JSON.stringify(parsed.error.issues.slice(0, 2)));
      return void rejected++;
    }
    const context: FormContext = { screeningDate, enrollmentDate, records: records as RelatedRecord[] };
    const contextErrors = definition.checkInContext?.(parsed.data, context) ?? {};
    if (Object.keys(contextErrors).length) {
      if (process.env.GENERATE_DEBUG) console.log(formType, JSON.stringify(contextErrors));
      return void rejected++;
    }
    records.push({
      formType,
      visitKey: definition.fixedVisitKey ?? visitKey,
      data: parsed.data,
      computed: definition.compute?.(parsed.data, context) ?? {},
    });
  };

  add("eligibility", null, {
    consentDate: addDays(screeningDate, -1),
    answers: eligibleAnswers(),
  });
  const targets = Array.from({ length: random.int(1, 3) }, (_, i) => ({
    lesionId: `T${i + 1}`,
    organ: random.pick(ORGANS),
    site: "",
    method: "spiral-ct",
    longestDiameterMm: random.int(20, 90),
  }));
  const nonTargets = random.int(0, 2);
  add("tumour-baseline", null, {
    assessmentDate: screeningDate,
    method: "spiral-ct",
    targetLesions: targets,
    nonTargetLesions: Array.from({ length: nonTargets }, (_, i) => ({
      lesionId: `N${i + 1}`,
      organ: random.pick(ORGANS),
      description: "",
    })),
  });

  // Per-patient tumour course: shrink (responders), stay, or grow, by up to ~8% per 8 weeks.
  const trend = random.pick([-0.12, -0.05, 0, 0.04, 0.08]);
  // Baseline plasma cytokines, a few days before day 1; IL-6 runs higher in the patients whose
  // tumour grows, so the biomarker dashboard has a signal to find. Some results below the LLOQ.
  add("cytokines", "baseline", {
    sampleDate: addDays(enrollmentDate, -random.int(0, 2)),
    analytes: DEFAULT_ANALYTES.map((analyte, i) => {
      const lloq = [1.5, 2, 9, 1, 0.5][i]!;
      const value =
        Math.round(
          Math.exp(random.normal(Math.log([6, 15, 250, 8, 4][i]!) + (analyte === "IL-6" ? trend * 5 : 0), 0.8)) * 10,
        ) / 10;
      return value < lloq
        ? { analyte, value: null, unit: "pg/mL", lloq, belowLloq: true }
        : { analyte, value, unit: "pg/mL", lloq, belowLloq: false };
    }),
  });
  for (let day = 0, visit = 0; addDays(enrollmentDate, day) <= lastDay; day += 28, visit++) {
    const date = addDays(enrollmentDate, day);
    const visitKey = day === 0 ? "day1" : `week${day / 7}`;
    add("labs", visitKey, buildLabs(random, date));
    if (day > 0 && day % 56 === 0) {
      const factor = Math.max(0, 1 + trend * (day / 56) + random.normal(0, 0.03));
      add("tumour-assessment", visitKey, {
        assessmentDate: date,
        method: "spiral-ct",
        measurements: targets.map((t) => ({
          lesionId: t.lesionId,
          status: "measured",
          diameterMm: Math.max(1, Math.round(t.longestDiameterMm * factor)),
        })),
        nonTargetStatus: nonTargets ? "NON_CR_NON_PD" : "ABSENT",
        newLesions: "no",
        newLesionsDescription: "",
        override: { response: null, reason: "" },
      });
    }
    // About one adverse event every two visits.
    if (random.chance(0.5) && date < today) add("adverse-event", null, buildAdverseEvent(random, date));
  }
  if (lastDay < today) add("end-of-study", "end-of-study", endOfStudy(random, lastDay, today, trend));
  const eos = records.find((r) => r.formType === "end-of-study");
  const status = eos
    ? (getFormDefinition("end-of-study")!.patientStatusAfterSave!(eos.data as EndOfStudyData) ?? "ON_TREATMENT")
    : "ON_TREATMENT";
  return { screeningDate, enrollmentDate, status, records, rejected };
}

/**
 * Off treatment on `lastDay`: for progression (most patients whose tumour grows), toxicity or
 * the patient's decision; about half of those who progressed have died since, the others were
 * last known alive a few months later.
 */
function endOfStudy(random: Random, lastDay: string, today: string, trend: number) {
  const progressed = trend > 0 ? random.chance(0.85) : random.chance(0.3);
  const died = progressed && random.chance(0.5);
  const deathDate = died ? minDate(addDays(lastDay, random.int(20, 400)), today) : null;
  const reason = progressed
    ? "progression"
    : random.pick(["toxicity", "patient-decision", "investigator-decision"] as const);
  return {
    progressionDate: progressed ? lastDay : null,
    lastKnownAliveDate: deathDate ? null : minDate(addDays(lastDay, random.int(0, 240)), today),
    deathDate,
    deathCause: deathDate ? "disease-progression" : null,
    deathCauseOther: null,
    offTreatmentDate: lastDay,
    offTreatmentReason: reason,
    offTreatmentReasonOther: null,
    offStudyDate: deathDate,
    offStudyReason: deathDate ? "death" : null,
    offStudyReasonOther: null,
  };
}

function minDate(a: string, b: string): string {
  return a < b ? a : b;
}
