import { computeLuhnCheckDigit } from '@payments/card';

import type { FieldDefinition } from '../schema/layout-definition.schema';
import { compileField } from './field.codec';

const siblings =
  (values: Record<string, unknown>) =>
  (name: string): unknown =>
    values[name];

function field(def: Partial<FieldDefinition>) {
  return compileField({ name: 'f', type: 'amount', source: 'value', ...def }, 'latin1');
}

describe(compileField.name, () => {
  it.each([
    ['implied decimals, minus', { sign: 'minus' }, -1250n, '-1250'],
    ['point at the euro exponent', { decimalPoint: true, exponentFrom: 'currency' }, 5n, '0.05'],
    ['point at the yen exponent (none)', { decimalPoint: true, exponentFrom: 'currency' }, 98000n, '98000'],
    ['point at the dinar exponent', { decimalPoint: true, exponentFrom: 'currency' }, -1234567n, '-1234.567'],
    ['zero-padded after a leading sign', { sign: 'leading', width: 10 }, -1250n, '-000001250'],
    ['zero-padded before a trailing sign', { sign: 'trailing', width: 10 }, 1250n, '000001250+'],
    ['space-padded, the sign against the digits', { sign: 'minus', width: 8, pad: ' ', decimalPoint: true, exponent: 2 }, -1250n, '  -12.50'],
    ['beyond 2^64, no precision lost', { sign: 'leading' }, 123456789012345678901234567890n, '+123456789012345678901234567890'],
  ])('writes and reads back an amount: %s', (_case, def, value, text) => {
    const currency = text.includes('.567') ? 'KWD' : text === '98000' ? '392' : '978';
    const sut = field(def as Partial<FieldDefinition>);
    expect(sut.write(value, siblings({ currency }))).toBe(text);
    expect(sut.read(text, siblings({ currency }))).toBe(value);
  });

  it('refuses an amount whose decimals do not match the currency exponent when reading', () => {
    const sut = field({ decimalPoint: true, exponentFrom: 'currency' });
    expect(() => sut.read('12.5', siblings({ currency: '978' }))).toThrow('is not an amount with 2 decimals after a point');
    expect(() => sut.write(1n, siblings({ currency: '999' }))).toThrow('its exponent comes from field currency, which holds no known ISO 4217 code');
  });

  it.each([
    [{ type: 'date', pattern: 'yyyyMMdd' }, '2026-02-28', '20260228'],
    [{ type: 'date', pattern: 'dd.MM.yyyy' }, '2024-02-29', '29.02.2024'],
    [{ type: 'timestamp', pattern: 'yyyy-MM-ddTHH:mm:ssZ' }, new Date('2026-12-04T23:59:59Z'), '2026-12-04T23:59:59Z'],
    [{ type: 'text', width: 6, pad: '0', align: 'right', charset: 'digits' }, '123', '000123'],
    [{ type: 'integer', width: 9 }, 42n, '000000042'],
  ] as const)('writes and reads back %j', (def, value, text) => {
    const sut = field(def);
    expect(sut.write(value, siblings({}))).toBe(text);
    expect(sut.read(text, siblings({}))).toEqual(value);
  });

  it('refuses a date that is not in the calendar, both ways', () => {
    const sut = field({ type: 'date', pattern: 'yyyyMMdd' });
    expect(() => sut.write('2026-02-29', siblings({}))).toThrow('is not a real calendar date');
    expect(() => sut.read('20260229', siblings({}))).toThrow('is not a real date and time (pattern yyyyMMdd)');
  });

  it('refuses text that would not read back the same once padded', () => {
    const sut = field({ type: 'text', width: 6, pad: ' ' });
    expect(() => sut.write('abc ', siblings({}))).toThrow('ends with the pad character, so it would not read back the same');
    expect(() => field({ type: 'text', width: 6 }).write('abc', siblings({}))).toThrow(
      'must be exactly 6 characters, has 3 (the layout gives no pad character)',
    );
  });
});

describe('the full-PAN guard of text fields', () => {
  const sut = compileField({ name: 'note', type: 'text', source: 'value' }, 'utf-8');

  it.each([
    ['a bare PAN', '4111111111111111'],
    ['a PAN in groups of four', 'card 4111 1111 1111 1111 used'],
    ['a PAN with dashes', '4111-1111-1111-1111'],
    ['a 13-digit PAN behind zeros', 'ref 0004222222222222'],
    ['a 19-digit PAN', `601100000000000000${computeLuhnCheckDigit('601100000000000000')}`],
    ['a PAN with dashes beside a UUID', '4111-1111-1111-1111 4f1c2a9b-0d3e-4f5a-8b7c-8d9e0f1a2b3c'],
    ['a PAN in something shaped like a UUID but not hexadecimal', '42424242-4242-4242-z242-424242424242'],
  ])('refuses %s', (_case, text) => {
    expect(() => sut.write(text, () => undefined)).toThrow('looks like a full PAN');
  });

  it.each([
    ['a merchant id with leading zeros', 'M00000000000042'],
    ['digits that fail Luhn', '4111111111111112'],
    ['a run too long to be a PAN', '41111111111111111111'],
    ['an RRN (12 digits)', '633809123456'],
    ['a masked PAN', '411111******1111'],
    // 42424242-4242-4242 read across the dashes is 4242424242424242, which passes Luhn.
    ['a UUID whose digit groups pass Luhn', '42424242-4242-4242-a242-424242424242'],
    ['a posting id as a journal reference', 'posting 57386193-2038-4417-9abc-1234567890ab'],
  ])('lets through %s', (_case, text) => {
    expect(sut.write(text, () => undefined)).toBe(text);
  });
});
