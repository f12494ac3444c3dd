import "server-only";
import type { GeneratedPdf } from "@/lib/data/casebook";

/** A generated PDF as a download, never cached (it holds patient data or a dated study document). */
export function pdfResponse({ fileName, pdf }: GeneratedPdf): Response {
  return new Response(new Uint8Array(pdf), {
    status: 200,
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": `attachment; filename="${fileName}"`,
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
