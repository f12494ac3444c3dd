import { SOC, type AeTermDefinition } from "../ae-term-types";

// Transcribed from CTCAE v5.0 (NCI, 27 Nov 2017): term names, MedDRA v20.1 LLT codes and grade
// text exactly as printed; a grade CTCAE marks with a dash is absent here (not allowed for the term).
// Generated from a machine-readable copy of the 837-term v5.0 table (github.com/oncohub/CTCAE5);
// lab rows cross-checked with pharmaverse/admiral ncictcaev5.json. Re-check any edit against NCI's
// CTCAE_v5.0.xlsx.
export const skinTerms: readonly AeTermDefinition[] = [
  // CTCAE v5.0 (2017), Skin and subcutaneous tissue disorders
  {
    term: "Alopecia",
    soc: SOC.skin,
    meddraCode: "10001760",
    grades: {
      1: "Hair loss of <50% of normal for that individual that is not obvious from a distance but only on close inspection; a different hair style may be required to cover the hair loss but it does not require a wig or hair piece to camouflage",
      2: "Hair loss of >=50% normal for that individual that is readily apparent to others; a wig or hair piece is necessary if the patient desires to completely camouflage the hair loss; associated with psychosocial impact",
    },
  },
  {
    term: "Dry skin",
    soc: SOC.skin,
    meddraCode: "10013786",
    grades: {
      1: "Covering <10% BSA and no associated erythema or pruritus",
      2: "Covering 10 - 30% BSA and associated with erythema or pruritus; limiting instrumental ADL",
      3: "Covering >30% BSA and associated with pruritus; limiting self care ADL",
    },
  },
  {
    term: "Erythema multiforme",
    soc: SOC.skin,
    meddraCode: "10015218",
    grades: {
      1: "Target lesions covering <10% BSA and not associated with skin tenderness",
      2: "Target lesions covering 10 - 30% BSA and associated with skin tenderness",
      3: "Target lesions covering >30% BSA and associated with oral or genital erosions",
      4: "Target lesions covering >30% BSA; associated with fluid or electrolyte abnormalities; ICU care or burn unit indicated",
      5: "Death",
    },
  },
  {
    term: "Hyperhidrosis",
    soc: SOC.skin,
    meddraCode: "10020642",
    grades: {
      1: "Limited to one site (palms, soles, or axillae); self care interventions",
      2: "Involving >1 site; patient seeks medical intervention; associated with psychosocial impact",
      3: "Associated with electrolyte/hemodynamic imbalance",
    },
  },
  {
    term: "Nail discoloration",
    soc: SOC.skin,
    meddraCode: "10028691",
    grades: {
      1: "Asymptomatic; clinical or diagnostic observations only",
    },
  },
  {
    term: "Palmar-plantar erythrodysesthesia syndrome",
    soc: SOC.skin,
    meddraCode: "10054524",
    grades: {
      1: "Minimal skin changes or dermatitis (e.g., erythema, edema, or hyperkeratosis) without pain",
      2: "Skin changes (e.g., peeling, blisters, bleeding, fissures, edema, or hyperkeratosis) with pain; limiting instrumental ADL",
      3: "Severe skin changes (e.g., peeling, blisters, bleeding, fissures, edema, or hyperkeratosis) with pain; limiting self care ADL",
    },
  },
  {
    term: "Photosensitivity",
    soc: SOC.skin,
    meddraCode: "10034966",
    grades: {
      1: "Painless erythema and erythema covering <10% BSA",
      2: "Tender erythema covering 10 - 30% BSA",
      3: "Erythema covering >30% BSA and erythema with blistering; photosensitivity; oral corticosteroid therapy indicated; pain control indicated (e.g., narcotics or NSAIDs)",
      4: "Life-threatening consequences; urgent intervention indicated",
      5: "Death",
    },
  },
  {
    term: "Pruritus",
    soc: SOC.skin,
    meddraCode: "10037087",
    grades: {
      1: "Mild or localized; topical intervention indicated",
      2: "Widespread and intermittent; skin changes from scratching (e.g., edema, papulation, excoriations, lichenification, oozing/crusts); oral intervention indicated; limiting instrumental ADL",
      3: "Widespread and constant; limiting self care ADL or sleep; systemic corticosteroid or immunosuppressive therapy indicated",
    },
  },
  {
    term: "Rash acneiform",
    soc: SOC.skin,
    meddraCode: "10037847",
    grades: {
      1: "Papules and/or pustules covering <10% BSA, which may or may not be associated with symptoms of pruritus or tenderness",
      2: "Papules and/or pustules covering 10 - 30% BSA, which may or may not be associated with symptoms of pruritus or tenderness; associated with psychosocial impact; limiting instrumental ADL; papules and/or pustules covering > 30% BSA with or without mild symptoms",
      3: "Papules and/or pustules covering >30% BSA with moderate or severe symptoms; limiting self-care ADL; associated with local superinfection with oral antibiotics indicated",
      4: "Life-threatening consequences; papules and/or pustules covering any % BSA, which may or may not be associated with symptoms of pruritus or tenderness and are associated with extensive superinfection with IV antibiotics indicated",
      5: "Death",
    },
  },
  {
    term: "Rash maculo-papular",
    soc: SOC.skin,
    meddraCode: "10037868",
    grades: {
      1: "Macules/papules covering <10% BSA with or without symptoms (e.g., pruritus, burning, tightness)",
      2: "Macules/papules covering 10 - 30% BSA with or without symptoms (e.g., pruritus, burning, tightness); limiting instrumental ADL; rash covering > 30% BSA with or without mild symptoms",
      3: "Macules/papules covering >30% BSA with moderate or severe symptoms; limiting self care ADL",
    },
  },
  {
    term: "Skin hyperpigmentation",
    soc: SOC.skin,
    meddraCode: "10040865",
    grades: {
      1: "Hyperpigmentation covering <10% BSA; no psychosocial impact",
      2: "Hyperpigmentation covering >10% BSA; associated psychosocial impact",
    },
  },
  {
    term: "Stevens-Johnson syndrome",
    soc: SOC.skin,
    meddraCode: "10042033",
    grades: {
      3: "Skin sloughing covering <10% BSA with associated signs (e.g., erythema, purpura, epidermal detachment, and mucous membrane detachment)",
      4: "Skin sloughing covering 10 - 30% BSA with associated signs (e.g., erythema, purpura, epidermal detachment and mucous membrane detachment)",
      5: "Death",
    },
  },
  {
    term: "Toxic epidermal necrolysis",
    soc: SOC.skin,
    meddraCode: "10044223",
    grades: {
      4: "Skin sloughing covering >=30% BSA with associated symptoms (e.g., erythema, purpura, or epidermal detachment)",
      5: "Death",
    },
  },
  {
    term: "Urticaria",
    soc: SOC.skin,
    meddraCode: "10046735",
    grades: {
      1: "Urticarial lesions covering <10% BSA; topical intervention indicated",
      2: "Urticarial lesions covering 10 - 30% BSA; oral intervention indicated",
      3: "Urticarial lesions covering >30% BSA; IV intervention indicated",
    },
  },
  {
    term: "Skin and subcutaneous tissue disorders - Other, specify",
    soc: SOC.skin,
    meddraCode: "10040785",
    grades: {
      1: "Asymptomatic or mild symptoms; clinical or diagnostic observations only; intervention not indicated",
      2: "Moderate; minimal, local or noninvasive intervention indicated; limiting age-appropriate instrumental ADL",
      3: "Severe or medically significant but not immediately life-threatening; hospitalization or prolongation of existing hospitalization indicated; limiting self care ADL",
      4: "Life-threatening consequences; urgent intervention indicated",
      5: "Death",
    },
  },
];
