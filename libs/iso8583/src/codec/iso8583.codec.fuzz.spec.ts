import { Iso8583FormatError } from '../iso8583-format.error';
import { readJposBin } from '../testing/jpos-fixture.util';
import { purchaseRequest, TEST_PAN, TEST_TRACK2 } from '../testing/sample-messages.util';
import { Iso8583Codec } from './iso8583.codec';

/** mulberry32: a tiny seeded PRNG so every run mutates the same way (reproducible failures). */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function mutate(base: Buffer, random: () => number): Buffer {
  const at = Math.floor(random() * base.length);
  const byte = Math.floor(random() * 256);
  switch (Math.floor(random() * 5)) {
    case 0: {
      const out = Buffer.from(base);
      out[at] = byte;
      return out;
    }
    case 1:
      return base.subarray(0, at);
    case 2:
      return Buffer.concat([base.subarray(0, at), Buffer.from([byte]), base.subarray(at)]);
    case 3:
      return Buffer.concat([base.subarray(0, at), base.subarray(at + 1)]);
    default: {
      // A digit swapped for another digit keeps most structure: it reaches deeper into the field table.
      const out = Buffer.from(base);
      out[at] = 0x30 + (byte % 10);
      return out;
    }
  }
}

describe(`${Iso8583Codec.name} fuzz`, () => {
  const ITERATIONS = 3000;

  it.each(['iso87ascii', 'iso87binary'])('every mutated %s message either decodes or throws Iso8583FormatError', (specName) => {
    const sut = Iso8583Codec.forSpec(specName);
    const random = prng(8583);
    const bases = [sut.encode(purchaseRequest()), sut.encode({ mti: '0810', fields: { 7: '1122054730', 11: '000001', 39: '00', 70: '301' } })];
    if (specName === 'iso87ascii') bases.push(readJposBin('ISO87APackager.bin'));
    const outcomes = { decoded: 0, rejected: 0 };

    for (let i = 0; i < ITERATIONS; i++) {
      let input = bases[i % bases.length];
      for (let m = 1 + Math.floor(random() * 3); m > 0; m--) input = mutate(input, random);
      try {
        const message = sut.decode(input);
        // Whatever decodes must encode again into something that decodes to the same message.
        expect(sut.decode(sut.encode(message))).toEqual(message);
        outcomes.decoded++;
      } catch (error) {
        if (!(error instanceof Iso8583FormatError)) throw error;
        expect(error.message).not.toContain(TEST_PAN);
        expect(error.message).not.toContain(TEST_TRACK2);
        outcomes.rejected++;
      }
    }

    expect(outcomes.decoded + outcomes.rejected).toBe(ITERATIONS);
    expect(outcomes.rejected).toBeGreaterThan(ITERATIONS / 2);
    expect(outcomes.decoded).toBeGreaterThan(0);
  });
});
