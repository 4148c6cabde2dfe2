import { randomUUID } from 'node:crypto';

import type { AcquirerReportLine } from './acquirer-report';
import { AcquirerFeeSchedule } from './acquirer-fee.schedule';
import { OurLine, reconcile } from './reconciliation-match';

let rrns = 0;
const ours = (change: Partial<OurLine> = {}): OurLine => ({
  transactionId: randomUUID(),
  event: 'authorized',
  terminalId: 'T0000001',
  rrn: `6335120000${String(++rrns).padStart(2, '0')}`,
  direction: 'debit',
  amountMinor: 1250n,
  currency: 'EUR',
  scheme: 'visa',
  ...change,
});
let lineNo = 0;
const theirsOf = (our: OurLine, change: Partial<AcquirerReportLine> = {}): AcquirerReportLine => ({
  lineNo: ++lineNo,
  terminalId: our.terminalId,
  rrn: our.rrn ?? '000000000000',
  scheme: our.scheme ?? 'visa',
  direction: our.direction,
  amountMinor: our.amountMinor,
  currency: our.currency,
  feeMinor: 0n,
  occurredAt: new Date('2026-12-01T10:00:00Z'),
  ...change,
});
const noFee = () => undefined;

describe(reconcile.name, () => {
  it('pairs equal lines with no break, whatever fee the acquirer reports when no rate is configured', () => {
    const our = ours();
    const their = theirsOf(our, { feeMinor: 19n });
    const sut = reconcile([our], [their], noFee);
    expect(sut.breaks).toEqual([]);
    expect(sut.pairs.get(their.lineNo)).toBe(our);
  });

  it('finds a line missing on each side', () => {
    const onlyOurs = ours();
    const onlyTheirs = theirsOf(ours({ amountMinor: 500n }));
    const sut = reconcile([onlyOurs], [onlyTheirs], noFee);
    expect(sut.breaks).toEqual([
      expect.objectContaining({ kind: 'missing_ours', rrn: onlyTheirs.rrn, theirAmountMinor: 500n, ourTransactionId: null, ourAmountMinor: null }),
      expect.objectContaining({
        kind: 'missing_theirs',
        rrn: onlyOurs.rrn,
        ourTransactionId: onlyOurs.transactionId,
        ourAmountMinor: 1250n,
        theirLineNo: null,
      }),
    ]);
    expect(sut.pairs.size).toBe(0);
  });

  it('keeps both amounts of an amount difference (a currency that differs is one too) and does not compare its fee', () => {
    const fees = new AcquirerFeeSchedule({ acq: { '*': { basisPoints: 100, fixedMinor: 0n } } });
    const expected = (scheme: string | null, amount: bigint) => fees.expectedFee('acq', scheme, amount);
    const a = ours();
    const b = ours();
    const sut = reconcile([a, b], [theirsOf(a, { amountMinor: 1205n, feeMinor: 99n }), theirsOf(b, { currency: 'CZK', feeMinor: 13n })], expected);
    expect(sut.breaks.map((x) => [x.kind, x.ourAmountMinor, x.theirAmountMinor])).toEqual([
      ['amount_difference', 1250n, 1205n],
      ['amount_difference', 1250n, 1250n],
    ]);
  });

  it('finds a fee other than the rate of the scheme, and none when the fee is the expected one', () => {
    const fees = new AcquirerFeeSchedule({ acq: { visa: { basisPoints: 150, fixedMinor: 10n }, '*': { basisPoints: 0, fixedMinor: 5n } } });
    const expected = (scheme: string | null, amount: bigint) => fees.expectedFee('acq', scheme, amount);
    const right = ours(); // 1.50 % of 12.50 = 18.75 -> 19, + 10
    const wrong = ours();
    const other = ours({ scheme: 'mastercard' });
    const sut = reconcile(
      [right, wrong, other],
      [theirsOf(right, { feeMinor: 29n }), theirsOf(wrong, { feeMinor: 30n }), theirsOf(other, { feeMinor: 5n })],
      expected,
    );
    expect(sut.breaks).toEqual([
      expect.objectContaining({ kind: 'fee_difference', ourTransactionId: wrong.transactionId, ourFeeMinor: 29n, theirFeeMinor: 30n }),
    ]);
  });

  it("does not compare a credit's fee (rates are charged on debits)", () => {
    const fees = new AcquirerFeeSchedule({ acq: { '*': { basisPoints: 150, fixedMinor: 10n } } });
    const refund = ours({ direction: 'credit' });
    const sut = reconcile([refund], [theirsOf(refund, { feeMinor: 3n })], (scheme, amount) => fees.expectedFee('acq', scheme, amount));
    expect(sut.breaks).toEqual([]);
  });

  it("pairs a reversal's line (its original's RRN) with the acquirer's credit, not with the purchase", () => {
    const purchase = ours();
    const reversal = ours({ transactionId: purchase.transactionId, rrn: purchase.rrn, event: 'reversed', direction: 'credit' });
    const credit = theirsOf(reversal);
    const sut = reconcile([purchase, reversal], [credit], noFee);
    expect(sut.pairs.get(credit.lineNo)).toBe(reversal);
    expect(sut.breaks).toEqual([expect.objectContaining({ kind: 'missing_theirs', ourEvent: 'authorized', direction: 'debit' })]);
  });

  it('takes a second acquirer line for a line already paired as missing on ours', () => {
    const our = ours();
    const sut = reconcile([our], [theirsOf(our), theirsOf(our)], noFee);
    expect(sut.breaks).toEqual([expect.objectContaining({ kind: 'missing_ours', rrn: our.rrn, theirLineNo: sut.breaks[0].theirLineNo })]);
    expect(sut.pairs.size).toBe(1);
  });

  it('the same RRN on another terminal is another transaction', () => {
    const our = ours();
    const sut = reconcile([our], [theirsOf(our, { terminalId: 'T0000002' })], noFee);
    expect(sut.breaks.map((b) => [b.kind, b.terminalId])).toEqual([
      ['missing_ours', 'T0000002'],
      ['missing_theirs', 'T0000001'],
    ]);
  });

  it('never pairs our line without an RRN, nor our second line under one key: each is missing on theirs', () => {
    const withoutRrn = ours({ rrn: null });
    const first = ours();
    const twin = ours({ rrn: first.rrn });
    const sut = reconcile([withoutRrn, first, twin], [theirsOf(first)], noFee);
    expect(sut.breaks.map((b) => [b.kind, b.ourTransactionId])).toEqual([
      ['missing_theirs', withoutRrn.transactionId],
      ['missing_theirs', twin.transactionId],
    ]);
  });
});

describe(AcquirerFeeSchedule.name, () => {
  it('rounds the rate half up and adds the fixed part; no rate, no expected fee', () => {
    const sut = new AcquirerFeeSchedule({ acq: { visa: { basisPoints: 150, fixedMinor: 10n } } });
    expect(sut.expectedFee('acq', 'visa', 1250n)).toBe(29n); // 18.75 -> 19
    expect(sut.expectedFee('acq', 'visa', 1233n)).toBe(28n); // 18.495 -> 18
    expect(sut.expectedFee('acq', 'mastercard', 1250n)).toBeUndefined();
    expect(sut.expectedFee('other', 'visa', 1250n)).toBeUndefined();
  });
});
