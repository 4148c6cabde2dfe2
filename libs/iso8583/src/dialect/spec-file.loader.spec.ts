import { join } from 'node:path';

import { Iso8583Codec } from '../codec/iso8583.codec';
import { TEST_ICC } from '../testing/sample-messages.util';
import { ISO87_BINARY_SPEC } from '../spec/iso87binary.fields';
import { Iso8583SpecFileError } from './spec-file.error';
import { loadSpecFile, specFromDefinition } from './spec-file.loader';
import { getSpec, registerSpec } from '../spec/spec.registry';

const ACME_HOST_FILE = join(__dirname, '..', '..', 'specs', 'acme-host.json');

function issuesOf(definition: unknown): readonly string[] {
  try {
    specFromDefinition(definition, 'test');
  } catch (error) {
    if (error instanceof Iso8583SpecFileError) return error.issues;
    throw error;
  }
  throw new Error('expected an Iso8583SpecFileError');
}

describe(loadSpecFile.name, () => {
  const sut = loadSpecFile;

  describe('the example acquirer dialect acme-host.json', () => {
    const spec = sut(ACME_HOST_FILE);
    let codec: Iso8583Codec;
    beforeAll(() => {
      registerSpec(spec);
      codec = Iso8583Codec.forSpec('acme-host');
    });
    const message = { mti: '0200', fields: { 3: '000000', 4: '000000001234', 48: 'R'.repeat(120), 55: TEST_ICC } };

    it('registers under its name and round-trips a message using the overridden fields', () => {
      expect(getSpec('acme-host')).toBe(spec);
      expect(codec.decode(codec.encode(message))).toEqual(message);
    });

    it('sends DE 55 as raw bytes where iso87binary sends hex text', () => {
      const iccBytes = TEST_ICC.length / 2;
      const dialect = codec.encode(message).toString('hex').toUpperCase();
      const base = Iso8583Codec.forSpec('iso87binary').encode(message).toString('hex').toUpperCase();

      expect(dialect.endsWith(iccBytes.toString().padStart(4, '0') + TEST_ICC)).toBe(true);
      expect(base.endsWith(TEST_ICC.length.toString().padStart(4, '0') + Buffer.from(TEST_ICC).toString('hex').toUpperCase())).toBe(true);
    });

    it('changes only the keys an override gives and keeps the rest of iso87binary', () => {
      expect(spec.fields[62]).toEqual({ ...ISO87_BINARY_SPEC.fields[62], maxLength: 120 });
      expect(spec.fields[2]).toEqual(ISO87_BINARY_SPEC.fields[2]);
      expect(spec.mtiEncoding).toBe('bcd');
      expect(() => codec.encode({ mti: '0200', fields: { 62: 'X'.repeat(121) } })).toThrow(/field 62 .*exceeds maximum 120/);
    });

    it('cannot be registered twice', () => {
      expect(() => registerSpec(spec)).toThrow(/already registered/);
    });
  });

  it('reports a file that is not JSON', () => {
    expect(() => sut(join(__dirname, 'iso93ascii.fields.ts'))).toThrow(/iso93ascii.fields.ts is invalid: cannot be read or parsed as JSON/);
  });

  describe('an invalid definition throws Iso8583SpecFileError naming the bad key', () => {
    const dialect = { name: 'bad-host', extends: 'iso87ascii' };

    it.each<[string, unknown, string]>([
      [
        'bad length type',
        { ...dialect, fields: { 48: { lengthType: 'LVAR' } } },
        'fields.48.lengthType: Invalid option: expected one of "FIXED"|"LLVAR"|"LLLVAR"',
      ],
      ['misspelt key', { ...dialect, fields: { 48: { lenghtType: 'LLVAR' } } }, 'fields.48: Unrecognized key: "lenghtType"'],
      ['field number out of range', { ...dialect, fields: { 130: { maxLength: 3 } } }, 'fields.130: field number must be 2-128 (1 is the bitmap)'],
      [
        'maximum too long for the prefix',
        { ...dialect, fields: { 2: { maxLength: 100 } } },
        'fields.2: spec bad-host: field 2 has an invalid maxLength for LLVAR',
      ],
      [
        'binary class on a text encoding',
        { ...dialect, fields: { 48: { contentClass: 'b', encoding: 'ascii' } } },
        'fields.48: spec bad-host: field 48 combines content class b with encoding ascii',
      ],
      ['unknown leniency rule', { ...dialect, fields: { 43: { lenient: ['anything'] } } }, 'fields.43.lenient.0: Invalid option: expected one of'],
      [
        'leniency the class cannot carry',
        { ...dialect, fields: { 2: { lenient: ['latin1'] } } },
        'fields.2: spec bad-host: field 2: leniency rule latin1 applies to ASCII a/an/ans fields only',
      ],
      [
        'space-padded numeric on a BCD wire',
        { ...dialect, extends: 'iso87binary', fields: { 4: { lenient: ['space-padded-numeric'] } } },
        'fields.4: spec bad-host: field 4: leniency rule space-padded-numeric applies to ASCII n fields only',
      ],
      ['field rule for the message', { ...dialect, lenient: ['latin1'] }, 'lenient.0: Invalid input: expected "trailing-bytes"'],
      ['unknown base spec', { ...dialect, extends: 'iso99' }, 'extends: unknown ISO 8583 spec iso99; known: iso87ascii, iso87binary, iso93ascii, iso93binary'],
      ['name with spaces', { ...dialect, name: 'Bad Host' }, 'name: lowercase letters, digits and dashes'],
      ['no name', { extends: 'iso87ascii' }, 'name: Invalid input: expected string, received undefined'],
    ])('%s', (_case, definition, issue) => {
      // Contained, not equal: the list of known specs grows with what other tests register.
      expect(issuesOf(definition)).toEqual([expect.stringContaining(issue)]);
    });

    it('lists every problem at once', () => {
      expect(issuesOf({ ...dialect, fields: { 4: { maxLength: 0 }, 11: { pad: 'middle' } } })).toEqual([
        'fields.4.maxLength: Too small: expected number to be >=1',
        'fields.11.pad: Invalid option: expected one of "left"|"right"',
      ]);
    });

    it('asks for the spec-level keys and whole fields when the definition extends no spec', () => {
      expect(issuesOf({ name: 'standalone', fields: { 2: { maxLength: 19 } } })).toEqual([
        'mtiEncoding: required when the definition extends no spec',
        'bitmapEncoding: required when the definition extends no spec',
        'prefixEncoding: required when the definition extends no spec',
      ]);
      expect(
        issuesOf({ name: 'standalone', mtiEncoding: 'ascii', bitmapEncoding: 'hex', prefixEncoding: 'ascii', fields: { 2: { maxLength: 19 } } }),
      ).toContain('fields.2.lengthType: required for a field the definition does not define');
    });
  });

  it('builds a complete spec without extends', () => {
    const encodings = { n: 'ascii', a: 'ascii', an: 'ascii', ans: 'ascii', b: 'hex', z: 'ascii', xn: 'ascii' };
    const spec = specFromDefinition({
      name: 'tiny-host',
      mtiEncoding: 'ascii',
      bitmapEncoding: 'hex',
      prefixEncoding: 'ascii',
      encodings,
      fields: { 11: { name: 'STAN', lengthType: 'FIXED', maxLength: 6, contentClass: 'n' } },
    });
    const codec = Iso8583Codec.forSpec(spec);

    expect(codec.encode({ mti: '0800', fields: { 11: '42' } }).toString('latin1')).toBe('08000020000000000000000042');
  });
});
