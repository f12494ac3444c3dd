import { createPrng } from "@/lib/demo/cohort/prng";

/** The demo cohort's seeded PRNG (mulberry32), shaped for the benchmarks' generators. */
export interface Random {
  next(): number;
  int(min: number, max: number): number;
  pick<T>(items: readonly T[]): T;
  chance(probability: number): boolean;
  normal(mean: number, sd: number): number;
}

export function createRandom(seed: number): Random {
  const prng = createPrng(seed);
  return {
    next: prng.next,
    int: prng.int,
    pick: prng.pick,
    chance: prng.chance,
    normal: (mean, sd) => mean + sd * prng.normal(),
  };
}
