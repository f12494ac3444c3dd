import { SOC, type AeTermDefinition } from "../ae-term-types";

// Transcribed from CTCAE v5.0 (NCI, 27 Nov 2017): term names, MedDRA v20.1 LLT codes and grade
// text exactly as printed; a grade CTCAE marks with a dash is absent here (not allowed for the term).
// Generated from a machine-readable copy of the 837-term v5.0 table (github.com/oncohub/CTCAE5);
// lab rows cross-checked with pharmaverse/admiral ncictcaev5.json. Re-check any edit against NCI's
// CTCAE_v5.0.xlsx.
export const respiratoryTerms: readonly AeTermDefinition[] = [
  // CTCAE v5.0 (2017), Respiratory, thoracic and mediastinal disorders
  {
    term: "Cough",
    soc: SOC.respiratory,
    meddraCode: "10011224",
    grades: {
      1: "Mild symptoms; nonprescription intervention indicated",
      2: "Moderate symptoms, medical intervention indicated; limiting instrumental ADL",
      3: "Severe symptoms; limiting self care ADL",
    },
  },
  {
    term: "Dyspnea",
    soc: SOC.respiratory,
    meddraCode: "10013963",
    grades: {
      1: "Shortness of breath with moderate exertion",
      2: "Shortness of breath with minimal exertion; limiting instrumental ADL",
      3: "Shortness of breath at rest; limiting self care ADL",
      4: "Life-threatening consequences; urgent intervention indicated",
      5: "Death",
    },
  },
  {
    term: "Epistaxis",
    soc: SOC.respiratory,
    meddraCode: "10015090",
    grades: {
      1: "Mild symptoms; intervention not indicated",
      2: "Moderate symptoms; medical intervention indicated (e.g., nasal packing, cauterization; topical vasoconstrictors)",
      3: "Transfusion; invasive intervention indicated (e.g., hemostasis of bleeding site)",
      4: "Life-threatening consequences; urgent intervention indicated",
      5: "Death",
    },
  },
  {
    term: "Hiccups",
    soc: SOC.respiratory,
    meddraCode: "10020039",
    grades: {
      1: "Mild symptoms; intervention not indicated",
      2: "Moderate symptoms; medical intervention indicated; limiting instrumental ADL",
      3: "Severe symptoms; interfering with sleep; limiting self care ADL",
    },
  },
  {
    term: "Pleural effusion",
    soc: SOC.respiratory,
    meddraCode: "10035598",
    grades: {
      1: "Asymptomatic; clinical or diagnostic observations only; intervention not indicated",
      2: "Symptomatic; intervention indicated (e.g., diuretics or therapeutic thoracentesis)",
      3: "Symptomatic with respiratory distress and hypoxia; operative intervention including chest tube or pleurodesis indicated",
      4: "Life-threatening respiratory or hemodynamic compromise; intubation or urgent intervention indicated",
      5: "Death",
    },
  },
  {
    term: "Pneumonitis",
    soc: SOC.respiratory,
    meddraCode: "10035742",
    grades: {
      1: "Asymptomatic; clinical or diagnostic observations only; intervention not indicated",
      2: "Symptomatic; medical intervention indicated; limiting instrumental ADL",
      3: "Severe symptoms; limiting self care ADL; oxygen indicated",
      4: "Life-threatening respiratory compromise; urgent intervention indicated (e.g., tracheotomy or intubation)",
      5: "Death",
    },
  },
  {
    term: "Pulmonary edema",
    soc: SOC.respiratory,
    meddraCode: "10037375",
    grades: {
      1: "Radiologic findings only; minimal dyspnea on exertion",
      2: "Moderate dyspnea on exertion; medical intervention indicated; limiting instrumental ADL",
      3: "Severe dyspnea or dyspnea at rest; oxygen indicated; limiting self care ADL",
      4: "Life-threatening respiratory compromise; urgent intervention or intubation with ventilatory support indicated",
      5: "Death",
    },
  },
  {
    term: "Respiratory, thoracic and mediastinal disorders - Other, specify",
    soc: SOC.respiratory,
    meddraCode: "10038738",
    grades: {
      1: "Asymptomatic or mild symptoms; clinical or diagnostic observations only; intervention not indicated",
      2: "Moderate; minimal, local or noninvasive intervention indicated; limiting age-appropriate instrumental ADL",
      3: "Severe or medically significant but not immediately life-threatening; hospitalization or prolongation of existing hospitalization indicated; limiting self care ADL",
      4: "Life-threatening consequences; urgent intervention indicated",
      5: "Death",
    },
  },
];
