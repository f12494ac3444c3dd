import { describe, expect, test } from "vitest";
import { PatientListFilterSchema } from "@/lib/schemas/work-filters";
import { createPatient, createSiteUser, recordLabs } from "@/test/integration/toxicity-fixtures";
import { openDataQuery } from "./data-queries";
import { GRID_PAGE_SIZE, getRecordStatusGrid } from "./record-status-grid";
import { searchPatients } from "./patients";
import { withDemoDatabase } from "@/test/integration/with-demo-database";

const { db, actors } = withDemoDatabase();

const TODAY = "2026-02-10";
const filter = (values: Record<string, string> = {}) => PatientListFilterSchema.parse(values);

describe("record status grid and patient search", () => {
  test("one page of the caller's patients with each form's state, filtered by site, status, state and subject ID", async () => {
    const site = await createSiteUser(db.prisma, "TX12", "INVESTIGATOR");
    const other = await createSiteUser(db.prisma, "TX13", "INVESTIGATOR");
    const patients = [];
    for (let i = 0; i < GRID_PAGE_SIZE + 2; i++) patients.push(await createPatient(site.actor, site.siteId));
    await createPatient(other.actor, other.siteId);
    const first = patients[0]!;
    const labs = await recordLabs(site.actor, first.id, "day1", "2026-01-10", { platelets: { value: 200 } });
    await openDataQuery(actors.coordinator, {
      patientId: first.id,
      recordId: labs.id,
      fieldPath: "sampleDate",
      text: "Sample date?",
    });

    const page1 = await getRecordStatusGrid(site.actor, filter(), TODAY);
    expect(page1.total).toBe(GRID_PAGE_SIZE + 2); // TX13 is not in this investigator's scope
    expect(page1.rows).toHaveLength(GRID_PAGE_SIZE);
    const row = page1.rows.find((r) => r.patientId === first.id)!;
    expect(row.cells.eligibility!.state).toBe("complete");
    expect(row.cells["day1:labs"]).toMatchObject({ state: "open-query", recordId: labs.id });
    expect(row.cells["day1:dosing"]!.state).toBe("overdue");
    expect((await getRecordStatusGrid(site.actor, filter({ page: "2" }), TODAY)).rows).toHaveLength(2);

    expect(
      (await getRecordStatusGrid(site.actor, { ...filter(), state: "open-query" }, TODAY)).rows.map((r) => r.patientId),
    ).toEqual([first.id]);
    expect((await getRecordStatusGrid(site.actor, { ...filter(), state: "overdue" }, TODAY)).total).toBe(
      GRID_PAGE_SIZE + 2,
    );
    expect((await getRecordStatusGrid(site.actor, { ...filter(), state: "locked" }, TODAY)).total).toBe(0);
    expect(
      (await getRecordStatusGrid(actors.coordinator, filter({ site: other.siteId }), TODAY)).rows.map(
        (r) => r.siteCode,
      ),
    ).toEqual(["TX13"]);
    expect(
      (await getRecordStatusGrid(actors.coordinator, filter({ q: first.subjectId.toLowerCase() }), TODAY)).rows.map(
        (r) => r.patientId,
      ),
    ).toEqual([first.id]);

    // The patient list: search, filter, sort, exact total.
    const found = await searchPatients(actors.coordinator, filter({ site: site.siteId, sort: "subject" }), 10);
    expect(found.total).toBe(GRID_PAGE_SIZE + 2);
    expect(found.data.map((p) => p.subjectId)).toEqual([...found.data.map((p) => p.subjectId)].sort());
    expect(
      (await searchPatients(actors.coordinator, filter({ site: site.siteId, status: "SCREENING" }), 10)).total,
    ).toBe(0); // all enrolled
    expect((await searchPatients(site.actor, filter({ site: other.siteId }), 10)).total).toBe(0);
  });
});
