import { decodeBerTlv } from '../emv/ber-tlv.decoder';
import { encodeBerTlv } from '../emv/ber-tlv.encoder';
import { Iso8583FormatError } from '../iso8583-format.error';
import { mutate, prng } from '../testing/byte-mutation.util';
import { CHIP_PURCHASE_ICC_HEX } from '../testing/icc-data.util';
import { readJposBin } from '../testing/jpos-fixture.util';
import { purchaseRequest, purchaseRequest1993, TEST_PAN, TEST_TRACK2 } from '../testing/sample-messages.util';
import { Iso8583Codec } from './iso8583.codec';

const ITERATIONS = 3000;
const SEED = 8583;

/**
 * Why a rejection is not acceptable, or null: it must be our error type, naming a field (or the
 * message) and an offset inside the input, without card data. Plain checks, not expect(): the
 * loops run thousands of times and collect problems with the iteration number to reproduce them.
 */
function rejectionProblem(error: unknown, input: Buffer): string | null {
  if (!(error instanceof Iso8583FormatError)) return `threw ${String(error)}`;
  const where = `${error.field === null ? 'message' : `field ${error.field}`} at byte offset ${error.offset}`;
  if (error.offset < 0 || error.offset > input.length) return `offset ${error.offset} outside input of ${input.length} bytes`;
  if (!error.message.includes(where)) return `message does not name "${where}"`;
  if (error.message.includes(TEST_PAN) || error.message.includes(TEST_TRACK2)) return 'message contains card data';
  return null;
}

describe(`${Iso8583Codec.name} fuzz`, () => {
  const networkManagement87 = { mti: '0810', fields: { 7: '1122054730', 11: '000001', 39: '00', 70: '301' } };
  const networkManagement93 = { mti: '1814', fields: { 7: '1122054730', 11: '000001', 24: '831', 39: '800' } };

  it.each([
    ['iso87ascii', [purchaseRequest(), networkManagement87], 'ISO87APackager.bin'],
    ['iso87binary', [purchaseRequest(), networkManagement87], 'ISO87BPackager.bin'],
    ['iso93ascii', [purchaseRequest1993(), networkManagement93], 'ISO93APackager.bin'],
    ['iso93binary', [purchaseRequest1993(), networkManagement93], 'ISO93BPackager.bin'],
  ])('every damaged %s message either decodes completely or throws Iso8583FormatError', (specName, messages, jposBin) => {
    const sut = Iso8583Codec.forSpec(specName);
    const random = prng(SEED);
    const bases = [...messages.map((m) => sut.encode(m)), readJposBin(jposBin)];
    const outcomes = { decoded: 0, rejected: 0 };
    const problems: string[] = [];

    for (let i = 0; i < ITERATIONS; i++) {
      let input = bases[i % bases.length];
      for (let m = 1 + Math.floor(random() * 3); m > 0; m--) input = mutate(input, random);
      try {
        const message = sut.decode(input);
        // Never a partial message: every input byte belongs to a field, and the message encodes again
        // into something that decodes to the same message.
        const again = sut.encode(message);
        if (again.length !== input.length) problems.push(`#${i}: decoded ${again.length} of ${input.length} bytes`);
        else if (JSON.stringify(sut.decode(again)) !== JSON.stringify(message)) problems.push(`#${i}: re-encoding changed the message`);
        outcomes.decoded++;
      } catch (error) {
        const problem = rejectionProblem(error, input);
        if (problem) problems.push(`#${i}: ${problem}`);
        outcomes.rejected++;
      }
    }

    expect(problems).toEqual([]);
    expect(outcomes.rejected).toBeGreaterThan(ITERATIONS / 2);
    expect(outcomes.decoded).toBeGreaterThan(0);
  });

  it('every damaged ICC data block either parses or throws Iso8583FormatError naming field 55', () => {
    const random = prng(SEED);
    const base = Buffer.from(CHIP_PURCHASE_ICC_HEX, 'hex');
    const outcomes = { decoded: 0, rejected: 0 };
    const problems: string[] = [];

    for (let i = 0; i < ITERATIONS; i++) {
      const input = mutate(base, random);
      try {
        const objects = decodeBerTlv(input.toString('hex'));
        // Non-minimal lengths (81 05) may be re-encoded shorter, so compare the structure, not the bytes.
        if (JSON.stringify(decodeBerTlv(encodeBerTlv(objects))) !== JSON.stringify(objects)) problems.push(`#${i}: re-encoding changed the data`);
        outcomes.decoded++;
      } catch (error) {
        const problem = rejectionProblem(error, input) ?? ((error as Iso8583FormatError).field === 55 ? null : 'names another field');
        if (problem) problems.push(`#${i}: ${problem}`);
        outcomes.rejected++;
      }
    }

    expect(problems).toEqual([]);
    expect(outcomes.decoded).toBeGreaterThan(0);
    expect(outcomes.rejected).toBeGreaterThan(0);
  });
});
