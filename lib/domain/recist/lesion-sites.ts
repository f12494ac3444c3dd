/**
 * The organs a tumour lesion is recorded in, as one pick-list, so the same organ is spelled the
 * same way everywhere ("Liver", never "liver" or "Hepar"): RECIST counts target lesions per
 * organ (at most 5 per organ in 1.0, 2 in 1.1; Therasse et al., JNCI 2000;92:205-216,
 * Eisenhauer et al., Eur J Cancer 2009;45:228-247) and the organ groups the waterfall and
 * SDTM TU/TR exports. The sites are those RECIST names, with hepatocellular carcinoma's usual
 * spread (portal vein, peritoneum, adrenal); anything else is "other" with the organ typed.
 */
export const LESION_SITES = [
  "Liver",
  "Lung",
  "Lymph node",
  "Bone",
  "Adrenal gland",
  "Peritoneum",
  "Pleura",
  "Portal vein",
  "Spleen",
  "Kidney",
  "Pancreas",
  "Brain",
  "Skin",
  "Soft tissue",
] as const;

export type LesionSite = (typeof LESION_SITES)[number];

/**
 * Where a stored organ stands against the list: a listed site, or "other" with its own text
 * (older records typed the organ freely, and keep reading as typed).
 */
export function classifyLesionSite(
  organ: string,
): { choice: LesionSite } | { choice: "other"; text: string } | { choice: null } {
  if (organ === "") return { choice: null };
  const listed = LESION_SITES.find((site) => site === organ);
  return listed ? { choice: listed } : { choice: "other", text: organ };
}
