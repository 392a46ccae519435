/** One worker's next turn: it resolves with a label for the turn (its kind), or throws. */
export type Turn = () => Promise<string>;

export interface Limits {
  /** At most this many turns are started. */
  maxTurns: number;
  /** No turn is started after this long. */
  maxMs: number;
}

export interface PhaseResult {
  turns: number;
  errors: number;
  elapsedMs: number;
  /** Every successful turn's latency, in ms. */
  latencies: number[];
  /** Latencies by the label each turn returned. */
  byLabel: Record<string, number[]>;
  firstError?: string;
}

export const emptyResult = (): PhaseResult => ({
  turns: 0,
  errors: 0,
  elapsedMs: 0,
  latencies: [],
  byLabel: {},
});

/**
 * Runs the workers side by side (one turn in flight each, so the concurrency is the number
 * of workers) until the turn count or the time runs out. It stops by itself: each turn is
 * bounded by the client's timeout, and no turn starts after the deadline.
 */
export async function runPhase(workers: Turn[], limits: Limits): Promise<PhaseResult> {
  const result = emptyResult();
  let started = 0;
  const begin = performance.now();
  const deadline = begin + limits.maxMs;
  await Promise.all(
    workers.map(async (turn) => {
      while (started < limits.maxTurns && performance.now() < deadline) {
        started += 1;
        const t0 = performance.now();
        try {
          const label = await turn();
          const ms = performance.now() - t0;
          result.turns += 1;
          result.latencies.push(ms);
          const list = result.byLabel[label] ?? [];
          list.push(ms);
          result.byLabel[label] = list;
        } catch (error) {
          result.errors += 1;
          result.firstError ??= error instanceof Error ? error.message : String(error);
        }
      }
    }),
  );
  result.elapsedMs = performance.now() - begin;
  return result;
}

/** Adds one phase's figures to a running total. */
export function accumulate(total: PhaseResult, phase: PhaseResult): void {
  total.turns += phase.turns;
  total.errors += phase.errors;
  total.elapsedMs += phase.elapsedMs;
  for (const ms of phase.latencies) total.latencies.push(ms);
  for (const [label, list] of Object.entries(phase.byLabel)) {
    const into = total.byLabel[label] ?? [];
    for (const ms of list) into.push(ms);
    total.byLabel[label] = into;
  }
  if (phase.firstError !== undefined) total.firstError ??= phase.firstError;
}

/** The nearest-rank percentile of a list of numbers (0 when empty). */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil((p / 100) * sorted.length)));
  return sorted[rank - 1] ?? 0;
}
