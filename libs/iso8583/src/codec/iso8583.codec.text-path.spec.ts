import { Iso8583FormatError } from '../iso8583-format.error';
import { specFromDefinition } from '../dialect/spec-file.loader';
import type { Iso8583Message, Iso8583Spec } from '../spec/iso8583-spec.types';
import { getSpec } from '../spec/spec.registry';
import { mutate, prng } from '../testing/byte-mutation.util';
import { purchaseRequest, purchaseRequest1993, TEST_PIN_BLOCK } from '../testing/sample-messages.util';
import { Iso8583Codec } from './iso8583.codec';

const ITERATIONS = 3000;
const SEED = 8583;

/**
 * A text-wire codec that has encoded and decoded a bitmap once takes the one-text path for it
 * (text-layout.ts); a codec that has not takes the field-by-field path. Both must give the same
 * bytes, the same message or the same error for any input: these specs feed damaged messages
 * and damaged values to a warmed codec and to a fresh one and compare.
 */
type Outcome = string;

function outcome(run: () => Buffer | Iso8583Message): Outcome {
  try {
    const result = run();
    return Buffer.isBuffer(result) ? `bytes ${result.toString('hex')}` : `message ${JSON.stringify(result)}`;
  } catch (error) {
    if (!(error instanceof Iso8583FormatError)) throw error;
    return `error ${error.field} ${error.offset} ${error.message}`;
  }
}

const LENIENT_ASCII_HOST = specFromDefinition({
  name: 'lenient-ascii-host',
  extends: 'iso87ascii',
  lenient: ['trailing-bytes'],
  fields: { 4: { lenient: ['space-padded-numeric'] }, 37: { lenient: ['non-alphanumeric'] }, 43: { lenient: ['latin1'] } },
});

const CASES: [string, Iso8583Spec, Iso8583Message][] = [
  ['iso87ascii', getSpec('iso87ascii'), purchaseRequest()],
  ['iso93ascii', getSpec('iso93ascii'), purchaseRequest1993()],
  ['a lenient iso87ascii dialect', LENIENT_ASCII_HOST, purchaseRequest()],
];

/** Characters a caller may put in a value by mistake: other classes, lowercase hex, Latin-1, beyond Latin-1, a lone surrogate. */
const ODD_CHARACTERS = ['A', 'a', 'f', '0', '9', '=', ' ', '-', '\n', '\x7f', '\xe9', '\u0130', '\u0100', '\ud800', '\u{1f600}'];

/** One random damage to one value: a character replaced or added, the value cut or made longer, or not a string. */
function damageValue(message: Iso8583Message, random: () => number): Iso8583Message {
  const numbers = Object.keys(message.fields).map(Number);
  const field = numbers[Math.floor(random() * numbers.length)];
  const value = message.fields[field];
  const at = Math.floor(random() * (value.length + 1));
  const odd = ODD_CHARACTERS[Math.floor(random() * ODD_CHARACTERS.length)];
  const damaged: Record<number, unknown> = { ...message.fields };
  switch (Math.floor(random() * 5)) {
    case 0:
      damaged[field] = value.slice(0, at) + odd + value.slice(at + 1);
      break;
    case 1:
      damaged[field] = value.slice(0, at) + odd + value.slice(at);
      break;
    case 2:
      damaged[field] = value.slice(0, at);
      break;
    case 3:
      damaged[field] = value + value.slice(0, at);
      break;
    default:
      damaged[field] = random() < 0.5 ? undefined : 42;
  }
  return { mti: message.mti, fields: damaged as Record<number, string> };
}

describe(`${Iso8583Codec.name} one-text path`, () => {
  const warmed = (spec: Iso8583Spec, message: Iso8583Message): Iso8583Codec => {
    const codec = Iso8583Codec.forSpec(spec);
    codec.decode(codec.encode(message));
    return codec;
  };

  it.each(CASES)('decodes every damaged %s message as the field-by-field path does', (_name, spec, message) => {
    const sut = warmed(spec, message);
    const base = sut.encode(message);
    const random = prng(SEED);
    const differences: string[] = [];

    for (let i = 0; i < ITERATIONS; i++) {
      let input = base;
      for (let m = 1 + Math.floor(random() * 2); m > 0; m--) input = mutate(input, random);
      const fast = outcome(() => sut.decode(input));
      const fieldByField = outcome(() => Iso8583Codec.forSpec(spec).decode(input));
      if (fast !== fieldByField) differences.push(`#${i}: ${fast} / ${fieldByField}`);
    }

    expect(differences).toEqual([]);
  });

  it.each(CASES)('encodes every damaged %s message as the field-by-field path does', (_name, spec, message) => {
    const sut = warmed(spec, message);
    const random = prng(SEED);
    const differences: string[] = [];

    for (let i = 0; i < ITERATIONS; i++) {
      const damaged = damageValue(message, random);
      const fast = outcome(() => sut.encode(damaged));
      const fieldByField = outcome(() => Iso8583Codec.forSpec(spec).encode(damaged));
      if (fast !== fieldByField) differences.push(`#${i}: ${fast} / ${fieldByField}`);
    }

    expect(differences).toEqual([]);
  });

  it('decodes a message wherever it lies in memory, and refuses a bad byte at any position of a word', () => {
    const sut = warmed(getSpec('iso87ascii'), purchaseRequest());
    const wire = sut.encode(purchaseRequest());

    for (let at = 0; at < 8; at++) {
      const memory = Buffer.alloc(wire.length + 16, 0x7f);
      wire.copy(memory, at);
      const input = memory.subarray(at, at + wire.length);

      expect(sut.decode(input)).toEqual(purchaseRequest());
      // The last byte of DE 43 (ans), then one byte later each time: never let through.
      const field43End = wire.indexOf('KG', 20, 'latin1') + 1;
      input[field43End - (at % 4)] = 0x7f;
      expect(outcome(() => sut.decode(input))).toMatch(/^error 4[13] /);
    }
  });

  it('takes values it must change (a short fixed value, lowercase hex) by the field-by-field path', () => {
    const sut = warmed(getSpec('iso87ascii'), purchaseRequest());

    const decoded = sut.decode(sut.encode({ mti: '0200', fields: { ...purchaseRequest().fields, 4: '1234', 52: TEST_PIN_BLOCK.toLowerCase() } }));

    expect([decoded.fields[4], decoded.fields[52]]).toEqual(['000000001234', TEST_PIN_BLOCK]);
  });
});
