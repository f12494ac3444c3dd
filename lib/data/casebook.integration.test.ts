import { beforeAll, describe, expect, test } from "vitest";
import { extractText, getDocumentProxy } from "unpdf";
import { DEMO_PASSWORD } from "@/lib/demo/demo-accounts";
import { seedDemoCohort } from "@/lib/demo/seed-demo-cohort";
import { ForbiddenError, NotFoundError } from "@/lib/errors";
import { generatePatientPdf } from "./casebook";
import { generateCrfBinderPdf } from "./crf-binder";
import { saveCrfRecord } from "./crf-records";
import { openDataQuery } from "./data-queries";
import { signCrfRecord } from "./form-review";
import { withDemoDatabase } from "@/test/integration/with-demo-database";

const { db, actors } = withDemoDatabase();

async function pagesOf(pdf: Buffer): Promise<string[]> {
  const doc = await getDocumentProxy(new Uint8Array(pdf));
  const { text } = await extractText(doc, { mergePages: false });
  // Table cells wrap: compare text with its line breaks as plain spaces.
  return text.map((page) => page.replace(/\s+/g, " "));
}

beforeAll(async () => {
  await seedDemoCohort("demo");
}, 600_000);

describe("casebook PDF of a demo patient", () => {
  test("every page names the subject and its page number; lab value, signature, query and audit reason are in the text; the generation is audited", async () => {
    const labs = await db.prisma.crfRecord.findFirstOrThrow({
      where: { formType: "labs", status: "COMPLETE", patient: { site: { code: "TW01" } } },
      include: { patient: true },
      orderBy: { createdAt: "asc" },
    });
    const { patient } = labs;
    const data = structuredClone(labs.data) as { results: { ast: { value: number } } };
    const correctedAst = data.results.ast.value + 3;
    data.results.ast.value = correctedAst;
    const reason = "Source document checked again: AST transcribed wrongly";
    await saveCrfRecord(actors.investigator1, {
      patientId: patient.id,
      formType: "labs",
      visitKey: labs.visitKey,
      recordId: labs.id,
      expectedVersion: labs.version,
      reason,
      data,
    });
    await signCrfRecord(actors.investigator1, { patientId: patient.id, recordId: labs.id, password: DEMO_PASSWORD });
    await openDataQuery(actors.monitor, {
      patientId: patient.id,
      recordId: labs.id,
      fieldPath: "results.ast.value",
      text: "Please confirm the AST against the lab report",
    });

    const started = Date.now();
    const { pdf, fileName } = await generatePatientPdf(actors.monitor, patient.id, null);
    const pages = await pagesOf(pdf);
    console.log(
      `casebook of ${patient.subjectId}: ${pages.length} pages, ${pdf.length} bytes, ${Date.now() - started} ms`,
    );

    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
    expect(fileName).toMatch(new RegExp(`^casebook-${patient.subjectId}-\\d{8}-\\d{6}\\.pdf$`));
    const formCount = await db.prisma.crfRecord.count({ where: { patientId: patient.id, deletedAt: null } });
    expect(pages.length).toBeGreaterThan(formCount); // a cover, then each form from a new page
    pages.forEach((page, index) => {
      expect(page, `page ${index + 1}`).toContain(`Subject ${patient.subjectId}`);
      expect(page, `page ${index + 1}`).toContain(`Page ${index + 1} of ${pages.length}`);
      expect(page, `page ${index + 1}`).toMatch(/Generated \d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} UTC/);
    });
    const text = pages.join("\n");
    expect(text).toContain(String(correctedAst));
    expect(text).toContain(`Signed by ${actors.investigator1.name}`);
    expect(text).toContain(reason);
    expect(text).toContain("Please confirm the AST against the lab report");
    expect(text).toContain("Asia/Taipei");

    const audit = await db.prisma.auditEvent.findFirstOrThrow({
      where: { action: "EXPORT", entityType: "casebook-pdf", patientId: patient.id },
    });
    expect(audit.actorId).toBe(actors.monitor.userId);
    expect(audit.changes).toEqual(
      expect.arrayContaining([
        { field: "format", from: null, to: "pdf" },
        { field: "bytes", from: null, to: pdf.length },
      ]),
    );
  }, 180_000);

  test("one filled form prints alone; another site's investigator and the administrator get nothing and nothing is audited", async () => {
    const labs = await db.prisma.crfRecord.findFirstOrThrow({
      where: { formType: "labs", patient: { site: { code: "TW01" } } },
      include: { patient: true },
    });
    const { pdf } = await generatePatientPdf(actors.investigator1, labs.patientId, labs.id);
    const pages = await pagesOf(pdf);
    expect(pages.join("\n")).toContain("Laboratory");
    pages.forEach((page) => expect(page).toContain(`Subject ${labs.patient.subjectId}`));

    const before = await db.prisma.auditEvent.count({ where: { action: "EXPORT" } });
    await expect(generatePatientPdf(actors.investigator2, labs.patientId, null)).rejects.toBeInstanceOf(NotFoundError);
    await expect(generatePatientPdf(actors.admin, labs.patientId, null)).rejects.toBeInstanceOf(NotFoundError);
    expect(await db.prisma.auditEvent.count({ where: { action: "EXPORT" } })).toBe(before);
  }, 120_000);

  test("the annotated CRF names each lab field's CSV column and SDTM target; the blank CRF has no annotations", async () => {
    const annotated = (await pagesOf((await generateCrfBinderPdf(actors.pi, "annotated")).pdf)).join("\n");
    expect(annotated).toContain("labs.csv: results.ast.value");
    expect(annotated).toContain("LB.LBORRES (LBTESTCD=AST)");
    expect(annotated).toContain("AE.AETOXGR");
    const blank = (await pagesOf((await generateCrfBinderPdf(actors.pi, "blank")).pdf)).join("\n");
    expect(blank).toContain("Blank case report forms");
    expect(blank).not.toContain("LB.LBORRES");
    await expect(generateCrfBinderPdf(actors.admin, "blank")).rejects.toBeInstanceOf(ForbiddenError);
  }, 120_000);
});
