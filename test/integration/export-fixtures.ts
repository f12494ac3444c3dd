import type { Actor } from "@/lib/auth/actor";
import { saveCrfRecord, type SaveCrfRequest } from "@/lib/data/crf-records";
import { adverseEvent } from "@/test/fixtures/adverse-event-data";
import { MULTINODULAR_BASELINE } from "@/test/fixtures/baseline-data";
import { emptyEndOfStudy } from "@/lib/forms/end-of-study-form";
import { dosingVisit, drugGiven } from "@/test/fixtures/dosing-data";
import { labsOn } from "@/test/fixtures/labs-data";
import { maleCounselled } from "@/test/fixtures/pregnancy-test-data";
import type { DemoActorName } from "./demo-actors";
import { createEnrolledPatient, DAY1_2026_01_12 } from "./enrolled-patient";
import { newRecordRequest } from "./new-record";
import { BONE_N1, liverT1, lungT2, tumourBaseline, tumourFollowUp } from "./tumour-fixtures";

type Sites = Record<"TW01" | "TW02" | "TW03", string>;

/**
 * Patients with real forms saved through saveCrfRecord (so computed values and the audit
 * trail are the app's own): TW01-001 with every form and one correction, TW02-001 enrolled
 * with an adverse event.
 */
export async function seedExportPatients(actors: Record<DemoActorName, Actor>, sites: Sites) {
  const enrolled = async (who: "investigator1" | "investigator2", siteId: string) => {
    const actor = actors[who];
    const patient = await createEnrolledPatient(actor, siteId, DAY1_2026_01_12);
    const save = (formType: string, visitKey: string | null, data: unknown, extra: Partial<SaveCrfRequest> = {}) =>
      saveCrfRecord(actor, newRecordRequest(patient.id, formType, visitKey, data, extra));
    return { patient, save };
  };

  const a = await enrolled("investigator1", sites.TW01);
  // A formula in a text field and a list of two sites: each export format must escape them.
  await a.save("baseline", "baseline", {
    ...MULTINODULAR_BASELINE,
    ethnicity: "=1+2",
    extrahepaticSites: ["lung", "bone"],
  });
  await a.save("cytokines", "baseline", {
    sampleDate: "2026-01-10",
    analytes: [
      { analyte: "IL-6", value: 12.5, unit: "pg/mL", lloq: 0.7, belowLloq: false },
      { analyte: "IL-8", value: null, unit: "pg/mL", lloq: 1.5, belowLloq: true },
    ],
  });
  // A quote and a comma in the lesion's site: every export format must escape them.
  await a.save(
    "tumour-baseline",
    "baseline-imaging",
    tumourBaseline([{ ...liverT1(60), site: 'Segment VIII, "dome"' }, lungT2(40)], [BONE_N1]),
  );
  // Thalidomide is dispensed to a man only after counselling on contraception (pregnancy prevention).
  await a.save("pregnancy-test", null, maleCounselled("2026-01-12"));
  await a.save(
    "dosing",
    "day1",
    dosingVisit({
      visitDate: "2026-01-12",
      weightKg: 70,
      heightCm: 170,
      uft: drugGiven(168),
      thalidomide: drugGiven(112),
    }),
  );
  await a.save("labs", "day1", labsOn("2026-01-11", { neutrophils: 3.2, platelets: 160, ast: 45 }));
  const week4 = await a.save("labs", "week4", labsOn("2026-02-09", { neutrophils: 0.9, platelets: 120, ast: 60 }));
  await a.save("labs", "week4", labsOn("2026-02-09", { neutrophils: 0.8, platelets: 120, ast: 60 }), {
    recordId: week4.id,
    expectedVersion: 1,
    reason: "Lab report corrected",
  });
  await a.save("tumour-assessment", "week8", tumourFollowUp("2026-03-09", 40, 25, "NON_CR_NON_PD"));
  await a.save(
    "adverse-event",
    null,
    adverseEvent({
      term: "Neutrophil count decreased",
      grade: 3,
      onsetDate: "2026-02-09",
      ongoing: false,
      resolutionDate: "2026-02-20",
      attribution: { thalidomide: "possible", uft: "probable" },
      actionTaken: { thalidomide: "none", uft: "interrupted" },
      outcome: "recovered",
    }),
  );
  await a.save("end-of-study", "end-of-study", {
    ...emptyEndOfStudy(),
    lastKnownAliveDate: "2026-04-01",
    offTreatmentDate: "2026-03-20",
    offTreatmentReason: "toxicity",
  });

  const b = await enrolled("investigator2", sites.TW02);
  await b.save(
    "adverse-event",
    null,
    adverseEvent({
      onsetDate: "2026-01-20",
      attribution: { thalidomide: "probable", uft: "unlikely" },
      actionTaken: { thalidomide: "dose-reduced", uft: "none" },
    }),
  );
  return { tw01: a.patient, tw02: b.patient };
}
