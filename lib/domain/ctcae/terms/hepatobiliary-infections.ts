import { SOC, type AeTermDefinition } from "../ae-term-types";

// Transcribed from CTCAE v5.0 (NCI, 27 Nov 2017): term names, MedDRA v20.1 LLT codes and grade
// text exactly as printed; a grade CTCAE marks with a dash is absent here (not allowed for the term).
// Generated from a machine-readable copy of the 837-term v5.0 table (github.com/oncohub/CTCAE5);
// lab rows cross-checked with pharmaverse/admiral ncictcaev5.json. Re-check any edit against NCI's
// CTCAE_v5.0.xlsx.
export const hepatobiliaryInfectionsTerms: readonly AeTermDefinition[] = [
  // CTCAE v5.0 (2017), Hepatobiliary disorders
  {
    term: "Cholecystitis",
    soc: SOC.hepatobiliary,
    meddraCode: "10008612",
    grades: {
      2: "Symptomatic; medical intervention indicated",
      3: "Severe symptoms; invasive intervention indicated",
      4: "Life-threatening consequences; urgent operative intervention indicated",
      5: "Death",
    },
  },
  {
    term: "Hepatic failure",
    soc: SOC.hepatobiliary,
    meddraCode: "10019663",
    grades: {
      3: "Asterixis; mild encephalopathy; drug-induced liver injury (DILI); limiting self care ADL",
      4: "Life-threatening consequences; moderate to severe encephalopathy; coma",
      5: "Death",
    },
  },
  {
    term: "Hepatic hemorrhage",
    soc: SOC.hepatobiliary,
    meddraCode: "10019678",
    grades: {
      1: "Mild symptoms; intervention not indicated",
      2: "Moderate symptoms; intervention indicated",
      3: "Transfusion indicated; invasive intervention indicated; hospitalization",
      4: "Life-threatening consequences; urgent intervention indicated",
      5: "Death",
    },
  },
  {
    term: "Hepatic pain",
    soc: SOC.hepatobiliary,
    meddraCode: "10019705",
    grades: {
      1: "Mild pain",
      2: "Moderate pain; limiting instrumental ADL",
      3: "Severe pain; limiting self care ADL",
    },
  },
  {
    term: "Portal hypertension",
    soc: SOC.hepatobiliary,
    meddraCode: "10036200",
    grades: {
      2: "Decreased portal vein flow",
      3: "Reversal/retrograde portal vein flow; associated with varices and/or ascites",
      4: "Life-threatening consequences; urgent intervention indicated",
      5: "Death",
    },
  },
  {
    term: "Portal vein thrombosis",
    soc: SOC.hepatobiliary,
    meddraCode: "10036206",
    grades: {
      2: "Intervention not indicated",
      3: "Medical intervention indicated",
      4: "Life-threatening consequences; urgent intervention indicated",
      5: "Death",
    },
  },
  {
    term: "Hepatobiliary disorders - Other, specify",
    soc: SOC.hepatobiliary,
    meddraCode: "10019805",
    grades: {
      1: "Asymptomatic or mild symptoms; clinical or diagnostic observations only; intervention not indicated",
      2: "Moderate; minimal, local or noninvasive intervention indicated; limiting age-appropriate instrumental ADL",
      3: "Severe or medically significant but not immediately life-threatening; hospitalization or prolongation of existing hospitalization indicated; limiting self care ADL",
      4: "Life-threatening consequences; urgent intervention indicated",
      5: "Death",
    },
  },
  // CTCAE v5.0 (2017), Infections and infestations
  {
    term: "Biliary tract infection",
    soc: SOC.infections,
    meddraCode: "10061695",
    grades: {
      2: "Oral intervention indicated (e.g., antibiotic, antifungal, or antiviral)",
      3: "IV antibiotic, antifungal, or antiviral intervention indicated; invasive intervention indicated",
      4: "Life-threatening consequences; urgent intervention indicated",
      5: "Death",
    },
  },
  {
    term: "Hepatic infection",
    soc: SOC.infections,
    meddraCode: "10056522",
    grades: {
      2: "Moderate symptoms; oral intervention indicated (e.g., antibiotic, antifungal, or antiviral)",
      3: "IV antibiotic, antifungal, or antiviral intervention indicated; invasive intervention indicated",
      4: "Life-threatening consequences; urgent intervention indicated",
      5: "Death",
    },
  },
  {
    term: "Hepatitis B reactivation",
    soc: SOC.infections,
    meddraCode: "10058827",
    grades: {
      1: "Asymptomatic or mild symptoms; clinical or diagnostic observations only; intervention not indicated",
      2: "Moderate symptoms; medical intervention indicated",
      3: "Severe or medically significant but not immediately life-threatening; hospitalization or prolongation of existing hospitalization indicated; IV intervention indicated",
      4: "Life-threatening consequences; urgent intervention indicated; severe decompensated liver function (e.g., coagulopathy, encephalopathy, coma)",
      5: "Death",
    },
  },
  {
    term: "Hepatitis viral",
    soc: SOC.infections,
    meddraCode: "10019799",
    grades: {
      1: "Asymptomatic, intervention not indicated",
      2: "Moderate symptoms; medical intervention indicated",
      3: "Symptomatic liver dysfunction; fibrosis by biopsy; compensated cirrhosis; hospitalization or prolongation of existing hospitalization indicated",
      4: "Life-threatening consequences; severe decompensated liver function (e.g., coagulopathy, encephalopathy, coma)",
      5: "Death",
    },
  },
  {
    term: "Lung infection",
    soc: SOC.infections,
    meddraCode: "10061229",
    grades: {
      2: "Moderate symptoms; oral intervention indicated (e.g., antibiotic, antifungal, or antiviral)",
      3: "IV antibiotic, antifungal, or antiviral intervention indicated; invasive intervention indicated",
      4: "Life-threatening consequences; urgent intervention indicated",
      5: "Death",
    },
  },
  {
    term: "Peritoneal infection",
    soc: SOC.infections,
    meddraCode: "10057262",
    grades: {
      3: "IV antibiotic, antifungal, or antiviral intervention indicated; invasive intervention indicated",
      4: "Life-threatening consequences; urgent intervention indicated",
      5: "Death",
    },
  },
  {
    term: "Sepsis",
    soc: SOC.infections,
    meddraCode: "10040047",
    grades: {
      3: "Blood culture positive with signs or symptoms; treatment indicated",
      4: "Life-threatening consequences; urgent intervention indicated",
      5: "Death",
    },
  },
  {
    term: "Skin infection",
    soc: SOC.infections,
    meddraCode: "10040872",
    grades: {
      1: "Localized, local intervention indicated",
      2: "Oral intervention indicated (e.g., antibiotic, antifungal, or antiviral)",
      3: "IV antibiotic, antifungal, or antiviral intervention indicated; invasive intervention indicated",
      4: "Life-threatening consequences; urgent intervention indicated",
      5: "Death",
    },
  },
  {
    term: "Upper respiratory infection",
    soc: SOC.infections,
    meddraCode: "10046300",
    grades: {
      2: "Moderate symptoms; oral intervention indicated (e.g., antibiotic, antifungal, or antiviral)",
      3: "IV antibiotic, antifungal, or antiviral intervention indicated; invasive intervention indicated",
      4: "Life-threatening consequences; urgent intervention indicated",
      5: "Death",
    },
  },
  {
    term: "Urinary tract infection",
    soc: SOC.infections,
    meddraCode: "10046571",
    grades: {
      2: "Localized; oral intervention indicated (e.g., antibiotic, antifungal, or antiviral)",
      3: "IV antibiotic, antifungal, or antiviral intervention indicated; invasive intervention indicated",
      4: "Life-threatening consequences; urgent intervention indicated",
      5: "Death",
    },
  },
  {
    term: "Infections and infestations - Other, specify",
    soc: SOC.infections,
    meddraCode: "10021881",
    grades: {
      1: "Asymptomatic or mild symptoms; clinical or diagnostic observations only; intervention not indicated",
      2: "Moderate; minimal, local or noninvasive intervention indicated; limiting age-appropriate instrumental ADL",
      3: "Severe or medically significant but not immediately life-threatening; hospitalization or prolongation of existing hospitalization indicated; limiting self care ADL",
      4: "Life-threatening consequences; urgent intervention indicated",
      5: "Death",
    },
  },
];
