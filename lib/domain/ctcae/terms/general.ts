import { SOC, type AeTermDefinition } from "../ae-term-types";

// Transcribed from CTCAE v5.0 (NCI, 27 Nov 2017): term names, MedDRA v20.1 LLT codes and grade
// text exactly as printed; a grade CTCAE marks with a dash is absent here (not allowed for the term).
// Generated from a machine-readable copy of the 837-term v5.0 table (github.com/oncohub/CTCAE5);
// lab rows cross-checked with pharmaverse/admiral ncictcaev5.json. Re-check any edit against NCI's
// CTCAE_v5.0.xlsx.
export const generalTerms: readonly AeTermDefinition[] = [
  // CTCAE v5.0 (2017), General disorders and administration site conditions
  {
    term: "Chills",
    soc: SOC.general,
    meddraCode: "10008531",
    grades: {
      1: "Mild sensation of cold; shivering; chattering of teeth",
      2: "Moderate tremor of the entire body; narcotics indicated",
      3: "Severe or prolonged, not responsive to narcotics",
    },
  },
  {
    term: "Death NOS",
    soc: SOC.general,
    meddraCode: "10011914",
    grades: {
      5: "Death",
    },
  },
  {
    term: "Disease progression",
    soc: SOC.general,
    meddraCode: "10061818",
    grades: {
      5: "Death",
    },
  },
  {
    term: "Edema face",
    soc: SOC.general,
    meddraCode: "10014222",
    grades: {
      1: "Localized facial edema",
      2: "Moderate localized facial edema; limiting instrumental ADL",
      3: "Severe swelling; limiting self care ADL",
    },
  },
  {
    term: "Edema limbs",
    soc: SOC.general,
    meddraCode: "10050068",
    grades: {
      1: "5 - 10% inter-limb discrepancy in volume or circumference at point of greatest visible difference; swelling or obscuration of anatomic architecture on close inspection",
      2: ">10 - 30% inter-limb discrepancy in volume or circumference at point of greatest visible difference; readily apparent obscuration of anatomic architecture; obliteration of skin folds; readily apparent deviation from normal anatomic contour; limiting instrumental ADL",
      3: ">30% inter-limb discrepancy in volume; gross deviation from normal anatomic contour; limiting self care ADL",
    },
  },
  {
    term: "Edema trunk",
    soc: SOC.general,
    meddraCode: "10058720",
    grades: {
      1: "Swelling or obscuration of anatomic architecture on close inspection",
      2: "Readily apparent obscuration of anatomic architecture; obliteration of skin folds; readily apparent deviation from normal anatomic contour; limiting instrumental ADL",
      3: "Gross deviation from normal anatomic contour; limiting self care ADL",
    },
  },
  {
    term: "Fatigue",
    soc: SOC.general,
    meddraCode: "10016256",
    grades: {
      1: "Fatigue relieved by rest",
      2: "Fatigue not relieved by rest; limiting instrumental ADL",
      3: "Fatigue not relieved by rest, limiting self care ADL",
    },
  },
  {
    term: "Fever",
    soc: SOC.general,
    meddraCode: "10016558",
    grades: {
      1: "38.0 - 39.0 degrees C (100.4 - 102.2 degrees F)",
      2: ">39.0 - 40.0 degrees C (102.3 - 104.0 degrees F)",
      3: ">40.0 degrees C (>104.0 degrees F) for <=24 hrs",
      4: ">40.0 degrees C (>104.0 degrees F) for >24 hrs",
      5: "Death",
    },
  },
  {
    term: "Flu like symptoms",
    soc: SOC.general,
    meddraCode: "10016791",
    grades: {
      1: "Mild flu-like symptoms present",
      2: "Moderate symptoms; limiting instrumental ADL",
      3: "Severe symptoms; limiting self care ADL",
    },
  },
  {
    term: "Gait disturbance",
    soc: SOC.general,
    meddraCode: "10017577",
    grades: {
      1: "Mild change in gait (e.g., wide-based, limping or hobbling)",
      2: "Moderate change in gait (e.g., wide-based, limping or hobbling); assistive device indicated; limiting instrumental ADL",
      3: "Limiting self care ADL",
    },
  },
  {
    term: "Generalized edema",
    soc: SOC.general,
    meddraCode: "10018112",
    grades: {
      1: "Noted on exam; 1+ pitting edema",
      2: "Interfering with instrumental ADLs; oral therapy initiated",
      3: "Interferes with self care ADL; intravenous therapy indicated; skin breakdown",
      4: "Life-threatening consequences",
    },
  },
  {
    term: "Malaise",
    soc: SOC.general,
    meddraCode: "10025482",
    grades: {
      1: "Uneasiness or lack of well being",
      2: "Uneasiness or lack of well being limiting instrumental ADL",
      3: "Uneasiness or lack of well being limiting self-care ADL",
    },
  },
  {
    term: "Multi-organ failure",
    soc: SOC.general,
    meddraCode: "10028154",
    grades: {
      3: "Shock with azotemia and acid-base disturbances; significant coagulation abnormalities",
      4: "Life-threatening consequences (e.g., vasopressor dependent and oliguric or anuric or ischemic colitis or lactic acidosis)",
      5: "Death",
    },
  },
  {
    term: "Non-cardiac chest pain",
    soc: SOC.general,
    meddraCode: "10062501",
    grades: {
      1: "Mild pain",
      2: "Moderate pain; limiting instrumental ADL",
      3: "Severe pain; limiting self care ADL",
    },
  },
  {
    term: "Pain",
    soc: SOC.general,
    meddraCode: "10033371",
    grades: {
      1: "Mild pain",
      2: "Moderate pain; limiting instrumental ADL",
      3: "Severe pain; limiting self care ADL",
    },
  },
  {
    term: "Sudden death NOS",
    soc: SOC.general,
    meddraCode: "10042435",
    grades: {
      5: "Death",
    },
  },
  {
    term: "General disorders and administration site conditions - Other, specify",
    soc: SOC.general,
    meddraCode: "10018065",
    grades: {
      1: "Asymptomatic or mild symptoms; clinical or diagnostic observations only; intervention not indicated",
      2: "Moderate; minimal, local or noninvasive intervention indicated; limiting age-appropriate instrumental ADL",
      3: "Severe or medically significant but not immediately life-threatening; hospitalization or prolongation of existing hospitalization indicated; limiting self care ADL",
      4: "Life-threatening consequences; urgent intervention indicated",
      5: "Death",
    },
  },
];
