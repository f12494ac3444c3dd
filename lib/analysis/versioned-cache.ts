/**
 * Computed analyses kept in the process, each under a key that includes a data version read
 * from PostgreSQL on every request (lib/data/data-version.ts). A change anywhere gives a new
 * version, so no instance serves a result computed before it; old versions simply age out.
 * Concurrent requests for the same key share one computation; a failed one is not kept.
 */
export class VersionedCache {
  private readonly entries = new Map<string, Promise<unknown>>();

  constructor(private readonly maxEntries: number) {}

  getOrCompute<T>(key: string, compute: () => Promise<T>): Promise<T> {
    const cached = this.entries.get(key) as Promise<T> | undefined;
    if (cached) {
      // Most recently used last, so the oldest entry is the first to go.
      this.entries.delete(key);
      this.entries.set(key, cached);
      return cached;
    }
    const pending = compute();
    this.entries.set(key, pending);
    pending.catch(() => {
      if (this.entries.get(key) === pending) this.entries.delete(key);
    });
    while (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
    return pending;
  }

  clear(): void {
    this.entries.clear();
  }
}
