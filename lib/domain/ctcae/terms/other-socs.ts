import { SOC, type AeTermDefinition } from "../ae-term-types";

// Transcribed from CTCAE v5.0 (NCI, 27 Nov 2017): term names, MedDRA v20.1 LLT codes and grade
// text exactly as printed; a grade CTCAE marks with a dash is absent here (not allowed for the term).
// Generated from a machine-readable copy of the 837-term v5.0 table (github.com/oncohub/CTCAE5);
// lab rows cross-checked with pharmaverse/admiral ncictcaev5.json. Re-check any edit against NCI's
// CTCAE_v5.0.xlsx.
export const otherSocsTerms: readonly AeTermDefinition[] = [
  // CTCAE v5.0 (2017), Endocrine disorders
  {
    term: "Hyperthyroidism",
    soc: SOC.endocrine,
    meddraCode: "10020850",
    grades: {
      1: "Asymptomatic; clinical or diagnostic observations only; intervention not indicated",
      2: "Symptomatic; thyroid suppression therapy indicated; limiting instrumental ADL",
      3: "Severe symptoms; limiting self care ADL; hospitalization indicated",
      4: "Life-threatening consequences; urgent intervention indicated",
      5: "Death",
    },
  },
  {
    term: "Hypothyroidism",
    soc: SOC.endocrine,
    meddraCode: "10021114",
    grades: {
      1: "Asymptomatic; clinical or diagnostic observations only; intervention not indicated",
      2: "Symptomatic; thyroid replacement indicated; limiting instrumental ADL",
      3: "Severe symptoms; limiting self care ADL; hospitalization indicated",
      4: "Life-threatening consequences; urgent intervention indicated",
      5: "Death",
    },
  },
  {
    term: "Endocrine disorders - Other, specify",
    soc: SOC.endocrine,
    meddraCode: "10014698",
    grades: {
      1: "Asymptomatic or mild symptoms; clinical or diagnostic observations only; intervention not indicated",
      2: "Moderate; minimal, local or noninvasive intervention indicated; limiting age-appropriate instrumental ADL",
      3: "Severe or medically significant but not immediately life-threatening; hospitalization or prolongation of existing hospitalization indicated; limiting self care ADL",
      4: "Life-threatening consequences; urgent intervention indicated",
      5: "Death",
    },
  },
  // CTCAE v5.0 (2017), Renal and urinary disorders
  {
    term: "Acute kidney injury",
    soc: SOC.renal,
    meddraCode: "10069339",
    grades: {
      3: "Hospitalization indicated",
      4: "Life-threatening consequences; dialysis indicated",
      5: "Death",
    },
  },
  {
    term: "Proteinuria",
    soc: SOC.renal,
    meddraCode: "10037032",
    grades: {
      1: "1+ proteinuria; urinary protein ≥ULN - <1.0 g/24 hrs",
      2: "Adult: 2+ and 3+ proteinuria; urinary protein 1.0 - <3.5 g/24 hrs; Pediatric: Urine P/C (Protein/Creatinine) ratio 0.5 - 1.9",
      3: "Adult: Urinary protein >=3.5 g/24 hrs; 4+ proteinuria; Pediatric: Urine P/C (Protein/Creatinine) ratio >1.9",
    },
  },
  {
    term: "Renal and urinary disorders - Other, specify",
    soc: SOC.renal,
    meddraCode: "10038359",
    grades: {
      1: "Asymptomatic or mild symptoms; clinical or diagnostic observations only; intervention not indicated",
      2: "Moderate; minimal, local or noninvasive intervention indicated; limiting age-appropriate instrumental ADL",
      3: "Severe or medically significant but not immediately life-threatening; hospitalization or prolongation of existing hospitalization indicated; limiting self care ADL",
      4: "Life-threatening consequences; urgent intervention indicated",
      5: "Death",
    },
  },
  // CTCAE v5.0 (2017), Ear and labyrinth disorders
  {
    term: "Vertigo",
    soc: SOC.ear,
    meddraCode: "10047340",
    grades: {
      1: "Mild symptoms",
      2: "Moderate symptoms; limiting instrumental ADL",
      3: "Severe symptoms; limiting self care ADL",
    },
  },
  // CTCAE v5.0 (2017), Eye disorders
  {
    term: "Blurred vision",
    soc: SOC.eye,
    meddraCode: "10005886",
    grades: {
      1: "Intervention not indicated",
      2: "Symptomatic; moderate decrease in visual acuity (best corrected visual acuity 20/40 and better or 3 lines or less decreased vision from known baseline); limiting instrumental ADL",
      3: "Symptomatic with marked decrease in visual acuity (best corrected visual acuity worse than 20/40 or more than 3 lines of decreased vision from known baseline, up to 20/200); limiting self care ADL",
      4: "Best corrected visual acuity of 20/200 or worse in the affected eye",
    },
  },
  // CTCAE v5.0 (2017), Immune system disorders
  {
    term: "Allergic reaction",
    soc: SOC.immune,
    meddraCode: "10001718",
    grades: {
      1: "Systemic intervention not indicated",
      2: "Oral intervention indicated",
      3: "Bronchospasm; hospitalization indicated for clinical sequelae; intravenous intervention indicated",
      4: "Life-threatening consequences; urgent intervention indicated",
      5: "Death",
    },
  },
  {
    term: "Anaphylaxis",
    soc: SOC.immune,
    meddraCode: "10002218",
    grades: {
      3: "Symptomatic bronchospasm, with or without urticaria; parenteral intervention indicated; allergy-related edema/angioedema; hypotension",
      4: "Life-threatening consequences; urgent intervention indicated",
      5: "Death",
    },
  },
  // CTCAE v5.0 (2017), Injury, poisoning and procedural complications
  {
    term: "Bruising",
    soc: SOC.injury,
    meddraCode: "10006504",
    grades: {
      1: "Localized or in a dependent area",
      2: "Generalized",
    },
  },
  {
    term: "Fall",
    soc: SOC.injury,
    meddraCode: "10016173",
    grades: {
      1: "Minor with no resultant injuries; intervention not indicated",
      2: "Symptomatic; noninvasive intervention indicated",
      3: "Hospitalization indicated; invasive intervention indicated",
    },
  },
  // CTCAE v5.0 (2017), Musculoskeletal and connective tissue disorders
  {
    term: "Arthralgia",
    soc: SOC.musculoskeletal,
    meddraCode: "10003239",
    grades: {
      1: "Mild pain",
      2: "Moderate pain; limiting instrumental ADL",
      3: "Severe pain; limiting self care ADL",
    },
  },
  {
    term: "Back pain",
    soc: SOC.musculoskeletal,
    meddraCode: "10003988",
    grades: {
      1: "Mild pain",
      2: "Moderate pain; limiting instrumental ADL",
      3: "Severe pain; limiting self care ADL",
    },
  },
  {
    term: "Generalized muscle weakness",
    soc: SOC.musculoskeletal,
    meddraCode: "10062572",
    grades: {
      1: "Symptomatic; perceived by patient but not evident on physical exam",
      2: "Symptomatic; evident on physical exam; limiting instrumental ADL",
      3: "Limiting self care ADL",
    },
  },
  {
    term: "Muscle cramp",
    soc: SOC.musculoskeletal,
    meddraCode: "10028294",
    grades: {
      1: "Mild pain",
      2: "Moderate pain; limiting instrumental ADL",
      3: "Severe pain; limiting self care ADL",
    },
  },
  {
    term: "Myalgia",
    soc: SOC.musculoskeletal,
    meddraCode: "10028411",
    grades: {
      1: "Mild pain",
      2: "Moderate pain; limiting instrumental ADL",
      3: "Severe pain; limiting self care ADL",
    },
  },
  {
    term: "Pain in extremity",
    soc: SOC.musculoskeletal,
    meddraCode: "10033425",
    grades: {
      1: "Mild pain",
      2: "Moderate pain; limiting instrumental ADL",
      3: "Severe pain; limiting self care ADL",
    },
  },
  {
    term: "Musculoskeletal and connective tissue disorder - Other, specify",
    soc: SOC.musculoskeletal,
    meddraCode: "10028395",
    grades: {
      1: "Asymptomatic or mild symptoms; clinical or diagnostic observations only; intervention not indicated",
      2: "Moderate; minimal, local or noninvasive intervention indicated; limiting age-appropriate instrumental ADL",
      3: "Severe or medically significant but not immediately life-threatening; hospitalization or prolongation of existing hospitalization indicated; limiting self care ADL",
      4: "Life-threatening consequences; urgent intervention indicated",
      5: "Death",
    },
  },
  // CTCAE v5.0 (2017), Neoplasms benign, malignant and unspecified (incl cysts and polyps)
  {
    term: "Tumor hemorrhage",
    soc: SOC.neoplasms,
    meddraCode: "10055351",
    grades: {
      1: "Mild symptoms; intervention not indicated",
      2: "Moderate symptoms; intervention indicated",
      3: "Transfusion indicated; invasive intervention indicated; hospitalization",
      4: "Life-threatening consequences; urgent intervention indicated",
      5: "Death",
    },
  },
  {
    term: "Tumor pain",
    soc: SOC.neoplasms,
    meddraCode: "10045158",
    grades: {
      1: "Mild pain",
      2: "Moderate pain; limiting instrumental ADL",
      3: "Severe pain; limiting self care ADL",
    },
  },
  // CTCAE v5.0 (2017), Reproductive system and breast disorders
  {
    term: "Erectile dysfunction",
    soc: SOC.reproductive,
    meddraCode: "10061461",
    grades: {
      1: "Decrease in erectile function (frequency or rigidity of erections) but intervention not indicated (e.g., medication or use of mechanical device, penile pump)",
      2: "Decrease in erectile function (frequency/rigidity of erections), erectile intervention indicated, (e.g., medication or mechanical devices such as penile pump)",
      3: "Decrease in erectile function (frequency/rigidity of erections) but erectile intervention not helpful (e.g., medication or mechanical devices such as penile pump); placement of a permanent penile prosthesis indicated (not previously present)",
    },
  },
];
