import { Readable } from 'node:stream';

import { Iso8583Codec } from '@payments/iso8583';

import { FakeCliIo } from '../testing/fake-cli-io.util';
import { purchaseRequest, TEST_PAN } from '../testing/sample-message.util';
import { runIso8583Decode } from './iso8583-decode.command';
import { runIso8583Encode } from './iso8583-encode.command';

describe(runIso8583Encode.name, () => {
  const sut = runIso8583Encode;
  const json = JSON.stringify(purchaseRequest());

  async function encode(spec: string, stdin: string): Promise<{ code: number; io: FakeCliIo }> {
    const io = new FakeCliIo(stdin);
    const code = await sut({ spec }, io);
    return { code, io };
  }

  it.each(['iso87ascii', 'iso87binary'])('prints the %s wire bytes as uppercase hex and exits 0', async (spec) => {
    const { code, io } = await encode(spec, `${json}\n`);

    expect(code).toBe(0);
    expect(io.err).toBe('');
    expect(io.out).toBe(`${Iso8583Codec.forSpec(spec).encode(purchaseRequest()).toString('hex').toUpperCase()}\n`);
  });

  it.each(['iso87ascii', 'iso87binary'])('round-trips with decode for %s: decode(encode(json)) is json', async (spec) => {
    const hex = (await encode(spec, json)).io.out.trim();
    const decoded = new FakeCliIo();

    await runIso8583Decode({ spec, hex }, decoded);

    expect(decoded.out).toBe(`${json}\n`);
  });

  it.each<[string, string, string, RegExp]>([
    ['an unknown spec', 'nope', json, /^error: unknown ISO 8583 spec nope; known: /],
    ['empty stdin', 'iso87ascii', ' \n', /^error: stdin is empty; expected the message JSON$/],
    ['invalid JSON, without quoting it', 'iso87ascii', `{"mti":"0200","fields":{"2":x${TEST_PAN}}}`, /^error: stdin is not valid JSON/],
    ['JSON that is not an object', 'iso87ascii', '[1]', /^error: message JSON: .*expected object/],
    ['a missing mti', 'iso87ascii', '{"fields":{}}', /^error: message JSON at mti: .*expected string/],
    ['an unknown top-level key', 'iso87ascii', '{"mti":"0200","fields":{},"bitmap":"x"}', /^error: message JSON: Unrecognized key/],
    ['a field number with a leading zero', 'iso87ascii', '{"mti":"0200","fields":{"04":"1"}}', /^error: message JSON at fields\.04: .*without leading zeros/],
    ['a non-string value', 'iso87ascii', '{"mti":"0200","fields":{"4":100}}', /^error: message JSON at fields\.4: .*expected string/],
    ['a value the spec rejects', 'iso87ascii', '{"mti":"0200","fields":{"3":"000000","4":"12AB"}}', /^error: field 4 at offset 26: .*not numeric/],
    ['a field the spec does not define', 'iso87ascii', '{"mti":"0200","fields":{"200":"1"}}', /^error: field 200 at offset 4: .*not defined/],
    ['a bad MTI', 'iso87ascii', '{"mti":"02","fields":{}}', /^error: MTI at offset 0: /],
  ])('rejects %s with one stderr line and nothing on stdout', async (_case, spec, stdin, line) => {
    const { code, io } = await encode(spec, stdin);

    expect(code).toBe(1);
    expect(io.out).toBe('');
    expect(io.errLines()).toEqual([expect.stringMatching(line)]);
    expect(io.err).not.toContain(TEST_PAN);
  });

  it('refuses a terminal on stdin instead of waiting for it', async () => {
    const io = new FakeCliIo();
    const terminal = Object.assign(Readable.from([]), { isTTY: true });

    await expect(sut({ spec: 'iso87ascii' }, { stdin: terminal, stdout: io.stdout, stderr: io.stderr })).resolves.toBe(1);
    expect(io.errLines()).toEqual([expect.stringMatching(/^error: expected the input on stdin/)]);
  });
});
