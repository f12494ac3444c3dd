import "server-only";
import { CHROMIUM_LAUNCH } from "./chromium";
import { escapeHtml } from "./print-html";

export interface PdfFrame {
  /** Shown at the top of every page, e.g. "Casebook · Subject TW01-001". */
  header: string;
  /** Shown at the foot of every page before "Page n of N", e.g. the generated time. */
  footer: string;
}

// One Chromium at a time: a casebook render is a whole browser, and the app shares its
// cores with the database. Requests wait their turn instead of starting browsers in parallel.
let queue: Promise<unknown> = Promise.resolve();

function oneAtATime<T>(task: () => Promise<T>): Promise<T> {
  const run = queue.then(task, task);
  queue = run.catch(() => undefined);
  return run;
}

const frameStyle =
  "font-family: 'DejaVu Sans', Arial, sans-serif; font-size: 8px; width: 100%; padding: 0 12mm; display: flex; justify-content: space-between; color: #333;";

/**
 * Prints an HTML document to an A4 PDF with Chromium (the browser's own print engine, so
 * tables split across pages as they do when a user prints). The header and footer repeat
 * on every page: ICH E6(R3) wants every page of a subject's record attributable to it.
 * JavaScript is off and the page cannot reach the network: the HTML is the app's own output
 * with escaped clinical text, and it must stay inert.
 */
export async function renderPdf(html: string, frame: PdfFrame): Promise<Buffer> {
  return oneAtATime(async () => {
    const { chromium } = await import("playwright-core");
    const browser = await chromium.launch({ ...CHROMIUM_LAUNCH, headless: true });
    try {
      const context = await browser.newContext({ javaScriptEnabled: false, offline: true });
      const page = await context.newPage();
      await page.setContent(html, { waitUntil: "load" });
      return await page.pdf({
        format: "A4",
        printBackground: true,
        displayHeaderFooter: true,
        margin: { top: "18mm", bottom: "18mm", left: "12mm", right: "12mm" },
        headerTemplate: `<div style="${frameStyle}"><span>${escapeHtml(frame.header)}</span></div>`,
        footerTemplate:
          `<div style="${frameStyle}"><span>${escapeHtml(frame.footer)}</span>` +
          `<span>${escapeHtml(frame.header)} · Page <span class="pageNumber"></span> of <span class="totalPages"></span></span></div>`,
      });
    } finally {
      await browser.close();
    }
  });
}
