// The statistics and timing the benchmark parts share: medians, rounding for the result files, and a
// sample of wall-clock and process CPU time.

/** The median of a list of numbers (the mean of the middle two for an even count). */
export const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2
    ? (sorted[middle] as number)
    : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
};

/** `value` rounded to `digits` decimal places. */
export const round = (value: number, digits = 1): number => Math.round(value * 10 ** digits) / 10 ** digits;

/** One timed run: wall-clock milliseconds, and this process's CPU milliseconds. */
export interface Sample {
  wall: number;
  cpu: number;
}

/** Wall-clock time, and this process's CPU time, which other load on a shared machine disturbs less. */
export function time<T>(run: () => T): { sample: Sample; result: T } {
  const cpu = process.cpuUsage();
  const start = performance.now();
  const result = run();
  const wall = performance.now() - start;
  const used = process.cpuUsage(cpu);
  return { sample: { wall, cpu: (used.user + used.system) / 1000 }, result };
}

/** The medians of a list of samples, unrounded. */
export const sampleMedians = (samples: readonly Sample[]): { wallMs: number; cpuMs: number } => ({
  wallMs: median(samples.map((s) => s.wall)),
  cpuMs: median(samples.map((s) => s.cpu)),
});
