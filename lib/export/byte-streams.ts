import { Zip, ZipDeflate } from "fflate";

/** One file of a zip export: its name and its text, produced piece by piece. */
export interface ZipEntry {
  name: string;
  chunks: AsyncIterable<string>;
}

const encoder = new TextEncoder();

/**
 * A pull-driven byte stream: the producer advances one step only when the reader wants
 * more, so a slow client slows the database reads instead of piling bytes up in memory.
 * Cancelling the stream (client gone) returns the producer, which runs its finally blocks.
 */
function pullStream(
  steps: AsyncGenerator<unknown>,
  pending: Uint8Array[],
  isEnded: () => boolean,
): ReadableStream<Uint8Array> {
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      while (pending.length === 0 && !isEnded()) {
        if ((await steps.next()).done) break;
      }
      for (const chunk of pending.splice(0)) controller.enqueue(chunk);
      if (isEnded()) controller.close();
    },
    async cancel() {
      await steps.return(undefined);
    },
  });
}

/**
 * A zip written while it streams (fflate's streaming Zip, deflated entries). fflate holds
 * back a later entry's bytes until the earlier one ends, so entries are produced one after
 * another, never side by side.
 */
export function createZipStream(entries: AsyncIterable<ZipEntry>): ReadableStream<Uint8Array> {
  const pending: Uint8Array[] = [];
  let ended = false;
  let failure: Error | null = null;
  const zip = new Zip((error, chunk, final) => {
    if (error) failure = error;
    else {
      pending.push(chunk);
      if (final) ended = true;
    }
  });
  async function* steps() {
    for await (const entry of entries) {
      const file = new ZipDeflate(entry.name, { level: 6 });
      zip.add(file);
      for await (const text of entry.chunks) {
        file.push(encoder.encode(text));
        if (failure) throw failure;
        yield;
      }
      file.push(new Uint8Array(0), true);
      yield;
    }
    zip.end();
  }
  return pullStream(steps(), pending, () => ended);
}

/** A UTF-8 text document (the ODM XML) streamed piece by piece. */
export function createTextStream(chunks: AsyncIterable<string>): ReadableStream<Uint8Array> {
  const pending: Uint8Array[] = [];
  let ended = false;
  async function* steps() {
    for await (const text of chunks) {
      pending.push(encoder.encode(text));
      yield;
    }
    ended = true;
  }
  return pullStream(steps(), pending, () => ended);
}
