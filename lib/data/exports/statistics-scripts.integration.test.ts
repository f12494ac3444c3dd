import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { unzipSync } from "fflate";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { seedDemoActors, type DemoActorName } from "@/test/integration/demo-actors";
import { seedExportPatients } from "@/test/integration/export-fixtures";
import { parseCsv } from "@/test/integration/parse-csv";
import { createTestDatabase, type TestDatabase } from "@/test/integration/test-database";
import { exportCsv } from "./csv-export";

/**
 * Issue 17, item 7: the R script shipped in the CSV zip is run by Debian's r-base-core
 * (installed by .ci/run) and every data frame it builds is compared with the CSV file it
 * read. On a developer machine without Rscript the test is skipped; in CI it must run.
 */
const rscript = spawnSync("Rscript", ["--version"], { encoding: "utf8" });
const hasR = !rscript.error && rscript.status === 0;
if (!hasR && process.env.CI)
  throw new Error("Rscript is missing: .ci/run installs Debian's r-base-core for this test.");

/** Writes, per data frame, its cells as R formats them and each column's class, label, units and levels. */
const CHECK = String.raw`
source("read_trialdesk.R")
meta <- do.call(rbind, lapply(names(trialdesk), function(frame) {
  df <- trialdesk[[frame]]
  utils::write.csv(df, file.path("check", paste0(frame, ".csv")), row.names = FALSE, na = "", fileEncoding = "UTF-8")
  do.call(rbind, lapply(names(df), function(column) {
    x <- df[[column]]
    units <- attr(x, "units")
    data.frame(frame = frame, column = column, class = class(x)[1], label = attr(x, "label"),
      units = if (is.null(units)) "" else units, levels = paste(levels(x), collapse = "|"), rows = nrow(df))
  }))
}))
utils::write.csv(meta, file.path("check", "meta.csv"), row.names = FALSE, na = "", fileEncoding = "UTF-8")
`;

const R_CLASS: Record<string, string> = {
  integer: "integer",
  float: "numeric",
  date: "Date",
  datetime: "POSIXct",
  boolean: "logical",
};

/** The CSV cell as R should hold it after reading (the formula guard's apostrophe removed). */
function expectedCell(type: string, cell: string): string {
  if (cell === "") return "";
  if (type === "datetime") return cell.slice(0, 19).replace("T", " ");
  if (type === "boolean") return cell.toUpperCase();
  return cell.replace(/^'([-=+@\t\r])/, "$1");
}

let db: TestDatabase;
let actors: Record<DemoActorName, Actor>;
let dir: string;

beforeAll(async () => {
  db = await createTestDatabase();
  const seeded = await seedDemoActors(db.prisma);
  actors = seeded.actors;
  await seedExportPatients(actors, seeded.sites);
  dir = mkdtempSync(join(tmpdir(), "trialdesk-r-"));
}, 60_000);
afterAll(async () => {
  rmSync(dir, { recursive: true, force: true });
  await db.drop();
});

describe.skipIf(!hasR)("the R script in the CSV export", () => {
  test("reads every file into a data frame with the CSV's rows and values, typed, labelled, with units and factor levels", async () => {
    const zip = unzipSync(
      new Uint8Array(await new Response((await exportCsv(actors.pi, { site: [] })).stream).arrayBuffer()),
    );
    for (const [name, bytes] of Object.entries(zip)) writeFileSync(join(dir, name), bytes);
    writeFileSync(join(dir, "check.R"), CHECK);
    mkdirSync(join(dir, "check"));
    const run = spawnSync("Rscript", ["--vanilla", "check.R"], {
      cwd: dir,
      encoding: "utf8",
      env: { ...process.env, LANG: "C.UTF-8" },
    });
    expect(run.stderr).not.toMatch(/Error|Warning/);
    expect(run.status).toBe(0);

    const read = (path: string) => parseCsv(readFileSync(join(dir, path), "utf8"));
    const dictionary = read("dictionary.csv");
    const meta = read("check/meta.csv");
    const csvFiles = Object.keys(zip).filter((name) => name.endsWith(".csv") && name !== "dictionary.csv");
    expect([...new Set(meta.map((m) => `${m.frame}.csv`))]).toEqual(csvFiles);

    for (const file of csvFiles) {
      const frame = file.replace(/\.csv$/, "");
      const csv = read(file);
      const fromR = read(`check/${file}`);
      const columns = dictionary
        .filter((d) => d.file === file)
        .map((d) => ({
          column: d.column!,
          type: d.type!,
          label: d.label!,
          unit: d.unit!,
          allowed_values: d.allowed_values!,
        }));
      const described = meta.filter((m) => m.frame === frame);
      // Row counts (each frame's own nrow, and what R wrote back).
      expect(new Set(described.map((m) => m.rows)), file).toEqual(new Set([String(csv.length)]));
      expect(fromR, file).toHaveLength(csv.length);
      expect(
        described.map((m) => m.column),
        file,
      ).toEqual(columns.map((c) => c.column));
      for (const column of columns) {
        const m = described.find((d) => d.column === column.column)!;
        const single =
          column.allowed_values !== "" && column.type === "text" && !column.label.includes("several values");
        expect(m.class, `${file} ${column.column}`).toBe(single ? "factor" : (R_CLASS[column.type] ?? "character"));
        expect(m.label).toBe(column.label);
        expect(m.units).toBe(column.unit);
        if (single) expect(m.levels).toBe(column.allowed_values.split("; ").join("|"));
        csv.forEach((row, i) => {
          const got = fromR[i]![column.column]!;
          const want = expectedCell(column.type, row[column.column]!);
          if (m.class === "numeric" && want !== "") expect(Number(got)).toBeCloseTo(Number(want), 10);
          else expect(got, `${file} row ${i + 1} ${column.column}`).toBe(want);
        });
      }
    }

    // A few values spelled out, so the generic comparison cannot pass vacuously.
    const facts = meta.filter((m) => m.frame === "baseline");
    expect(facts.find((m) => m.column === "sex")).toMatchObject({
      class: "factor",
      levels: "female|male",
      label: "Sex",
    });
    expect(facts.find((m) => m.column === "heightCm")).toMatchObject({
      class: "numeric",
      units: "cm",
      label: "Height (cm)",
    });
    expect(facts.find((m) => m.column === "assessmentDate")).toMatchObject({ class: "Date" });
    const [baseline] = read("check/baseline.csv");
    expect(baseline).toMatchObject({
      sex: "male",
      heightCm: "170",
      ethnicity: "=1+2",
      extrahepaticSites: "lung; bone",
    });
    expect(read("check/tumour-baseline.targetLesions.csv").map((l) => l.site)).toEqual([
      'Segment VIII, "dome"',
      "Right lower lobe",
    ]);
    expect(read("check/labs.csv").map((l) => l["results.neutrophils.value"])).toEqual(["3.2", "0.8"]);
  }, 60_000);
});
