import { build } from 'hdr-histogram-js';

export interface ClosedLoopResult {
  readonly ok: number;
  readonly errors: number;
  readonly seconds: number;
  /** Successful requests per second of wall time. */
  readonly rate: number;
  readonly p50: number;
  readonly p99: number;
  readonly max: number;
  readonly errorSamples: string[];
}

/**
 * Closed-loop load: `clients` callers, each sending its next request when the previous one is
 * answered, until `total` requests were sent or `maxSeconds` passed (whichever comes first).
 */
export async function runClosedLoop(clients: number, total: number, maxSeconds: number, send: (i: number) => Promise<unknown>): Promise<ClosedLoopResult> {
  const histogram = build({ lowestDiscernibleValue: 1, highestTrackableValue: 120_000_000, numberOfSignificantValueDigits: 3 });
  const started = performance.now();
  const deadline = started + maxSeconds * 1_000;
  const errorSamples: string[] = [];
  let next = 0;
  let ok = 0;
  let errors = 0;
  const client = async (): Promise<void> => {
    while (next < total && performance.now() < deadline) {
      const i = next++;
      const t0 = performance.now();
      try {
        await send(i);
        ok += 1;
      } catch (error) {
        errors += 1;
        if (errorSamples.length < 5) errorSamples.push(error instanceof Error ? error.message : String(error));
      }
      histogram.recordValue(Math.max(1, Math.round((performance.now() - t0) * 1_000)));
    }
  };
  await Promise.all(Array.from({ length: clients }, client));
  const seconds = (performance.now() - started) / 1_000;
  const ms = (p: number): number => histogram.getValueAtPercentile(p) / 1_000;
  return { ok, errors, seconds, rate: ok / seconds, p50: ms(50), p99: ms(99), max: histogram.maxValue / 1_000, errorSamples };
}
