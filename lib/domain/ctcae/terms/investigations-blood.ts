import { SOC, type AeTermDefinition } from "../ae-term-types";

// Transcribed from CTCAE v5.0 (NCI, 27 Nov 2017): term names, MedDRA v20.1 LLT codes and grade
// text exactly as printed; a grade CTCAE marks with a dash is absent here (not allowed for the term).
// Generated from a machine-readable copy of the 837-term v5.0 table (github.com/oncohub/CTCAE5);
// lab rows cross-checked with pharmaverse/admiral ncictcaev5.json. Re-check any edit against NCI's
// CTCAE_v5.0.xlsx.
export const investigationsBloodTerms: readonly AeTermDefinition[] = [
  // CTCAE v5.0 (2017), Blood and lymphatic system disorders
  {
    term: "Anemia",
    soc: SOC.blood,
    meddraCode: "10002272",
    grades: {
      1: "Hemoglobin (Hgb) <LLN - 10.0 g/dL; <LLN - 6.2 mmol/L; <LLN - 100 g/L",
      2: "Hgb <10.0 - 8.0 g/dL; <6.2 - 4.9 mmol/L; <100 - 80g/L",
      3: "Hgb <8.0 g/dL; <4.9 mmol/L; <80 g/L; transfusion indicated",
      4: "Life-threatening consequences; urgent intervention indicated",
      5: "Death",
    },
  },
  {
    term: "Febrile neutropenia",
    soc: SOC.blood,
    meddraCode: "10016288",
    grades: {
      3: "ANC <1000/mm3 with a single temperature of >38.3 degrees C (101 degrees F) or a sustained temperature of >=38 degrees C (100.4 degrees F) for more than one hour",
      4: "Life-threatening consequences; urgent intervention indicated",
      5: "Death",
    },
  },
  {
    term: "Blood and lymphatic system disorders - Other, specify",
    soc: SOC.blood,
    meddraCode: "10005329",
    grades: {
      1: "Asymptomatic or mild symptoms; clinical or diagnostic observations only; intervention not indicated",
      2: "Moderate; minimal, local or noninvasive intervention indicated; limiting age-appropriate instrumental ADL",
      3: "Severe or medically significant but not immediately life-threatening; hospitalization or prolongation of existing hospitalization indicated; limiting self care ADL",
      4: "Life-threatening consequences; urgent intervention indicated",
      5: "Death",
    },
  },
  // CTCAE v5.0 (2017), Investigations
  {
    term: "Alanine aminotransferase increased",
    soc: SOC.investigations,
    meddraCode: "10001551",
    grades: {
      1: ">ULN - 3.0 x ULN if baseline was normal; 1.5 - 3.0 x baseline if baseline was abnormal",
      2: ">3.0 - 5.0 x ULN if baseline was normal; >3.0 - 5.0 x baseline if baseline was abnormal",
      3: ">5.0 - 20.0 x ULN if baseline was normal; >5.0 - 20.0 x baseline if baseline was abnormal",
      4: ">20.0 x ULN if baseline was normal; >20.0 x baseline if baseline was abnormal",
    },
  },
  {
    term: "Alkaline phosphatase increased",
    soc: SOC.investigations,
    meddraCode: "10001675",
    grades: {
      1: ">ULN - 2.5 x ULN if baseline was normal; 2.0 - 2.5 x baseline if baseline was abnormal",
      2: ">2.5 - 5.0 x ULN if baseline was normal; >2.5 - 5.0 x baseline if baseline was abnormal",
      3: ">5.0 - 20.0 x ULN if baseline was normal; >5.0 - 20.0 x baseline if baseline was abnormal",
      4: ">20.0 x ULN if baseline was normal; >20.0 x baseline if baseline was abnormal",
    },
  },
  {
    term: "Aspartate aminotransferase increased",
    soc: SOC.investigations,
    meddraCode: "10003481",
    grades: {
      1: ">ULN - 3.0 x ULN if baseline was normal; 1.5 - 3.0 x baseline if baseline was abnormal",
      2: ">3.0 - 5.0 x ULN if baseline was normal; >3.0 - 5.0 x baseline if baseline was abnormal",
      3: ">5.0 - 20.0 x ULN if baseline was normal; >5.0 - 20.0 x baseline if baseline was abnormal",
      4: ">20.0 x ULN if baseline was normal; >20.0 x baseline if baseline was abnormal",
    },
  },
  {
    term: "Blood bilirubin increased",
    soc: SOC.investigations,
    meddraCode: "10005364",
    grades: {
      1: ">ULN - 1.5 x ULN if baseline was normal; > 1.0 - 1.5 x baseline if baseline was abnormal",
      2: ">1.5 - 3.0 x ULN if baseline was normal; >1.5 - 3.0 x baseline if baseline was abnormal",
      3: ">3.0 - 10.0 x ULN if baseline was normal; >3.0 - 10.0 x baseline if baseline was abnormal",
      4: ">10.0 x ULN if baseline was normal; >10.0 x baseline if baseline was abnormal",
    },
  },
  {
    term: "Creatinine increased",
    soc: SOC.investigations,
    meddraCode: "10011368",
    grades: {
      1: ">ULN - 1.5 x ULN",
      2: ">1.5 - 3.0 x baseline; >1.5 - 3.0 x ULN",
      3: ">3.0 x baseline; >3.0 - 6.0 x ULN",
      4: ">6.0 x ULN",
    },
  },
  {
    term: "GGT increased",
    soc: SOC.investigations,
    meddraCode: "10056910",
    grades: {
      1: ">ULN - 2.5 x ULN if baseline was normal; 2.0 - 2.5 x baseline if baseline was abnormal",
      2: ">2.5 - 5.0 x ULN if baseline was normal; >2.5 - 5.0 x baseline if baseline was abnormal",
      3: ">5.0 - 20.0 x ULN if baseline was normal; >5.0 - 20.0 x baseline if baseline was abnormal",
      4: ">20.0 x ULN if baseline was normal; >20.0 x baseline if baseline was abnormal",
    },
  },
  {
    term: "Hemoglobin increased",
    soc: SOC.investigations,
    meddraCode: "10055599",
    grades: {
      1: "Increase in >0 - 2 g/dL",
      2: "Increase in >2 - 4 g/dL",
      3: "Increase in >4 g/dL",
    },
  },
  {
    term: "INR increased",
    soc: SOC.investigations,
    meddraCode: "10022402",
    grades: {
      1: ">1.2 - 1.5; >1 - 1.5 x baseline if on anticoagulation; monitoring only indicated",
      2: ">1.5 - 2.5; >1.5 - 2.5 x baseline if on anticoagulation; dose adjustment indicated",
      3: ">2.5; >2.5 x baseline if on anticoagulation; bleeding",
    },
  },
  {
    term: "Lymphocyte count decreased",
    soc: SOC.investigations,
    meddraCode: "10025256",
    grades: {
      1: "<LLN - 800/mm3; <LLN - 0.8 x 10e9/L",
      2: "<800 - 500/mm3; <0.8 - 0.5 x 10e9 /L",
      3: "<500 - 200/mm3; <0.5 - 0.2 x 10e9 /L",
      4: "<200/mm3; <0.2 x 10e9 /L",
    },
  },
  {
    term: "Neutrophil count decreased",
    soc: SOC.investigations,
    meddraCode: "10029366",
    grades: {
      1: "<LLN - 1500/mm3; <LLN - 1.5 x 10e9 /L",
      2: "<1500 - 1000/mm3; <1.5 - 1.0 x 10e9 /L",
      3: "<1000 - 500/mm3; <1.0 - 0.5 x 10e9 /L",
      4: "<500/mm3; <0.5 x 10e9 /L",
    },
  },
  {
    term: "Platelet count decreased",
    soc: SOC.investigations,
    meddraCode: "10035528",
    grades: {
      1: "<LLN - 75,000/mm3; <LLN - 75.0 x 10e9 /L",
      2: "<75,000 - 50,000/mm3; <75.0 - 50.0 x 10e9 /L",
      3: "<50,000 - 25,000/mm3; <50.0 - 25.0 x 10e9 /L",
      4: "<25,000/mm3; <25.0 x 10e9 /L",
    },
  },
  {
    term: "Weight gain",
    soc: SOC.investigations,
    meddraCode: "10047896",
    grades: {
      1: "5 - <10% from baseline",
      2: "10 - <20% from baseline",
      3: ">=20% from baseline",
    },
  },
  {
    term: "Weight loss",
    soc: SOC.investigations,
    meddraCode: "10047900",
    grades: {
      1: "5 to <10% from baseline; intervention not indicated",
      2: "10 - <20% from baseline; nutritional support indicated",
      3: ">=20% from baseline; tube feeding or TPN indicated",
    },
  },
  {
    term: "White blood cell decreased",
    soc: SOC.investigations,
    meddraCode: "10049182",
    grades: {
      1: "<LLN - 3000/mm3; <LLN - 3.0 x 10e9 /L",
      2: "<3000 - 2000/mm3; <3.0 - 2.0 x 10e9 /L",
      3: "<2000 - 1000/mm3; <2.0 - 1.0 x 10e9 /L",
      4: "<1000/mm3; <1.0 x 10e9 /L",
    },
  },
  {
    term: "Investigations - Other, specify",
    soc: SOC.investigations,
    meddraCode: "10022891",
    grades: {
      1: "Asymptomatic or mild symptoms; clinical or diagnostic observations only; intervention not indicated",
      2: "Moderate; minimal, local or noninvasive intervention indicated; limiting age-appropriate instrumental ADL",
      3: "Severe or medically significant but not immediately life-threatening; hospitalization or prolongation of existing hospitalization indicated; limiting self care ADL",
      4: "Life-threatening consequences; urgent intervention indicated",
      5: "Death",
    },
  },
];
