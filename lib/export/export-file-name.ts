/**
 * The download's file name: the study's protocol code, the format, the site filter when there
 * is one, and the export day (UTC), e.g. "THAL-UFT-HCC_sdtm_TW01_2026-12-05.zip". A site
 * filing several exports can tell them apart without opening them; characters that are unsafe
 * in file names or in a Content-Disposition header become "-".
 */
export function exportFileName(input: {
  protocolCode: string;
  format: string;
  siteCodes: readonly string[];
  exportedAt: Date;
  extension: string;
}): string {
  const safe = (text: string) => text.replace(/[^A-Za-z0-9._-]+/g, "-").replace(/^-+|-+$/g, "") || "trialdesk";
  const parts = [
    safe(input.protocolCode),
    input.format,
    ...input.siteCodes.map(safe),
    input.exportedAt.toISOString().slice(0, 10),
  ];
  return `${parts.join("_")}.${input.extension}`;
}
