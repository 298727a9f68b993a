// Latency summaries. Percentiles by nearest rank on the sorted sample: no interpolation, so a
// reported p99 is a latency some request really had.

export interface Summary {
  n: number;
  p50: number;
  p95: number;
  p99: number;
  mean: number;
  max: number;
  /** Completed operations per second of wall time (null for sequential runs, where it says nothing new). */
  perSecond: number | null;
  errors: number;
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]!;
}

export function summarise(latenciesMs: number[], elapsedMs: number | null, errors = 0): Summary {
  const sorted = [...latenciesMs].sort((a, b) => a - b);
  const round = (x: number) => Math.round(x * 100) / 100;
  return {
    n: sorted.length,
    p50: round(percentile(sorted, 50)),
    p95: round(percentile(sorted, 95)),
    p99: round(percentile(sorted, 99)),
    mean: round(sorted.reduce((s, x) => s + x, 0) / (sorted.length || 1)),
    max: round(sorted.at(-1) ?? NaN),
    perSecond: elapsedMs === null ? null : Math.round((sorted.length / elapsedMs) * 1000),
    errors,
  };
}
