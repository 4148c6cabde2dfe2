import { deepStrictEqual } from 'node:assert';

import { Iso8583Codec, type Iso8583Message } from '@payments/iso8583';

/**
 * The codec's side of the benchmark: encode then decode the message on this thread, with the
 * same warm-up, batch and per-round check as the jPOS side (jpos/JposCodecBench.java), so the
 * two loops do the same work. CPU time is the whole process's (GC and JIT threads included).
 */
const BATCH = 1_000;

export interface Measurement {
  readonly roundTrips: number;
  readonly seconds: number;
  readonly cpuSeconds: number;
}

export function measureCodec(specName: string, message: Iso8583Message, warmupMs: number, durationMs: number): Measurement {
  const codec = Iso8583Codec.forSpec(specName);
  deepStrictEqual(codec.decode(codec.encode(message)), message);
  // Each round reads the last field of the decoded message, as the jPOS side does.
  const last = Math.max(...Object.keys(message.fields).map(Number));
  // Warm-up by time, so the JIT has optimized the hot path before the clock starts.
  const warmupEnd = performance.now() + warmupMs;
  while (performance.now() < warmupEnd) for (let i = 0; i < BATCH; i++) codec.decode(codec.encode(message));
  let rounds = 0;
  let found = 0;
  const cpuStarted = process.cpuUsage();
  const started = performance.now();
  const deadline = started + durationMs;
  while (performance.now() < deadline) {
    for (let i = 0; i < BATCH; i++) if (codec.decode(codec.encode(message)).fields[last] !== undefined) found++;
    rounds += BATCH;
  }
  const seconds = (performance.now() - started) / 1_000;
  const cpu = process.cpuUsage(cpuStarted);
  if (found !== rounds) throw new Error(`${specName}: a round trip lost field ${last}`);
  return { roundTrips: rounds, seconds, cpuSeconds: (cpu.user + cpu.system) / 1e6 };
}
