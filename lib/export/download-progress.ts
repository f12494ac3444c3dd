/**
 * Progress of a streamed export as the browser reads it. The server sends the totals in
 * headers (X-Export-Files for a zip, X-Export-Patients); these counters find the matching
 * "done" figure in the bytes themselves, so the progress is real, not estimated:
 * - zip: each entry starts with a local file header, signature "PK\x03\x04" (APPNOTE.TXT
 *   section 4.3.7). The count is capped at the announced total, so a chance match inside
 *   compressed data cannot run past it.
 * - ODM: one SubjectData element per patient.
 * Both keep the tail of the previous chunk, so a signature split across chunks is counted once.
 */
const ZIP_LOCAL_HEADER = [0x50, 0x4b, 0x03, 0x04] as const;

export interface ProgressCounter {
  /** Feeds the next chunk; returns the running count. */
  push(chunk: Uint8Array): number;
}

export function createZipEntryCounter(total: number): ProgressCounter {
  let count = 0;
  let tail = new Uint8Array(0);
  return {
    push(chunk) {
      const bytes = new Uint8Array(tail.length + chunk.length);
      bytes.set(tail);
      bytes.set(chunk, tail.length);
      for (let i = 0; i + 3 < bytes.length; i++) {
        if (
          bytes[i] === ZIP_LOCAL_HEADER[0] &&
          bytes[i + 1] === ZIP_LOCAL_HEADER[1] &&
          bytes[i + 2] === ZIP_LOCAL_HEADER[2] &&
          bytes[i + 3] === ZIP_LOCAL_HEADER[3]
        )
          count++;
      }
      tail = bytes.slice(Math.max(0, bytes.length - 3));
      count = Math.min(count, total);
      return count;
    },
  };
}

export function createTextTokenCounter(token: string): ProgressCounter {
  const decoder = new TextDecoder();
  let count = 0;
  let tail = "";
  return {
    push(chunk) {
      const text = tail + decoder.decode(chunk, { stream: true });
      for (let at = text.indexOf(token); at !== -1; at = text.indexOf(token, at + token.length)) count++;
      tail = text.slice(Math.max(0, text.length - (token.length - 1)));
      return count;
    },
  };
}

/** "1.2 MB", "340 KB": the size shown beside the progress bar. */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

/** The file name from Content-Disposition (attachment; filename="x.zip"), or a fallback. */
export function fileNameFrom(contentDisposition: string | null, fallback: string): string {
  return contentDisposition?.match(/filename="([^"]+)"/)?.[1] ?? fallback;
}
