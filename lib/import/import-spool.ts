import { createHash, randomUUID } from "node:crypto";
import { createReadStream } from "node:fs";
import { open, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { PayloadTooLargeError } from "@/lib/errors";

/** An import file copied to a temporary file as it arrived, with its SHA-256. */
export interface SpooledFile {
  path: string;
  sha256: string;
  bytes: number;
  /** The file again, a chunk at a time (the second pass of an import). */
  chunks(): AsyncIterable<Uint8Array>;
  remove(): Promise<void>;
}

/** Chunks of the second pass: large enough for few reads, small enough to hold nothing much. */
const READ_CHUNK_BYTES = 1024 * 1024;

/**
 * Copies the request body to a temporary file a chunk at a time, hashing it and handing each
 * chunk to `onChunk` (the first pass's checks) on the way, so the body is never held whole in
 * memory. The import writes its first patient only after the whole file has been read: every
 * audit row names the file's SHA-256 and a file broken at its end must write nothing, so the
 * file is kept on disk, not in memory, for the second pass. Over `maxBytes` the copy stops
 * with a 413 and the temporary file is removed; so it is when `onChunk` throws.
 */
export async function spoolImportBody(
  body: ReadableStream<Uint8Array> | AsyncIterable<Uint8Array>,
  options: { maxBytes: number; onChunk?: (chunk: Uint8Array) => void; dir?: string },
): Promise<SpooledFile> {
  const file = path.join(options.dir ?? os.tmpdir(), `trialdesk-import-${randomUUID()}`);
  const hash = createHash("sha256");
  const handle = await open(file, "wx", 0o600);
  let bytes = 0;
  try {
    for await (const chunk of "getReader" in body ? chunksOf(body) : body) {
      bytes += chunk.byteLength;
      if (bytes > options.maxBytes) throw new PayloadTooLargeError(options.maxBytes);
      hash.update(chunk);
      options.onChunk?.(chunk);
      await handle.write(chunk);
    }
  } catch (error) {
    await handle.close();
    await rm(file, { force: true });
    throw error;
  }
  await handle.close();
  return {
    path: file,
    sha256: hash.digest("hex"),
    bytes,
    chunks: () => createReadStream(file, { highWaterMark: READ_CHUNK_BYTES }),
    remove: () => rm(file, { force: true }),
  };
}

/** A web stream's chunks; leaving the loop early (a throw) cancels the stream, so the sender stops. */
async function* chunksOf(stream: ReadableStream<Uint8Array>): AsyncGenerator<Uint8Array> {
  const reader = stream.getReader();
  let done = false;
  try {
    for (;;) {
      const next = await reader.read();
      if (next.done) {
        done = true;
        return;
      }
      yield next.value;
    }
  } finally {
    if (!done) await reader.cancel().catch(() => {});
    reader.releaseLock();
  }
}

/** A file already in memory as a body of one chunk (tests, scripts). */
export async function* bodyOf(bytes: Uint8Array): AsyncGenerator<Uint8Array> {
  yield bytes;
}
