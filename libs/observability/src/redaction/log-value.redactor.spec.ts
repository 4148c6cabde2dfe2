import { redactLogValue } from './log-value.redactor';

const PAN = '378282246310005';
const MASKED = '378282*****0005';

describe(redactLogValue.name, () => {
  const sut = redactLogValue;

  it('never writes out binary buffers, whose bytes could be an ASCII PAN', () => {
    expect(sut({ raw: Buffer.from(PAN, 'ascii') })).toEqual({ raw: '[binary 15 bytes]' });
  });

  it('redacts Map keys and Set members, and values produced by toJSON', () => {
    const money = { toJSON: () => ({ note: `card ${PAN}` }) };
    expect(sut({ byKey: new Map([['cvv', '123']]), tags: new Set([PAN]), money })).toEqual({
      byKey: { cvv: '[REDACTED]' },
      tags: [MASKED],
      money: { note: `card ${MASKED}` },
    });
  });

  it('survives cycles and keeps repeated (non-cyclic) references', () => {
    const shared = { note: PAN };
    const cyclic: Record<string, unknown> = { a: shared, b: shared };
    cyclic.self = cyclic;
    expect(sut(cyclic)).toEqual({ a: { note: MASKED }, b: { note: MASKED }, self: '[Circular]' });
  });

  it('serializes errors with their own fields, redacted', () => {
    const error = Object.assign(new TypeError(`bad ${PAN}`), { pan: PAN, code: 'E_CARD' });
    expect(sut(error)).toEqual(expect.objectContaining({ type: 'TypeError', message: `bad ${MASKED}`, pan: '[REDACTED]', code: 'E_CARD' }));
  });

  it('leaves non-card values as they are', () => {
    const when = new Date('2026-01-02T03:04:05Z');
    expect(sut({ amountMinor: 1999n, at: when, ok: true, none: null, rrn: '123456789012' })).toEqual({
      amountMinor: 1999n,
      at: when,
      ok: true,
      none: null,
      rrn: '123456789012',
    });
  });
});
