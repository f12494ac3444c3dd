import { createHash } from "node:crypto";
import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { PayloadTooLargeError } from "@/lib/errors";
import { spoolImportBody } from "./import-spool";

let dir: string;
beforeEach(async () => (dir = await mkdtemp(path.join(os.tmpdir(), "spool-test-"))));
afterEach(() => rm(dir, { recursive: true, force: true }));

/** A request body of `count` chunks of `size` bytes, made on demand, counting the chunks pulled and whether it was cancelled. */
function bodyStream(count: number, size: number) {
  const state = { pulled: 0, cancelled: false };
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (state.pulled === count) return controller.close();
      state.pulled += 1;
      controller.enqueue(new Uint8Array(size).fill(state.pulled % 256));
    },
    cancel() {
      state.cancelled = true;
    },
  });
  return { state, stream };
}

describe("spoolImportBody", () => {
  it("copies a streamed body to disk a chunk at a time, hashing it and showing each chunk to the checker once", async () => {
    const { state, stream } = bodyStream(40, 64 * 1024);
    const seen: number[] = [];
    const spooled = await spoolImportBody(stream, {
      maxBytes: 10 * 1024 * 1024,
      dir,
      // When the checker sees chunk n, the stream has been pulled at most one chunk ahead:
      // nothing is buffered in memory before it is written.
      onChunk: (chunk) => seen.push(state.pulled - chunk[0]!),
    });
    expect(seen).toHaveLength(40);
    expect(Math.max(...seen)).toBeLessThanOrEqual(1);
    const written = await readFile(spooled.path);
    expect(written.length).toBe(40 * 64 * 1024);
    expect(spooled.bytes).toBe(written.length);
    expect(spooled.sha256).toBe(createHash("sha256").update(written).digest("hex"));
    let reread = 0;
    for await (const chunk of spooled.chunks()) reread += chunk.length;
    expect(reread).toBe(written.length);
    await spooled.remove();
    expect(await readdir(dir)).toEqual([]);
  });

  it("stops at the byte limit with a 413, cancels the upload and leaves no file behind", async () => {
    const { state, stream } = bodyStream(1000, 64 * 1024);
    await expect(spoolImportBody(stream, { maxBytes: 1024 * 1024, dir })).rejects.toBeInstanceOf(PayloadTooLargeError);
    expect(state.pulled).toBeLessThan(20);
    expect(state.cancelled).toBe(true);
    expect(await readdir(dir)).toEqual([]);
  });

  it("removes the file when the checker refuses a chunk", async () => {
    const { stream } = bodyStream(10, 1024);
    const refuse = () => {
      throw new Error("not XML");
    };
    await expect(spoolImportBody(stream, { maxBytes: 1e9, dir, onChunk: refuse })).rejects.toThrow("not XML");
    expect(await readdir(dir)).toEqual([]);
  });
});
