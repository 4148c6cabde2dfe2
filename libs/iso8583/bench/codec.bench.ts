/**
 * Encode + decode throughput of a typical chip purchase 0200 on one core.
 * Run (from the repository root):
 *   npx tsc libs/iso8583/bench/codec.bench.ts --outDir /tmp/iso8583-bench --module commonjs \
 *     --target es2022 --types node --skipLibCheck && node /tmp/iso8583-bench/bench/codec.bench.js
 * Bounded: a fixed warm-up then a fixed duration; prints one line per spec.
 */
import { Iso8583Codec } from '../src';
import { purchaseRequest } from '../src/testing/sample-messages.util';

const WARMUP_ROUNDS = 20_000;
const DURATION_MS = 3_000;

function measure(specName: string): void {
  const codec = Iso8583Codec.forSpec(specName);
  const request = purchaseRequest();
  for (let i = 0; i < WARMUP_ROUNDS; i++) codec.decode(codec.encode(request));
  let rounds = 0;
  let bytes = 0;
  const started = process.hrtime.bigint();
  const deadline = started + BigInt(DURATION_MS) * 1_000_000n;
  while (process.hrtime.bigint() < deadline) {
    for (let i = 0; i < 1_000; i++) {
      const wire = codec.encode(request);
      bytes = wire.length;
      codec.decode(wire);
    }
    rounds += 1_000;
  }
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const perSecond = Math.round(rounds / seconds);
  console.log(`${specName}: ${perSecond} encode+decode/s of a ${bytes}-byte 0200 (${rounds} rounds in ${seconds.toFixed(2)} s)`);
}

for (const spec of ['iso87ascii', 'iso87binary']) measure(spec);
