import { build, Histogram } from 'hdr-histogram-js';

export interface StepResult {
  targetRate: number;
  sent: number;
  ok: number;
  errors: number;
  achievedRate: number;
  p50: number;
  p95: number;
  p99: number;
  p999: number;
  max: number;
  errorSamples: string[];
  /** Each finished request: when it finished (ms after `origin`) and its latency in ms. */
  finished: { atMs: number; ms: number }[];
}

/**
 * Open-loop load: request i is due at start + i / rate whatever happened before, and its latency
 * counts from when it was due, so a slow system cannot slow the load down or hide its queueing
 * (no coordinated omission). Bounded: rate x duration requests, and stragglers get `graceMs`.
 */
export async function runOpenLoop(
  rate: number,
  durationS: number,
  send: (i: number) => Promise<boolean | string>,
  graceMs = 30_000,
  origin = performance.now(),
): Promise<StepResult> {
  const histogram: Histogram = build({ lowestDiscernibleValue: 1, highestTrackableValue: 120_000_000, numberOfSignificantValueDigits: 3 });
  const total = Math.max(1, Math.round(rate * durationS));
  const intervalMs = 1_000 / rate;
  const started = performance.now();
  let ok = 0;
  let errors = 0;
  let lastDone = started;
  const errorSamples: string[] = [];
  const finished: { atMs: number; ms: number }[] = [];
  const inFlight: Promise<void>[] = [];

  for (let i = 0; i < total; i += 1) {
    const due = started + i * intervalMs;
    const wait = due - performance.now();
    if (wait > 1) await new Promise((r) => setTimeout(r, wait));
    inFlight.push(
      send(i)
        .then((result) => {
          if (result === true) ok += 1;
          else {
            errors += 1;
            if (errorSamples.length < 5) errorSamples.push(String(result));
          }
        })
        .catch((error: unknown) => {
          errors += 1;
          if (errorSamples.length < 5) errorSamples.push(error instanceof Error ? error.message : String(error));
        })
        .finally(() => {
          const now = performance.now();
          lastDone = Math.max(lastDone, now);
          histogram.recordValue(Math.max(1, Math.round((now - due) * 1_000)));
          finished.push({ atMs: now - origin, ms: now - due });
        }),
    );
  }
  await Promise.race([Promise.all(inFlight), new Promise((r) => setTimeout(r, graceMs))]);
  const unfinished = total - ok - errors;
  const elapsedS = (lastDone - started) / 1_000;
  const ms = (p: number): number => histogram.getValueAtPercentile(p) / 1_000;
  return {
    targetRate: rate,
    sent: total,
    ok,
    errors: errors + unfinished,
    achievedRate: ok / Math.max(elapsedS, 0.001),
    p50: ms(50),
    p95: ms(95),
    p99: ms(99),
    p999: ms(99.9),
    max: histogram.maxValue / 1_000,
    errorSamples,
    finished,
  };
}
