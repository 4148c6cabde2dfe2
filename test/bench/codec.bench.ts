import { parseArgs } from 'node:util';

import { Iso8583Codec } from '@payments/iso8583';

import { repoRoot } from '../support/repo-root.util';
import { BENCH_CASES } from './codec-bench.messages';
import { measureCodecFloor } from './codec-floor.measure';
import { measureCodec, type Measurement } from './codec.measure';
import { prepareJpos } from './jpos/jpos.runner';

/**
 * ISO 8583 encode + decode throughput of the codec and of jPOS 2.1.9, one thread each, on the same
 * message, in one run:
 *   npm run build && npm run bench:codec [-- --duration 3 --warmup 2 --specs iso87ascii]
 * For each spec the codec runs, then jPOS on the bytes the codec wrote (jPOS must pack them back
 * identically). Rates are round trips per CPU second of the whole process (GC and JIT threads
 * included): per core, and steady when other work shares the machine; wall-clock rates are shown
 * beside them. The last line compares the benchmark message (iso87ascii, the links' default).
 * For the benchmark message (iso87ascii, all text) it also measures the floor (codec-floor.measure.ts): the same round trip
 * with nothing checked, the least any codec on this runtime can take, and its ratio to jPOS.
 * Bounded: `--warmup` + `--duration` seconds per spec and side (at most 60 each).
 */
function rate(m: Measurement): number {
  return m.roundTrips / m.cpuSeconds;
}

function describe(m: Measurement): string {
  return `${Math.round(rate(m)).toLocaleString('en-US').padStart(9)}/s (wall ${Math.round(m.roundTrips / m.seconds).toLocaleString('en-US')}/s)`;
}

function seconds(value: string, name: string): number {
  const n = Number(value);
  if (!(n > 0 && n <= 60)) throw new Error(`--${name}: seconds, more than 0 and at most 60`);
  return n;
}

function main(): void {
  const { values } = parseArgs({
    options: {
      duration: { type: 'string', default: '3' },
      warmup: { type: 'string', default: '2' },
      specs: { type: 'string', default: BENCH_CASES.map((c) => c.spec).join(',') },
    },
  });
  const duration = seconds(values.duration, 'duration');
  const warmup = seconds(values.warmup, 'warmup');
  const cases = values.specs.split(',').map((spec) => {
    const found = BENCH_CASES.find((c) => c.spec === spec);
    if (!found) throw new Error(`--specs: ${spec} is not one of ${BENCH_CASES.map((c) => c.spec).join(', ')}`);
    return found;
  });
  const jpos = prepareJpos(repoRoot());
  console.log(`ISO 8583 encode+decode, one thread each, node ${process.version}, ${warmup} s warm-up, ${duration} s per spec and side`);
  console.log('rates: round trips per CPU second of the whole process (GC and JIT threads included)');
  if ('unavailable' in jpos) console.log(`jPOS: not measured: ${jpos.unavailable}`);
  const ratios = new Map<string, { codec: number; jpos?: number }>();
  for (const { spec, message, jposPackager } of cases) {
    const wire = Iso8583Codec.forSpec(spec).encode(message);
    const codec = measureCodec(spec, message, warmup * 1_000, duration * 1_000);
    let line = `${spec.padEnd(12)} ${message.mti} ${wire.length} bytes  codec ${describe(codec)}`;
    let jposRate: number | undefined;
    if ('run' in jpos) {
      const j = jpos.run(jposPackager, wire, warmup, duration);
      jposRate = rate(j);
      line += `  jPOS ${jposPackager} ${describe(j)}  ratio ${(rate(codec) / jposRate).toFixed(2)}  ${j.sameBytes ? 'same bytes' : 'BYTES DIFFER'}`;
      if (!j.sameBytes) process.exitCode = 1;
    }
    console.log(line);
    if (spec === 'iso87ascii') {
      const floor = measureCodecFloor(message, wire, warmup * 1_000, duration * 1_000);
      const versus = jposRate === undefined ? '' : `, floor/jPOS ${(rate(floor) / jposRate).toFixed(2)}`;
      console.log(`${''.padEnd(12)} floor, nothing checked ${describe(floor)}, codec/floor ${(rate(codec) / rate(floor)).toFixed(2)}${versus}`);
    }
    ratios.set(spec, { codec: rate(codec), jpos: jposRate });
  }
  const [first] = cases;
  const headline = ratios.get(first.spec) as { codec: number; jpos?: number };
  const codecRate = `codec ${Math.round(headline.codec).toLocaleString('en-US')}/s`;
  console.log(
    headline.jpos === undefined
      ? `${codecRate}, jPOS not measured (see above)  [${first.spec} ${first.message.mti}]`
      : `${codecRate}, jPOS ${Math.round(headline.jpos).toLocaleString('en-US')}/s, ratio ${(headline.codec / headline.jpos).toFixed(2)}  [${first.spec} ${first.message.mti}]`,
  );
}

main();
