import { join } from 'node:path';

import type { LeniencyLabels, LeniencyMetric, LeniencyWarning } from '../leniency/leniency.types';
import { loadSpecFile, specFromDefinition } from '../dialect/spec-file.loader';
import { Iso8583FormatError } from '../iso8583-format.error';
import { mutate, prng } from '../testing/byte-mutation.util';
import { catchFormatError } from '../testing/format-error.util';
import { purchaseRequest, TEST_PAN, TEST_TRACK2 } from '../testing/sample-messages.util';
import { Iso8583Codec } from './iso8583.codec';

/** A metric as prom-client's Counter would count it: one per label set. */
class CountingMetric implements LeniencyMetric {
  readonly counts: Record<string, number> = {};
  inc(labels: LeniencyLabels): void {
    const key = `${labels.spec} ${labels.field} ${labels.rule}`;
    this.counts[key] = (this.counts[key] ?? 0) + 1;
  }
}

const LENIENT_HOST = specFromDefinition({
  name: 'lenient-host',
  extends: 'iso87ascii',
  lenient: ['trailing-bytes'],
  fields: {
    4: { lenient: ['space-padded-numeric'] },
    37: { lenient: ['non-alphanumeric'] },
    38: { lenient: ['non-alphanumeric'] },
    39: { lenient: ['non-alphanumeric'] },
    43: { lenient: ['latin1'] },
    48: { lenient: ['line-breaks'] },
  },
});

/** A 0210 as the host sends it: `field` holds `raw` (Latin-1 bytes the strict classes may refuse). */
function response(field: number, raw: string): { wire: Buffer; offset: number } {
  // Valid in every class the tests use, and found nowhere else in the message.
  const placeholder = (field === 4 ? '7' : 'Q').repeat(raw.length);
  const fields = { 3: '000000', 4: '000000001234', 11: '000042', 37: '632605000042', 38: 'AB1234', 39: '00', 43: 'X'.repeat(40), 48: 'NOTE' };
  const wire = Iso8583Codec.forSpec('iso87ascii').encode({ mti: '0210', fields: { ...fields, [field]: placeholder } });
  const offset = wire.indexOf(placeholder, 20, 'latin1');
  wire.write(raw, offset, 'latin1');
  return { wire, offset };
}

describe(`${Iso8583Codec.name} leniency`, () => {
  const strict = Iso8583Codec.forSpec('iso87ascii');
  const lenient = Iso8583Codec.forSpec(LENIENT_HOST);

  it.each([
    ['a Latin-1 merchant name in DE 43', 43, 'CAF\u00c9 M\u00dcNCHEN'.padEnd(40), 'latin1', 3],
    ['a line feed in DE 48', 48, 'LINE 1\nLINE 2', 'line-breaks', 6],
    ['a dash in DE 37', 37, '6326-5000042', 'non-alphanumeric', 4],
    ['a slash in DE 38', 38, 'AB/123', 'non-alphanumeric', 2],
    ['a non-alphanumeric response code in DE 39', 39, '0*', 'non-alphanumeric', 1],
    ['a space-padded amount in DE 4', 4, '        1234', 'space-padded-numeric', 0],
  ])('%s: refused by the strict spec, accepted with a warning and a metric by the dialect', (_case, field, raw, rule, badAt) => {
    const { wire, offset } = response(field, raw);
    const warnings: LeniencyWarning[] = [];
    const metric = new CountingMetric();

    const error = catchFormatError(() => strict.decode(wire));
    const decoded = lenient.decode(wire, { warnings, metric });

    expect([error.field, error.offset]).toEqual([field, offset + badAt]);
    expect(decoded.fields[field]).toBe(raw);
    expect(warnings).toEqual([{ spec: 'lenient-host', field, rule, offset: offset + badAt }]);
    expect(metric.counts).toEqual({ [`lenient-host ${field} ${rule}`]: 1 });
    expect(JSON.stringify(warnings) + error.message).not.toContain(raw.trim());
  });

  it('ignores trailing bytes with one warning for the message, not a field', () => {
    const wire = strict.encode(purchaseRequest());
    const warnings: LeniencyWarning[] = [];
    const metric = new CountingMetric();

    const decoded = lenient.decode(Buffer.concat([wire, Buffer.from('\u0003\u0000', 'latin1')]), { warnings, metric });

    expect(decoded).toEqual(purchaseRequest());
    expect(warnings).toEqual([{ spec: 'lenient-host', field: null, rule: 'trailing-bytes', offset: wire.length }]);
    expect(metric.counts).toEqual({ 'lenient-host message trailing-bytes': 1 });
  });

  it('warns once per field and rule, at the first byte the rule let through', () => {
    const { wire, offset } = response(43, '\u00c9\u00c9\u00c9'.padEnd(40));
    const warnings: LeniencyWarning[] = [];

    lenient.decode(wire, { warnings });

    expect(warnings).toEqual([{ spec: 'lenient-host', field: 43, rule: 'latin1', offset }]);
  });

  it.each([
    ['a control character in DE 43, which only Latin-1 letters are let into', 43, 'CAF\u0001'.padEnd(40), 3],
    ['a line feed in DE 43, which only Latin-1 letters are let into', 43, 'CAF\nE'.padEnd(40), 3],
    ['a space between the digits of DE 4', 4, '     12 3456', 7],
    ['a letter in a space-padded DE 4', 4, '      12345X', 11],
    ['a dash in DE 49, a field without leniency', 49, '4-7', 1],
  ])('still refuses %s', (_case, field, raw, badAt) => {
    const { wire, offset } = response(field, raw);

    const error = catchFormatError(() => lenient.decode(wire));

    expect([error.field, error.offset]).toEqual([field, offset + badAt]);
  });

  it('decodes a clean message without warnings and the same as the strict spec', () => {
    const wire = strict.encode(purchaseRequest());
    const warnings: LeniencyWarning[] = [];

    expect(lenient.decode(wire, { warnings })).toEqual(strict.decode(wire));
    expect(warnings).toEqual([]);
  });

  it('keeps encoding strict: a value the dialect only tolerates on the way in is refused on the way out', () => {
    const error = catchFormatError(() => lenient.encode({ mti: '0200', fields: { 43: 'CAF\u00c9'.padEnd(40) } }));

    expect(error.field).toBe(43);
    expect(error.message).toMatch(/not printable \(ans\)/);
  });

  it('reads the leniency of the example dialect acme-host.json (a Latin-1 DE 43 on a binary wire)', () => {
    const acme = Iso8583Codec.forSpec(loadSpecFile(join(__dirname, '..', '..', 'specs', 'acme-host.json')));
    const wire = Iso8583Codec.forSpec('iso87binary').encode({ mti: '0210', fields: { 11: '000042', 39: '00', 43: 'Q'.repeat(40) } });
    wire.write('M\u00dcNCHEN', wire.length - 40, 'latin1');
    const warnings: LeniencyWarning[] = [];

    expect(acme.decode(wire, { warnings }).fields[43]).toBe('M\u00dcNCHEN' + 'Q'.repeat(33));
    expect(warnings).toEqual([{ spec: 'acme-host', field: 43, rule: 'latin1', offset: wire.length - 39 }]);
  });

  it('decodes every damaged message completely or throws Iso8583FormatError, and no warning carries card data', () => {
    const random = prng(8583);
    const base = strict.encode({ mti: '0210', fields: { ...purchaseRequest().fields, 38: 'AB1234', 39: '00', 48: 'NOTE' } });
    const problems: string[] = [];
    let warned = 0;

    for (let i = 0; i < 3000; i++) {
      const input = mutate(mutate(base, random), random);
      const warnings: LeniencyWarning[] = [];
      try {
        const message = lenient.decode(input, { warnings });
        if (Object.keys(message.fields).length === 0) problems.push(`#${i}: an empty message`);
        if (warnings.length > 0) warned++;
        const text = JSON.stringify(warnings);
        if (text.includes(TEST_PAN) || text.includes(TEST_TRACK2)) problems.push(`#${i}: a warning carries card data`);
      } catch (error) {
        if (!(error instanceof Iso8583FormatError)) problems.push(`#${i}: threw ${String(error)}`);
      }
    }

    expect(problems).toEqual([]);
    expect(warned).toBeGreaterThan(0);
  });
});
