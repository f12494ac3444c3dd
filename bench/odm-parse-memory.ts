import { createReadStream, readFileSync, statSync } from "node:fs";
import { createOdmChecker, readOdmImport, streamOdmSubjects } from "@/lib/import/odm-import";

/**
 * The ODM reader alone, no database: `whole` reads the file into memory and builds every
 * patient at once (readOdmImport); `stream` reads it from disk in two passes as runImport does
 * (pass 1 checks it whole keeping only the subject keys, pass 2 yields a subject at a time).
 * Prints subjects, time and the process's peak RSS.
 *
 *   npx tsx bench/odm-parse-memory.ts stream .data/bench-imports-files/trial-300.xml
 */
const [mode, file] = process.argv.slice(2);
if (!file || (mode !== "whole" && mode !== "stream"))
  throw new Error("usage: odm-parse-memory.ts whole|stream <file.xml>");
const chunks = () => createReadStream(file, { highWaterMark: 1024 * 1024 }) as AsyncIterable<Uint8Array>;

async function main() {
  const started = performance.now();
  let subjects = 0;
  if (mode === "whole") subjects = readOdmImport(new Uint8Array(readFileSync(file!))).patients.length;
  else {
    const checker = createOdmChecker();
    for await (const chunk of chunks()) checker.write(chunk);
    checker.end();
    for await (const subject of streamOdmSubjects(chunks(), checker.repeatedKeys())) if (subject) subjects += 1;
  }
  const seconds = (performance.now() - started) / 1000;
  console.log(
    `${mode}: ${subjects} subjects from ${(statSync(file!).size / 2 ** 20).toFixed(1)} MiB in ${seconds.toFixed(1)} s, peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MiB`,
  );
}

void main();
