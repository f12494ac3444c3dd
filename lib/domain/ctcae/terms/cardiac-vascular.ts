import { SOC, type AeTermDefinition } from "../ae-term-types";

// Transcribed from CTCAE v5.0 (NCI, 27 Nov 2017): term names, MedDRA v20.1 LLT codes and grade
// text exactly as printed; a grade CTCAE marks with a dash is absent here (not allowed for the term).
// Generated from a machine-readable copy of the 837-term v5.0 table (github.com/oncohub/CTCAE5);
// lab rows cross-checked with pharmaverse/admiral ncictcaev5.json. Re-check any edit against NCI's
// CTCAE_v5.0.xlsx.
export const cardiacVascularTerms: readonly AeTermDefinition[] = [
  // CTCAE v5.0 (2017), Cardiac disorders
  {
    term: "Atrial fibrillation",
    soc: SOC.cardiac,
    meddraCode: "10003658",
    grades: {
      1: "Asymptomatic, intervention not indicated",
      2: "Non-urgent medical intervention indicated",
      3: "Symptomatic, urgent intervention indicated; device (e.g., pacemaker); ablation; new onset",
      4: "Life-threatening consequences; embolus requiring urgent intervention",
      5: "Death",
    },
  },
  {
    term: "Chest pain - cardiac",
    soc: SOC.cardiac,
    meddraCode: "10008481",
    grades: {
      1: "Mild pain",
      2: "Moderate pain; pain on exertion; limiting instrumental ADL; hemodynamically stable",
      3: "Pain at rest; limiting self care ADL; cardiac catheterization; new onset cardiac chest pain; unstable angina",
    },
  },
  {
    term: "Heart failure",
    soc: SOC.cardiac,
    meddraCode: "10019279",
    grades: {
      1: "Asymptomatic with laboratory (e.g., BNP [B-Natriuretic Peptide ]) or cardiac imaging abnormalities",
      2: "Symptoms with moderate activity or exertion",
      3: "Symptoms at rest or with minimal activity or exertion; hospitalization; new onset of symptoms",
      4: "Life-threatening consequences; urgent intervention indicated (e.g., continuous IV therapy or mechanical hemodynamic support)",
      5: "Death",
    },
  },
  {
    term: "Myocardial infarction",
    soc: SOC.cardiac,
    meddraCode: "10028596",
    grades: {
      2: "Asymptomatic and cardiac enzymes minimally abnormal and no evidence of ischemic ECG changes",
      3: "Severe symptoms; cardiac enzymes abnormal; hemodynamically stable; ECG changes consistent with infarction",
      4: "Life-threatening consequences; hemodynamically unstable",
      5: "Death",
    },
  },
  {
    term: "Palpitations",
    soc: SOC.cardiac,
    meddraCode: "10033557",
    grades: {
      1: "Mild symptoms; intervention not indicated",
      2: "Intervention indicated",
    },
  },
  {
    term: "Sinus bradycardia",
    soc: SOC.cardiac,
    meddraCode: "10040741",
    grades: {
      1: "Asymptomatic, intervention not indicated",
      2: "Symptomatic, intervention not indicated; change in medication initiated",
      3: "Symptomatic, intervention indicated",
      4: "Life-threatening consequences; urgent intervention indicated",
      5: "Death",
    },
  },
  {
    term: "Sinus tachycardia",
    soc: SOC.cardiac,
    meddraCode: "10040752",
    grades: {
      1: "Asymptomatic, intervention not indicated",
      2: "Symptomatic; non-urgent medical intervention indicated",
      3: "Urgent medical intervention indicated",
    },
  },
  {
    term: "Cardiac disorders - Other, specify",
    soc: SOC.cardiac,
    meddraCode: "10007541",
    grades: {
      1: "Asymptomatic or mild symptoms; clinical or diagnostic observations only; intervention not indicated",
      2: "Moderate; minimal, local or noninvasive intervention indicated; limiting age-appropriate instrumental ADL",
      3: "Severe or medically significant but not immediately life-threatening; hospitalization or prolongation of existing hospitalization indicated; limiting self care ADL",
      4: "Life-threatening consequences; urgent intervention indicated",
      5: "Death",
    },
  },
  // CTCAE v5.0 (2017), Vascular disorders
  {
    term: "Flushing",
    soc: SOC.vascular,
    meddraCode: "10016825",
    grades: {
      1: "Asymptomatic; clinical or diagnostic observations only",
      2: "Moderate symptoms; limiting instrumental ADL",
      3: "Symptomatic, associated with hypotension and/or tachycardia; limiting self care ADL",
    },
  },
  {
    term: "Hematoma",
    soc: SOC.vascular,
    meddraCode: "10019428",
    grades: {
      1: "Mild symptoms; intervention not indicated",
      2: "Minimally invasive evacuation or aspiration indicated",
      3: "Transfusion; invasive intervention indicated",
      4: "Life-threatening consequences; urgent intervention indicated",
      5: "Death",
    },
  },
  {
    term: "Hypertension",
    soc: SOC.vascular,
    meddraCode: "10020772",
    grades: {
      1: "Adult: Systolic BP 120 - 139 mm Hg or diastolic BP 80 - 89 mm Hg; Pediatric: Systolic/diastolic BP >90th percentile but< 95th percentile; Adolescent: BP ≥120/80 even if < 95th percentile",
      2: "Adult: Systolic BP 140 - 159 mm Hg or diastolic BP 90 - 99 mm Hg if previously WNL; change in baseline medical intervention indicated; recurrent or persistent (>=24 hrs); symptomatic increase by >20 mm Hg (diastolic) or to >140/90 mm Hg; monotherapy indicated initiated; Pediatric and adolescent: Recurrent or persistent (>=24 hrs) BP >ULN; monotherapy indicated; systolic and /or diastolic BP between the 95th percentile and 5 mmHg above the 99th percentile; Adolescent: Systolic between 130-139 or diastolic between 80-89 even if < 95th percentile",
      3: "Adult: Systolic BP >=160 mm Hg or diastolic BP >=100 mm Hg; medical intervention indicated; more than one drug or more intensive therapy than previously used indicated; Pediatric and adolescent: Systolic and/or diastolic > 5 mmHg above the 99th percentile",
      4: "Adult and Pediatric: Life-threatening consequences (e.g., malignant hypertension, transient or permanent neurologic deficit, hypertensive crisis); urgent intervention indicated",
      5: "Death",
    },
  },
  {
    term: "Hypotension",
    soc: SOC.vascular,
    meddraCode: "10021097",
    grades: {
      1: "Asymptomatic, intervention not indicated",
      2: "Non-urgent medical intervention indicated",
      3: "Medical intervention indicated; hospitalization indicated",
      4: "Life-threatening consequences and urgent intervention indicated",
      5: "Death",
    },
  },
  {
    term: "Thromboembolic event",
    soc: SOC.vascular,
    meddraCode: "10043565",
    grades: {
      1: "Medical intervention not indicated (e.g., superficial thrombosis)",
      2: "Medical intervention indicated",
      3: "Urgent medical intervention indicated (e.g., pulmonary embolism or intracardiac thrombus)",
      4: "Life-threatening consequences with hemodynamic or neurologic instability",
      5: "Death",
    },
  },
  {
    term: "Vascular disorders - Other, specify",
    soc: SOC.vascular,
    meddraCode: "10047065",
    grades: {
      1: "Asymptomatic or mild symptoms; clinical or diagnostic observations only; intervention not indicated",
      2: "Moderate; minimal, local or noninvasive intervention indicated; limiting age-appropriate instrumental ADL",
      3: "Severe or medically significant but not immediately life-threatening; hospitalization or prolongation of existing hospitalization indicated; limiting self care ADL",
      4: "Life-threatening consequences; urgent intervention indicated",
      5: "Death",
    },
  },
];
