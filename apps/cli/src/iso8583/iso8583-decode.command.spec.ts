import { Iso8583Codec } from '@payments/iso8583';

import { FakeCliIo } from '../testing/fake-cli-io.util';
import { purchaseRequest, TEST_PAN } from '../testing/sample-message.util';
import { runIso8583Decode } from './iso8583-decode.command';

describe(runIso8583Decode.name, () => {
  const sut = runIso8583Decode;
  const asciiHex = Iso8583Codec.forSpec('iso87ascii').encode(purchaseRequest()).toString('hex').toUpperCase();

  async function decode(spec: string, hex: string): Promise<{ code: number; io: FakeCliIo }> {
    const io = new FakeCliIo();
    const code = await sut({ spec, hex }, io);
    return { code, io };
  }

  it.each(['iso87ascii', 'iso87binary'])('prints the %s message as one JSON line and exits 0', async (spec) => {
    const hex = Iso8583Codec.forSpec(spec).encode(purchaseRequest()).toString('hex');

    const { code, io } = await decode(spec, hex);

    expect(code).toBe(0);
    expect(io.err).toBe('');
    expect(io.out.endsWith('\n')).toBe(true);
    expect(io.out.trimEnd()).not.toContain('\n');
    expect(JSON.parse(io.out)).toEqual({ mti: '0200', fields: stringKeys(purchaseRequest().fields) });
  });

  it('orders field keys numerically and writes binary fields as uppercase hex', async () => {
    const { io } = await decode('iso87ascii', asciiHex.toLowerCase());

    expect(io.out).toMatch(/^\{"mti":"0200","fields":\{"2":"[0-9]+","3":"000000","4":"000000001234","11":/);
    expect(io.out).toContain('"41":"TERM0001","49":"417","52":"0412AC89ABCDEF67","70":"301"}}');
  });

  it.each<[string, string, string, RegExp]>([
    ['an unknown spec, listing the known ones', 'nope', asciiHex, /^error: unknown ISO 8583 spec nope; known: .*iso87ascii/],
    ['an empty --hex', 'iso87ascii', '', /^error: --hex is empty$/],
    ['an odd-length --hex', 'iso87ascii', asciiHex.slice(0, -1), /^error: --hex has an odd number of hex digits \(\d+\)$/],
    ['a non-hex --hex', 'iso87ascii', `${asciiHex.slice(0, 10)}ZZ`, /^error: --hex has a non-hex character at position 10$/],
    // MTI 4 + two hex bitmaps 32 + LL prefix 2: the PAN starts at byte 38; cut it after 10 digits.
    ['a truncated message', 'iso87ascii', asciiHex.slice(0, (38 + 10) * 2), /^error: field 2 at offset 38: truncated/],
    ['trailing bytes', 'iso87ascii', `${asciiHex}00`, /^error: message at offset \d+: 1 trailing bytes/],
    ['bytes that are not this spec', 'iso87binary', asciiHex, /^error: (MTI|bitmap|field \d+|message) at offset \d+: /],
  ])('rejects %s with one stderr line and nothing on stdout', async (_case, spec, hex, line) => {
    const { code, io } = await decode(spec, hex);

    expect(code).toBe(1);
    expect(io.out).toBe('');
    expect(io.errLines()).toEqual([expect.stringMatching(line)]);
    expect(io.err).not.toContain(TEST_PAN);
  });
});

function stringKeys(fields: Record<number, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(fields));
}
