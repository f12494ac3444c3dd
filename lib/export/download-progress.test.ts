import { zipSync, strToU8 } from "fflate";
import { describe, expect, test } from "vitest";
import { createTextTokenCounter, createZipEntryCounter, fileNameFrom, formatBytes } from "./download-progress";

function chunksOf(bytes: Uint8Array, size: number): Uint8Array[] {
  const out: Uint8Array[] = [];
  for (let i = 0; i < bytes.length; i += size) out.push(bytes.slice(i, i + size));
  return out;
}

describe("download progress", () => {
  test("counts zip entries as their headers stream past, whatever the chunk boundaries", () => {
    const zip = zipSync(
      { "a.csv": strToU8("x,y\n1,2\n"), "b.csv": strToU8("z\n"), "c.csv": strToU8("") },
      { level: 6 },
    );
    for (const size of [1, 2, 3, 5, 64, zip.length]) {
      const counter = createZipEntryCounter(3);
      const seen = chunksOf(zip, size).map((c) => counter.push(c));
      expect(seen[seen.length - 1]).toBe(3);
      expect(seen).toEqual([...seen].sort((a, b) => a - b));
    }
  });

  test("never counts past the announced total", () => {
    const counter = createZipEntryCounter(1);
    expect(counter.push(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x50, 0x4b, 0x03, 0x04]))).toBe(1);
  });

  test("counts SubjectData elements split across chunks once", () => {
    const xml = strToU8(
      '<ClinicalData><SubjectData SubjectKey="A"/><SubjectData SubjectKey="B"/><SubjectData SubjectKey="C\u00e9"/></ClinicalData>',
    );
    for (const size of [1, 4, 7, xml.length]) {
      const counter = createTextTokenCounter("<SubjectData ");
      const seen = chunksOf(xml, size).map((c) => counter.push(c));
      expect(seen[seen.length - 1]).toBe(3);
    }
  });

  test("formats sizes and reads the file name", () => {
    expect([formatBytes(512), formatBytes(2048), formatBytes(3 * 1024 * 1024)]).toEqual(["512 B", "2 KB", "3.0 MB"]);
    expect(fileNameFrom('attachment; filename="trialdesk-csv-1.zip"', "x")).toBe("trialdesk-csv-1.zip");
    expect(fileNameFrom(null, "x.zip")).toBe("x.zip");
  });
});
