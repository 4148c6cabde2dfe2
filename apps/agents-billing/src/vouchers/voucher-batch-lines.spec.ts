import { isStockLow } from './voucher';
import { MAX_BATCH_VOUCHERS, voucherLinesOf } from './voucher-batch-lines';

describe('voucherLinesOf', () => {
  it('reads CSV with or without its header, skipping blank lines, naming each line', () => {
    expect(voucherLinesOf({ csv: 'serial,code\r\nS-1, AAAA-1111\n\nS-2,BBBB-2222\n' })).toEqual({
      ok: true,
      lines: [
        { serial: 'S-1', code: 'AAAA-1111', line: 'csv line 2' },
        { serial: 'S-2', code: 'BBBB-2222', line: 'csv line 4' },
      ],
    });
    expect(voucherLinesOf({ csv: 'S-1,AAAA-1111' })).toMatchObject({ ok: true, lines: [{ line: 'csv line 1' }] });
  });

  it('reads JSON lines as vouchers[i]', () => {
    expect(voucherLinesOf({ vouchers: [{ serial: 'S-1', code: 'AAAA-1111' }] })).toEqual({
      ok: true,
      lines: [{ serial: 'S-1', code: 'AAAA-1111', line: 'vouchers[0]' }],
    });
  });

  it.each([
    [{ csv: 'S-1,AAAA-1111\nS-1,BBBB-2222' }, 'csv line 2: serial S-1 appears again (first on csv line 1)'],
    [{ csv: 'S-1,AAAA-1111\nS-2,CCCC-3333\nS-3,AAAA-1111' }, 'csv line 3: its code appears again (first on csv line 1)'],
    [
      {
        vouchers: [
          { serial: 'S-1', code: 'AAAA-1111' },
          { serial: 'S-2', code: 'AAAA-1111' },
        ],
      },
      'vouchers[1]: its code appears again (first on vouchers[0])',
    ],
    [{ csv: 'S-1,AAAA-1111,x' }, 'csv line 1: must be serial,code (2 fields, found 3)'],
    [{ csv: 'S 1,AAAA-1111' }, 'csv line 1: serial must be 1-64 letters, digits, dots, dashes or underscores'],
    [{ csv: 'S-1,AB' }, 'csv line 1: code must be 4-64 letters, digits or dashes'],
    [{ csv: 'serial,code\n' }, 'vouchers: the batch holds no voucher'],
    [{}, 'vouchers: give either vouchers (JSON) or csv, one of the two'],
    [{ csv: 'S-1,AAAA-1111', vouchers: [] }, 'vouchers: give either vouchers (JSON) or csv, one of the two'],
  ])('refuses %j: %s', (input, message) => {
    expect(voucherLinesOf(input)).toEqual({ ok: false, message });
  });

  it('never repeats a code in a refusal', () => {
    const refusal = voucherLinesOf({ csv: 'S-1,SECRET-CODE-1\nS-2,SECRET-CODE-1' });
    expect(JSON.stringify(refusal)).not.toContain('SECRET');
  });

  it(`refuses a batch of more than ${MAX_BATCH_VOUCHERS}`, () => {
    const csv = Array.from({ length: MAX_BATCH_VOUCHERS + 1 }, (_, i) => `S-${i},CODE-${i}`).join('\n');
    expect(voucherLinesOf({ csv })).toEqual({
      ok: false,
      message: `vouchers: a batch holds at most ${MAX_BATCH_VOUCHERS} vouchers, this one ${MAX_BATCH_VOUCHERS + 1}`,
    });
  });
});

describe('isStockLow', () => {
  it.each([
    [4, 5, true],
    [5, 5, false],
    [0, 1, true],
    [0, 0, false],
    [0, null, false],
  ])('%i available against a threshold of %p: low %p', (available, minimum, low) => {
    expect(isStockLow(available, minimum)).toBe(low);
  });
});
