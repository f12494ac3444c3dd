import { SOC, type AeTermDefinition } from "../ae-term-types";

// Transcribed from CTCAE v5.0 (NCI, 27 Nov 2017): term names, MedDRA v20.1 LLT codes and grade
// text exactly as printed; a grade CTCAE marks with a dash is absent here (not allowed for the term).
// Generated from a machine-readable copy of the 837-term v5.0 table (github.com/oncohub/CTCAE5);
// lab rows cross-checked with pharmaverse/admiral ncictcaev5.json. Re-check any edit against NCI's
// CTCAE_v5.0.xlsx.
export const metabolismTerms: readonly AeTermDefinition[] = [
  // CTCAE v5.0 (2017), Metabolism and nutrition disorders
  {
    term: "Anorexia",
    soc: SOC.metabolism,
    meddraCode: "10002646",
    grades: {
      1: "Loss of appetite without alteration in eating habits",
      2: "Oral intake altered without significant weight loss or malnutrition; oral nutritional supplements indicated",
      3: "Associated with significant weight loss or malnutrition (e.g., inadequate oral caloric and/or fluid intake); tube feeding or TPN indicated",
      4: "Life-threatening consequences; urgent intervention indicated",
      5: "Death",
    },
  },
  {
    term: "Dehydration",
    soc: SOC.metabolism,
    meddraCode: "10012174",
    grades: {
      1: "Increased oral fluids indicated; dry mucous membranes; diminished skin turgor",
      2: "IV fluids indicated",
      3: "Hospitalization indicated",
      4: "Life-threatening consequences; urgent intervention indicated",
      5: "Death",
    },
  },
  {
    term: "Hypercalcemia",
    soc: SOC.metabolism,
    meddraCode: "10020587",
    grades: {
      1: "Corrected serum calcium of >ULN - 11.5 mg/dL; >ULN - 2.9 mmol/L; Ionized calcium >ULN - 1.5 mmol/L",
      2: "Corrected serum calcium of >11.5 - 12.5 mg/dL; >2.9 - 3.1 mmol/L; Ionized calcium >1.5 - 1.6 mmol/L; symptomatic",
      3: "Corrected serum calcium of >12.5 - 13.5 mg/dL; >3.1 - 3.4 mmol/L; Ionized calcium >1.6 - 1.8 mmol/L; hospitalization indicated",
      4: "Corrected serum calcium of >13.5 mg/dL; >3.4 mmol/L; Ionized calcium >1.8 mmol/L; life-threatening consequences",
      5: "Death",
    },
  },
  {
    term: "Hyperglycemia",
    soc: SOC.metabolism,
    meddraCode: "10020639",
    grades: {
      1: "Abnormal glucose above baseline with no medical intervention",
      2: "Change in daily management from baseline for a diabetic; oral antiglycemic agent initiated; workup for diabetes",
      3: "Insulin therapy initiated; hospitalization indicated",
      4: "Life-threatening consequences; urgent intervention indicated",
      5: "Death",
    },
  },
  {
    term: "Hyperkalemia",
    soc: SOC.metabolism,
    meddraCode: "10020647",
    grades: {
      1: ">ULN - 5.5 mmol/L",
      2: ">5.5 - 6.0 mmol/L; intervention initiated",
      3: ">6.0 - 7.0 mmol/L; hospitalization indicated",
      4: ">7.0 mmol/L; life-threatening consequences",
      5: "Death",
    },
  },
  {
    term: "Hypoalbuminemia",
    soc: SOC.metabolism,
    meddraCode: "10020943",
    grades: {
      1: "<LLN - 3 g/dL; <LLN - 30 g/L",
      2: "<3 - 2 g/dL; <30 - 20 g/L",
      3: "<2 g/dL; <20 g/L",
      4: "Life-threatening consequences; urgent intervention indicated",
      5: "Death",
    },
  },
  {
    term: "Hypocalcemia",
    soc: SOC.metabolism,
    meddraCode: "10020949",
    grades: {
      1: "Corrected serum calcium of <LLN - 8.0 mg/dL; <LLN - 2.0 mmol/L; Ionized calcium <LLN - 1.0 mmol/L",
      2: "Corrected serum calcium of <8.0 - 7.0 mg/dL; <2.0 - 1.75 mmol/L; Ionized calcium <1.0 - 0.9 mmol/L; symptomatic",
      3: "Corrected serum calcium of <7.0 - 6.0 mg/dL; <1.75 - 1.5 mmol/L; Ionized calcium <0.9 - 0.8 mmol/L; hospitalization indicated",
      4: "Corrected serum calcium of <6.0 mg/dL; <1.5 mmol/L; Ionized calcium <0.8 mmol/L; life-threatening consequences",
      5: "Death",
    },
  },
  {
    term: "Hypoglycemia",
    soc: SOC.metabolism,
    meddraCode: "10021005",
    grades: {
      1: "<LLN - 55 mg/dL; <LLN - 3.0 mmol/L",
      2: "<55 - 40 mg/dL; <3.0 - 2.2 mmol/L",
      3: "<40 - 30 mg/dL; <2.2 - 1.7 mmol/L",
      4: "<30 mg/dL; <1.7 mmol/L; life-threatening consequences; seizures",
      5: "Death",
    },
  },
  {
    term: "Hypokalemia",
    soc: SOC.metabolism,
    meddraCode: "10021018",
    grades: {
      1: "<LLN - 3.0 mmol/L",
      2: "Symptomatic with <LLN - 3.0 mmol/L; intervention indicated",
      3: "<3.0 - 2.5 mmol/L; hospitalization indicated",
      4: "<2.5 mmol/L; life-threatening consequences",
      5: "Death",
    },
  },
  {
    term: "Hypomagnesemia",
    soc: SOC.metabolism,
    meddraCode: "10021028",
    grades: {
      1: "<LLN - 1.2 mg/dL; <LLN - 0.5 mmol/L",
      2: "<1.2 - 0.9 mg/dL; <0.5 - 0.4 mmol/L",
      3: "<0.9 - 0.7 mg/dL; <0.4 - 0.3 mmol/L",
      4: "<0.7 mg/dL; <0.3 mmol/L; life-threatening consequences",
      5: "Death",
    },
  },
  {
    term: "Hyponatremia",
    soc: SOC.metabolism,
    meddraCode: "10021038",
    grades: {
      1: "<LLN - 130 mmol/L",
      2: "125-129 mmol/L and asymptomatic",
      3: "125-129 mmol/L symptomatic; 120-124 mmol/L regardless of symptoms",
      4: "<120 mmol/L; life-threatening consequences",
      5: "Death",
    },
  },
  {
    term: "Hypophosphatemia",
    soc: SOC.metabolism,
    meddraCode: "10021059",
    grades: {
      1: "Laboratory finding only and intervention not indicated",
      2: "Oral replacement therapy indicated",
      3: "Severe or medically significant but not immediately life-threatening; hospitalization or prolongation of existing hospitalization indicated",
      4: "Life-threatening consequences",
      5: "Death",
    },
  },
  {
    term: "Tumor lysis syndrome",
    soc: SOC.metabolism,
    meddraCode: "10045152",
    grades: {
      3: "Present",
      4: "Life-threatening consequences; urgent intervention indicated",
      5: "Death",
    },
  },
  {
    term: "Metabolism and nutrition disorders - Other, specify",
    soc: SOC.metabolism,
    meddraCode: "10027433",
    grades: {
      1: "Asymptomatic or mild symptoms; clinical or diagnostic observations only; intervention not indicated",
      2: "Moderate; minimal, local or noninvasive intervention indicated; limiting age-appropriate instrumental ADL",
      3: "Severe or medically significant but not immediately life-threatening; hospitalization or prolongation of existing hospitalization indicated; limiting self care ADL",
      4: "Life-threatening consequences; urgent intervention indicated",
      5: "Death",
    },
  },
];
