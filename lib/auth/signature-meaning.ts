/**
 * The meaning of an investigator's electronic signature, shown before signing and stored in
 * the audit record of each signature (21 CFR 11.50: a signed record states the meaning of
 * the signature).
 */
export const INVESTIGATOR_SIGNATURE_MEANING =
  "I am the investigator responsible for this patient. I have reviewed the data on this form and confirm that they are accurate, complete and verifiable against the source documents.";
