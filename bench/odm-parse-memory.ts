import { readFileSync } from "node:fs";
import { readOdmImport, streamOdmSubjects } from "@/lib/import/odm-import";

/**
 * The ODM reader alone, no database: `whole` builds every patient at once (readOdmImport),
 * `stream` checks the file and then yields a subject at a time (streamOdmSubjects, what
 * runImport uses). Prints subjects, time and the process's peak RSS.
 *
 *   npx tsx bench/odm-parse-memory.ts stream .data/bench-imports-files/trial-300.xml
 */
const [mode, file] = process.argv.slice(2);
if (!file || (mode !== "whole" && mode !== "stream"))
  throw new Error("usage: odm-parse-memory.ts whole|stream <file.xml>");
const bytes = new Uint8Array(readFileSync(file));
const started = performance.now();
let subjects = 0;
if (mode === "whole") subjects = readOdmImport(bytes).patients.length;
else for (const subject of streamOdmSubjects(bytes)) if (subject) subjects += 1;
const seconds = (performance.now() - started) / 1000;
console.log(
  `${mode}: ${subjects} subjects from ${(bytes.length / 2 ** 20).toFixed(1)} MiB in ${seconds.toFixed(1)} s, peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MiB`,
);
