import { describe, expect, test } from "vitest";
import { VersionedCache } from "./versioned-cache";

describe("VersionedCache", () => {
  test("computes once per key and again for a new key (a new data version)", async () => {
    const cache = new VersionedCache(4);
    let runs = 0;
    const compute = async () => ++runs;
    expect(await cache.getOrCompute("efficacy|all|v1", compute)).toBe(1);
    expect(await cache.getOrCompute("efficacy|all|v1", compute)).toBe(1);
    expect(await cache.getOrCompute("efficacy|all|v2", compute)).toBe(2);
  });

  test("shares one computation between concurrent requests", async () => {
    const cache = new VersionedCache(4);
    let runs = 0;
    const compute = () => new Promise<number>((resolve) => setTimeout(() => resolve(++runs), 5));
    expect(await Promise.all([cache.getOrCompute("k", compute), cache.getOrCompute("k", compute)])).toEqual([1, 1]);
  });

  test("does not keep a failure", async () => {
    const cache = new VersionedCache(4);
    await expect(cache.getOrCompute("k", () => Promise.reject(new Error("database down")))).rejects.toThrow(
      "database down",
    );
    expect(await cache.getOrCompute("k", async () => "recovered")).toBe("recovered");
  });

  test("drops the least recently used entry beyond its size", async () => {
    const cache = new VersionedCache(2);
    let runs = 0;
    const compute = async () => ++runs;
    await cache.getOrCompute("a", compute);
    await cache.getOrCompute("b", compute);
    await cache.getOrCompute("a", compute);
    await cache.getOrCompute("c", compute);
    expect(await cache.getOrCompute("a", compute)).toBe(1);
    expect(await cache.getOrCompute("b", compute)).toBe(4);
  });
});
