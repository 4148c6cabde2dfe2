import { deepStrictEqual } from 'node:assert';
import { parseArgs } from 'node:util';

import { encodeBerTlv, Iso8583Codec, type Iso8583Message } from '@payments/iso8583';

/**
 * Encode + decode throughput of the ISO 8583 codec on one core, for each built-in spec:
 *   npm run build && node dist/test/bench/codec.bench.js [--duration 3]
 * The message is a chip purchase request (0200 for the 1987 specs, 1200 for 1993) built here:
 * the library's testing helpers are not part of the build. Bounded: a warm-up of at most
 * 20 000 rounds or 1 s, then `--duration` seconds (default 3, at most 60) per spec.
 */
const WARMUP_ROUNDS = 20_000;
const WARMUP_MS = 1_000;
const BATCH = 1_000;

// Public test PAN, made-up track 2, PIN block and cryptogram.
const PAN = '4761739001010119';
const ICC = encodeBerTlv([
  { tag: '9F26', value: 'C2C12B098F3DA6E3' },
  { tag: '9F27', value: '80' },
  { tag: '9F10', value: '0110A00003220000000000000000000000FF' },
  { tag: '9F37', value: '9BADBCAB' },
  { tag: '9F36', value: '0042' },
  { tag: '95', value: '0000008000' },
  { tag: '9A', value: '261122' },
  { tag: '9C', value: '00' },
  { tag: '9F02', value: '000000001234' },
  { tag: '5F2A', value: '0417' },
  { tag: '82', value: '1980' },
  { tag: '9F1A', value: '0417' },
  { tag: '9F33', value: 'E0F8C8' },
  { tag: '9F34', value: '420300' },
  { tag: '84', value: 'A0000000041010' },
]);
const COMMON = { 2: PAN, 3: '000000', 4: '000000001234', 7: '1122054730', 11: '000042', 14: '2512', 35: `${PAN}=25122011143804400000` };
const CARD_ACCEPTOR = { 37: '632605000042', 41: 'TERM0001', 42: 'MERCHANT0000001', 49: '417', 52: '0412AC89ABCDEF67', 55: ICC };

const PURCHASES: Record<string, Iso8583Message> = {
  '1987': {
    mti: '0200',
    fields: { ...COMMON, ...CARD_ACCEPTOR, 12: '114730', 13: '1122', 22: '051', 25: '00', 43: 'TEST SHOP               BISHKEK       KG' },
  },
  '1993': { mti: '1200', fields: { ...COMMON, ...CARD_ACCEPTOR, 12: '261122114730', 22: '510101511344', 24: '200', 26: '5411', 43: 'TEST SHOP>BISHKEK KG' } },
};

function measure(specName: string, message: Iso8583Message, durationMs: number): string {
  const codec = Iso8583Codec.forSpec(specName);
  const size = codec.encode(message).length;
  deepStrictEqual(codec.decode(codec.encode(message)), message);
  const warmupEnd = performance.now() + WARMUP_MS;
  for (let i = 0; i < WARMUP_ROUNDS && performance.now() < warmupEnd; i++) codec.decode(codec.encode(message));
  let rounds = 0;
  let fields = 0;
  const started = performance.now();
  const deadline = started + durationMs;
  while (performance.now() < deadline) {
    for (let i = 0; i < BATCH; i++) fields += Object.keys(codec.decode(codec.encode(message)).fields).length;
    rounds += BATCH;
  }
  const seconds = (performance.now() - started) / 1_000;
  if (fields !== rounds * Object.keys(message.fields).length) throw new Error(`${specName}: a round trip lost fields`);
  const perSecond = Math.round(rounds / seconds).toLocaleString('en-US');
  return `${specName.padEnd(12)} ${perSecond.padStart(9)} encode+decode/s  ${size} bytes/message  (${rounds.toLocaleString('en-US')} round trips of a ${message.mti} in ${seconds.toFixed(2)} s)`;
}

function main(): void {
  const { values } = parseArgs({ options: { duration: { type: 'string', default: '3' } } });
  const duration = Number(values.duration);
  if (!(duration > 0 && duration <= 60)) throw new Error('--duration: seconds per spec, more than 0 and at most 60');
  console.log(`ISO 8583 codec, one core, node ${process.version}, ${duration} s per spec`);
  for (const [spec, version] of [
    ['iso87ascii', '1987'],
    ['iso87binary', '1987'],
    ['iso93ascii', '1993'],
    ['iso93binary', '1993'],
  ]) {
    console.log(measure(spec, PURCHASES[version], duration * 1_000));
  }
}

main();
