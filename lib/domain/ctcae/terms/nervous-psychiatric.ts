import { SOC, type AeTermDefinition } from "../ae-term-types";

// Transcribed from CTCAE v5.0 (NCI, 27 Nov 2017): term names, MedDRA v20.1 LLT codes and grade
// text exactly as printed; a grade CTCAE marks with a dash is absent here (not allowed for the term).
// Generated from a machine-readable copy of the 837-term v5.0 table (github.com/oncohub/CTCAE5);
// lab rows cross-checked with pharmaverse/admiral ncictcaev5.json. Re-check any edit against NCI's
// CTCAE_v5.0.xlsx.
export const nervousPsychiatricTerms: readonly AeTermDefinition[] = [
  // CTCAE v5.0 (2017), Nervous system disorders
  {
    term: "Cognitive disturbance",
    soc: SOC.nervous,
    meddraCode: "10009845",
    grades: {
      1: "Mild cognitive disability; not interfering with work/school/life performance; specialized educational services/devices not indicated",
      2: "Moderate cognitive disability; interfering with work/school/life performance but capable of independent living; specialized resources on part time basis indicated",
      3: "Severe cognitive disability; significant impairment of work/school/life performance",
    },
  },
  {
    term: "Depressed level of consciousness",
    soc: SOC.nervous,
    meddraCode: "10012373",
    grades: {
      1: "Decreased level of alertness",
      2: "Sedation; slow response to stimuli; limiting instrumental ADL",
      3: "Difficult to arouse",
      4: "Life-threatening consequences; coma; urgent intervention indicated",
      5: "Death",
    },
  },
  {
    term: "Dizziness",
    soc: SOC.nervous,
    meddraCode: "10013573",
    grades: {
      1: "Mild unsteadiness or sensation of movement",
      2: "Moderate unsteadiness or sensation of movement; limiting instrumental ADL",
      3: "Severe unsteadiness or sensation of movement; limiting self care ADL",
    },
  },
  {
    term: "Dysgeusia",
    soc: SOC.nervous,
    meddraCode: "10013911",
    grades: {
      1: "Altered taste but no change in diet",
      2: "Altered taste with change in diet (e.g., oral supplements); noxious or unpleasant taste; loss of taste",
    },
  },
  {
    term: "Encephalopathy",
    soc: SOC.nervous,
    meddraCode: "10014625",
    grades: {
      1: "Mild symptoms",
      2: "Moderate symptoms; limiting instrumental ADL",
      3: "Severe symptoms; limiting self care ADL",
      4: "Life-threatening consequences; urgent intervention indicated",
      5: "Death",
    },
  },
  {
    term: "Headache",
    soc: SOC.nervous,
    meddraCode: "10019211",
    grades: {
      1: "Mild pain",
      2: "Moderate pain; limiting instrumental ADL",
      3: "Severe pain; limiting self care ADL",
    },
  },
  {
    term: "Paresthesia",
    soc: SOC.nervous,
    meddraCode: "10033987",
    grades: {
      1: "Mild symptoms",
      2: "Moderate symptoms; limiting instrumental ADL",
      3: "Severe symptoms; limiting self care ADL",
    },
  },
  {
    term: "Peripheral motor neuropathy",
    soc: SOC.nervous,
    meddraCode: "10034580",
    grades: {
      1: "Asymptomatic; clinical or diagnostic observations only",
      2: "Moderate symptoms; limiting instrumental ADL",
      3: "Severe symptoms; limiting self care ADL",
      4: "Life-threatening consequences; urgent intervention indicated",
      5: "Death",
    },
  },
  {
    term: "Peripheral sensory neuropathy",
    soc: SOC.nervous,
    meddraCode: "10034620",
    grades: {
      1: "Asymptomatic",
      2: "Moderate symptoms; limiting instrumental ADL",
      3: "Severe symptoms; limiting self care ADL",
      4: "Life-threatening consequences; urgent intervention indicated",
    },
  },
  {
    term: "Seizure",
    soc: SOC.nervous,
    meddraCode: "10039906",
    grades: {
      1: "Brief partial seizure and no loss of consciousness",
      2: "Brief generalized seizure",
      3: "New onset seizures (partial or generalized); multiple seizures despite medical intervention",
      4: "Life-threatening consequences; prolonged repetitive seizures",
      5: "Death",
    },
  },
  {
    term: "Somnolence",
    soc: SOC.nervous,
    meddraCode: "10041349",
    grades: {
      1: "Mild but more than usual drowsiness or sleepiness",
      2: "Moderate sedation; limiting instrumental ADL",
      3: "Obtundation or stupor",
      4: "Life-threatening consequences; urgent intervention indicated",
      5: "Death",
    },
  },
  {
    term: "Stroke",
    soc: SOC.nervous,
    meddraCode: "10042244",
    grades: {
      1: "Incidental radiographic findings only",
      2: "Mild to moderate neurologic deficit; limiting instrumental ADL",
      3: "Severe neurologic deficit; limiting self care ADL; hospitalization",
      4: "Life-threatening consequences; urgent intervention indicated",
      5: "Death",
    },
  },
  {
    term: "Syncope",
    soc: SOC.nervous,
    meddraCode: "10042772",
    grades: {
      3: "Fainting; orthostatic collapse",
    },
  },
  {
    term: "Tremor",
    soc: SOC.nervous,
    meddraCode: "10044565",
    grades: {
      1: "Mild symptoms",
      2: "Moderate symptoms; limiting instrumental ADL",
      3: "Severe symptoms; limiting self care ADL",
    },
  },
  {
    term: "Nervous system disorders - Other, specify",
    soc: SOC.nervous,
    meddraCode: "10029205",
    grades: {
      1: "Asymptomatic or mild symptoms; clinical or diagnostic observations only; intervention not indicated",
      2: "Moderate; minimal, local or noninvasive intervention indicated; limiting age-appropriate instrumental ADL",
      3: "Severe or medically significant but not immediately life-threatening; hospitalization or prolongation of existing hospitalization indicated; limiting self care ADL",
      4: "Life-threatening consequences; urgent intervention indicated",
      5: "Death",
    },
  },
  // CTCAE v5.0 (2017), Psychiatric disorders
  {
    term: "Anxiety",
    soc: SOC.psychiatric,
    meddraCode: "10002855",
    grades: {
      1: "Mild symptoms; intervention not indicated",
      2: "Moderate symptoms; limiting instrumental ADL",
      3: "Severe symptoms; limiting self care ADL; hospitalization indicated",
      4: "Life-threatening consequences; urgent intervention indicated",
    },
  },
  {
    term: "Confusion",
    soc: SOC.psychiatric,
    meddraCode: "10010300",
    grades: {
      1: "Mild disorientation",
      2: "Moderate disorientation; limiting instrumental ADL",
      3: "Severe disorientation; limiting self care ADL",
      4: "Life-threatening consequences; urgent intervention indicated",
    },
  },
  {
    term: "Depression",
    soc: SOC.psychiatric,
    meddraCode: "10012378",
    grades: {
      1: "Mild depressive symptoms",
      2: "Moderate depressive symptoms; limiting instrumental ADL",
      3: "Severe depressive symptoms; limiting self care ADL; hospitalization not indicated",
      4: "Life-threatening consequences, threats of harm to self or others; hospitalization indicated",
      5: "Death",
    },
  },
  {
    term: "Insomnia",
    soc: SOC.psychiatric,
    meddraCode: "10022437",
    grades: {
      1: "Mild difficulty falling asleep, staying asleep or waking up early",
      2: "Moderate difficulty falling asleep, staying asleep or waking up early",
      3: "Severe difficulty in falling asleep, staying asleep or waking up early",
    },
  },
  {
    term: "Psychiatric disorders - Other, specify",
    soc: SOC.psychiatric,
    meddraCode: "10037175",
    grades: {
      1: "Asymptomatic or mild symptoms; clinical or diagnostic observations only; intervention not indicated",
      2: "Moderate; minimal, local or noninvasive intervention indicated; limiting age-appropriate instrumental ADL",
      3: "Severe or medically significant but not immediately life-threatening; limiting self care ADL",
      4: "Life-threatening consequences; hospitalization or urgent intervention indicated",
      5: "Death",
    },
  },
];
