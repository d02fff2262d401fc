export interface Figure {
  /** e.g. `validate.ms@10k` */
  name: string;
  value: number;
  /** e.g. `ms` */
  unit: string;
}

export interface Bench {
  name: string;
  run(): Promise<Figure[]> | Figure[];
}

/** Median wall time in ms of `runs` calls of `fn` (after one warm-up call). */
export function medianMs(runs: number, fn: () => unknown): number {
  fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    fn();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return Math.round(times[Math.floor(times.length / 2)]!);
}
