import { unzipSync } from "fflate";
import { ImportFileError } from "./import-bundle";

/** Limits against zip bombs: what a whole trial's CSV export needs, many times over. */
export const ZIP_LIMITS = {
  maxEntries: 500,
  maxEntryBytes: 256 * 1024 * 1024,
  maxTotalBytes: 512 * 1024 * 1024,
  /** Compression ratio of one entry; CSV compresses about 5-15:1, a bomb 1000:1 and more. */
  maxRatio: 200,
} as const;

/**
 * The .csv entries of a zip, decoded as UTF-8 (invalid UTF-8 is refused, not guessed). The
 * sizes the zip declares are checked before anything is inflated, and the inflated size after:
 * a zip that lies about them is refused too.
 */
export function readCsvEntries(bytes: Uint8Array, limits = ZIP_LIMITS): Map<string, string> {
  if (bytes.length < 4 || bytes[0] !== 0x50 || bytes[1] !== 0x4b)
    throw new ImportFileError("The file is not a zip archive.", 415);
  let entries = 0;
  let total = 0;
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes, {
      filter(file) {
        if (!file.name.endsWith(".csv") || file.name.includes("/")) return false;
        entries += 1;
        total += file.originalSize;
        if (entries > limits.maxEntries)
          throw new ImportFileError(`The zip has more than ${limits.maxEntries} CSV files.`, 413);
        if (file.originalSize > limits.maxEntryBytes || total > limits.maxTotalBytes)
          throw new ImportFileError("The zip's files are too large once unpacked.", 413);
        if (file.originalSize > 1024 * 1024 && file.originalSize / Math.max(file.size, 1) > limits.maxRatio) {
          throw new ImportFileError(
            `${file.name} is compressed more than ${limits.maxRatio}:1, which no CSV export is: refused as a possible zip bomb.`,
            413,
          );
        }
        return true;
      },
    });
  } catch (error) {
    if (error instanceof ImportFileError) throw error;
    throw new ImportFileError("The zip archive is damaged or not readable.");
  }
  const decoder = new TextDecoder("utf-8", { fatal: true });
  const out = new Map<string, string>();
  let inflated = 0;
  for (const [name, content] of Object.entries(files)) {
    inflated += content.length;
    if (inflated > limits.maxTotalBytes) throw new ImportFileError("The zip's files are too large once unpacked.", 413);
    try {
      out.set(name, decoder.decode(content).replace(/^\uFEFF/, ""));
    } catch {
      throw new ImportFileError(`${name} is not UTF-8 text.`);
    }
  }
  return out;
}
