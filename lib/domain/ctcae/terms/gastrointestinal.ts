import { SOC, type AeTermDefinition } from "../ae-term-types";

// Transcribed from CTCAE v5.0 (NCI, 27 Nov 2017): term names, MedDRA v20.1 LLT codes and grade
// text exactly as printed; a grade CTCAE marks with a dash is absent here (not allowed for the term).
// Generated from a machine-readable copy of the 837-term v5.0 table (github.com/oncohub/CTCAE5);
// lab rows cross-checked with pharmaverse/admiral ncictcaev5.json. Re-check any edit against NCI's
// CTCAE_v5.0.xlsx.
export const gastrointestinalTerms: readonly AeTermDefinition[] = [
  // CTCAE v5.0 (2017), Gastrointestinal disorders
  {
    term: "Abdominal distension",
    soc: SOC.gastrointestinal,
    meddraCode: "10000060",
    grades: {
      1: "Asymptomatic; clinical or diagnostic observations only; intervention not indicated",
      2: "Symptomatic; limiting instrumental ADL",
      3: "Severe discomfort; limiting self care ADL",
    },
  },
  {
    term: "Abdominal pain",
    soc: SOC.gastrointestinal,
    meddraCode: "10000081",
    grades: {
      1: "Mild pain",
      2: "Moderate pain; limiting instrumental ADL",
      3: "Severe pain; limiting self care ADL",
    },
  },
  {
    term: "Ascites",
    soc: SOC.gastrointestinal,
    meddraCode: "10003445",
    grades: {
      1: "Asymptomatic; clinical or diagnostic observations only; intervention not indicated",
      2: "Symptomatic; medical intervention indicated",
      3: "Severe symptoms; invasive intervention indicated",
      4: "Life-threatening consequences; urgent operative intervention indicated",
      5: "Death",
    },
  },
  {
    term: "Bloating",
    soc: SOC.gastrointestinal,
    meddraCode: "10005265",
    grades: {
      1: "No change in bowel function or oral intake",
      2: "Symptomatic, decreased oral intake; change in bowel function",
    },
  },
  {
    term: "Constipation",
    soc: SOC.gastrointestinal,
    meddraCode: "10010774",
    grades: {
      1: "Occasional or intermittent symptoms; occasional use of stool softeners, laxatives, dietary modification, or enema",
      2: "Persistent symptoms with regular use of laxatives or enemas; limiting instrumental ADL",
      3: "Obstipation with manual evacuation indicated; limiting self care ADL",
      4: "Life-threatening consequences; urgent intervention indicated",
      5: "Death",
    },
  },
  {
    term: "Diarrhea",
    soc: SOC.gastrointestinal,
    meddraCode: "10012727",
    grades: {
      1: "Increase of <4 stools per day over baseline; mild increase in ostomy output compared to baseline",
      2: "Increase of 4 - 6 stools per day over baseline; moderate increase in ostomy output compared to baseline; limiting instrumental ADL",
      3: "Increase of >=7 stools per day over baseline; hospitalization indicated; severe increase in ostomy output compared to baseline; limiting self care ADL",
      4: "Life-threatening consequences; urgent intervention indicated",
      5: "Death",
    },
  },
  {
    term: "Dry mouth",
    soc: SOC.gastrointestinal,
    meddraCode: "10013781",
    grades: {
      1: "Symptomatic (e.g., dry or thick saliva) without significant dietary alteration; unstimulated saliva flow >0.2 ml/min",
      2: "Moderate symptoms; oral intake alterations (e.g., copious water, other lubricants, diet limited to purees and/or soft, moist foods); unstimulated saliva 0.1 to 0.2 ml/min",
      3: "Inability to adequately aliment orally; tube feeding or TPN indicated; unstimulated saliva <0.1 ml/min",
    },
  },
  {
    term: "Duodenal hemorrhage",
    soc: SOC.gastrointestinal,
    meddraCode: "10055242",
    grades: {
      1: "Mild symptoms; intervention not indicated",
      2: "Moderate symptoms; intervention indicated",
      3: "Transfusion indicated; invasive intervention indicated; hospitalization",
      4: "Life-threatening consequences; urgent intervention indicated",
      5: "Death",
    },
  },
  {
    term: "Duodenal ulcer",
    soc: SOC.gastrointestinal,
    meddraCode: "10013836",
    grades: {
      1: "Asymptomatic; clinical or diagnostic observations only; intervention not indicated",
      2: "Symptomatic; medical intervention indicated; limiting instrumental ADL",
      3: "Severely altered GI function; TPN indicated; elective invasive intervention indicated; limiting self care ADL",
      4: "Life-threatening consequences; urgent operative intervention indicated",
      5: "Death",
    },
  },
  {
    term: "Dyspepsia",
    soc: SOC.gastrointestinal,
    meddraCode: "10013946",
    grades: {
      1: "Mild symptoms; intervention not indicated",
      2: "Moderate symptoms; medical intervention indicated",
      3: "Severe symptoms; operative intervention indicated",
    },
  },
  {
    term: "Dysphagia",
    soc: SOC.gastrointestinal,
    meddraCode: "10013950",
    grades: {
      1: "Symptomatic, able to eat regular diet",
      2: "Symptomatic and altered eating/swallowing",
      3: "Severely altered eating/swallowing; tube feeding, TPN, or hospitalization indicated",
      4: "Life-threatening consequences; urgent intervention indicated",
      5: "Death",
    },
  },
  {
    term: "Esophageal varices hemorrhage",
    soc: SOC.gastrointestinal,
    meddraCode: "10015453",
    grades: {
      2: "Self-limited; intervention not indicated",
      3: "Transfusion indicated; invasive intervention indicated; hospitalization",
      4: "Life-threatening consequences; urgent intervention indicated",
      5: "Death",
    },
  },
  {
    term: "Flatulence",
    soc: SOC.gastrointestinal,
    meddraCode: "10016766",
    grades: {
      1: "Mild symptoms; intervention not indicated",
      2: "Moderate; persistent; psychosocial sequelae",
    },
  },
  {
    term: "Gastric hemorrhage",
    soc: SOC.gastrointestinal,
    meddraCode: "10017789",
    grades: {
      1: "Mild symptoms; intervention not indicated",
      2: "Moderate symptoms; intervention indicated",
      3: "Transfusion indicated; invasive intervention indicated; hospitalization",
      4: "Life-threatening consequences; urgent intervention indicated",
      5: "Death",
    },
  },
  {
    term: "Gastric ulcer",
    soc: SOC.gastrointestinal,
    meddraCode: "10017822",
    grades: {
      1: "Asymptomatic; clinical or diagnostic observations only; intervention not indicated",
      2: "Symptomatic; altered GI function; medical intervention indicated; limiting instrumental ADL",
      3: "Severely altered GI function; TPN indicated; elective invasive intervention indicated; limiting self care ADL",
      4: "Life-threatening consequences; urgent operative intervention indicated",
      5: "Death",
    },
  },
  {
    term: "Gastritis",
    soc: SOC.gastrointestinal,
    meddraCode: "10017853",
    grades: {
      1: "Asymptomatic; clinical or diagnostic observations only; intervention not indicated",
      2: "Symptomatic; altered GI function; medical intervention indicated",
      3: "Severely altered eating or gastric function; TPN or hospitalization indicated",
      4: "Life-threatening consequences; urgent operative intervention indicated",
      5: "Death",
    },
  },
  {
    term: "Ileus",
    soc: SOC.gastrointestinal,
    meddraCode: "10021328",
    grades: {
      1: "Asymptomatic and radiologic observations only",
      2: "Symptomatic; altered GI function; bowel rest indicated",
      3: "Severely altered GI function; TPN indicated; tube placement indicated",
      4: "Life-threatening consequences; urgent intervention indicated",
      5: "Death",
    },
  },
  {
    term: "Intra-abdominal hemorrhage",
    soc: SOC.gastrointestinal,
    meddraCode: "10055291",
    grades: {
      2: "Moderate symptoms; intervention indicated",
      3: "Transfusion indicated; invasive intervention indicated; hospitalization",
      4: "Life-threatening consequences; urgent intervention indicated",
      5: "Death",
    },
  },
  {
    term: "Lower gastrointestinal hemorrhage",
    soc: SOC.gastrointestinal,
    meddraCode: "10051746",
    grades: {
      1: "Mild symptoms; intervention not indicated",
      2: "Moderate symptoms; intervention indicated",
      3: "Transfusion indicated; invasive intervention indicated; hospitalization",
      4: "Life-threatening consequences; urgent intervention indicated",
      5: "Death",
    },
  },
  {
    term: "Mucositis oral",
    soc: SOC.gastrointestinal,
    meddraCode: "10028130",
    grades: {
      1: "Asymptomatic or mild symptoms; intervention not indicated",
      2: "Moderate pain or ulcer that does not interfere with oral intake; modified diet indicated",
      3: "Severe pain; interfering with oral intake",
      4: "Life-threatening consequences; urgent intervention indicated",
      5: "Death",
    },
  },
  {
    term: "Nausea",
    soc: SOC.gastrointestinal,
    meddraCode: "10028813",
    grades: {
      1: "Loss of appetite without alteration in eating habits",
      2: "Oral intake decreased without significant weight loss, dehydration or malnutrition",
      3: "Inadequate oral caloric or fluid intake; tube feeding, TPN, or hospitalization indicated",
    },
  },
  {
    term: "Rectal hemorrhage",
    soc: SOC.gastrointestinal,
    meddraCode: "10038064",
    grades: {
      1: "Mild symptoms; intervention not indicated",
      2: "Moderate symptoms; intervention indicated",
      3: "Transfusion indicated; invasive intervention indicated; hospitalization",
      4: "Life-threatening consequences; urgent intervention indicated",
      5: "Death",
    },
  },
  {
    term: "Upper gastrointestinal hemorrhage",
    soc: SOC.gastrointestinal,
    meddraCode: "10055356",
    grades: {
      1: "Mild symptoms; intervention not indicated",
      2: "Moderate symptoms; intervention indicated",
      3: "Transfusion indicated; invasive intervention indicated; hospitalization",
      4: "Life-threatening consequences; urgent intervention indicated",
      5: "Death",
    },
  },
  {
    term: "Vomiting",
    soc: SOC.gastrointestinal,
    meddraCode: "10047700",
    grades: {
      1: "Intervention not indicated",
      2: "Outpatient IV hydration; medical intervention indicated",
      3: "Tube feeding, TPN, or hospitalization indicated",
      4: "Life-threatening consequences",
      5: "Death",
    },
  },
  {
    term: "Gastrointestinal disorders - Other, specify",
    soc: SOC.gastrointestinal,
    meddraCode: "10017947",
    grades: {
      1: "Asymptomatic or mild symptoms; clinical or diagnostic observations only; intervention not indicated",
      2: "Moderate; minimal, local or noninvasive intervention indicated; limiting age-appropriate instrumental ADL",
      3: "Severe or medically significant but not immediately life-threatening; hospitalization or prolongation of existing hospitalization indicated; limiting self care ADL",
      4: "Life-threatening consequences; urgent intervention indicated",
      5: "Death",
    },
  },
];
