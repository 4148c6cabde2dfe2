import { randomBytes, randomUUID } from 'node:crypto';
import { createReadStream, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { FieldValue, readLayoutFile, shippedLayout } from '@payments/file-layout';
import { freePort } from '@payments/testing';

import { acquirerReportContent, AcquirerReportDetail } from '../support/acquirer-report.file';
import { camt053OfDebits, randomCzechIban } from '../support/bank-statement.file';
import { OPERATOR_KEY, PlatformOptions, PlatformUnderTest, startDistributed, startEmbedded } from '../support/platform-under-test';
import { call, eventually, HttpResult, operatorCall, RegisterClient, TERMINAL_KEY } from '../support/register.client';

const VISA = '4242424242424242';
const MASTERCARD = '5555555555554444';
const MINUTE = 60_000;
const TERMINAL = 'DEMO0009';
const KEY = `${TERMINAL_KEY}-9`;
const PROMPT_TIMEOUT_MS = 2_500;
const NUMERIC: Record<string, string> = { EUR: '978', USD: '840' };
const MERCHANT = 'DEMOSHOP0000001';
const MERCHANT_IBAN = 'DE89370400440532013000';

/** A settlement line as the day should hold it: what the server approved, and reversed, the other way. */
interface DayLine {
  readonly acquirer: 'visa' | 'mc';
  readonly scheme: 'visa' | 'mastercard';
  readonly operationType: string;
  /** Signed: owed to the merchant positive, a credit negative. */
  readonly amountMinor: bigint;
  readonly currency: string;
  readonly rrn: string;
  readonly approvalCode: string;
  readonly maskedPan: string;
}

/** Per merchant, terminal, scheme and currency, as a batch's totals read. */
function totalsOf(lines: readonly DayLine[]) {
  const groups = new Map<string, DayLine[]>();
  for (const line of lines) groups.set(`${line.scheme}/${line.currency}`, [...(groups.get(`${line.scheme}/${line.currency}`) ?? []), line]);
  return [...groups.values()].map((group) => {
    const debit = group.filter((l) => l.amountMinor > 0n).reduce((sum, l) => sum + l.amountMinor, 0n);
    const credit = group.filter((l) => l.amountMinor < 0n).reduce((sum, l) => sum - l.amountMinor, 0n);
    return {
      merchantId: MERCHANT,
      terminalId: TERMINAL,
      scheme: group[0].scheme,
      currency: group[0].currency,
      lineCount: group.length,
      debitMinor: String(debit),
      creditMinor: String(credit),
      netMinor: String(debit - credit),
    };
  });
}

/** The fee the acquirer charges a debit: 1.50 % rounded half up, plus 0.10; a credit's fee is not compared. */
const feeOf = (amountMinor: bigint) => (amountMinor > 0n ? (amountMinor * 150n + 5_000n) / 10_000n + 10n : 0n);

/**
 * The settlement day from the registers to the bank, in each run mode: purchases in two schemes
 * and two currencies routed to two acquirers, a declined purchase, a cancel, a purchase reversed
 * because the register hung up, a PIN pad that stopped answering after the host approved, an
 * approval the register lost, a partial refund; then the cut-off (a minute or two ahead, waited
 * for on the wall clock), the close of both acquirers' days over the operator API, their files in
 * both shipped layouts, the acquirer's report with its breaks, the postings and the trial balance,
 * the merchant's payouts as pain.001 files, and the bank's statement paying them.
 *
 * The day holds only this run's operations in either mode: the two acquirers' ids are new on
 * each run (AUTHORIZATION_ACQUIRERS routes this platform's cards to them), so the shared database
 * of the distributed mode has no other line, batch or file of theirs.
 */
describe.each([
  // How long boot and the operations may take before the cut-off.
  ['embedded', startEmbedded, 50_000],
  ['distributed', startDistributed, 80_000],
])('the settlement day end to end (%s mode)', (_mode, start: (options: PlatformOptions) => Promise<PlatformUnderTest>, leadMs: number) => {
  const run = randomBytes(4).toString('hex');
  const acquirers = { visa: `day-visa-${run}`, mc: `day-mc-${run}` };
  const root = mkdtempSync(join(tmpdir(), 'settlement-day-e2e-'));
  const outgoing = { visa: join(root, 'visa-out'), mc: join(root, 'mc-out'), payouts: join(root, 'bank-out') };
  // The platform's euro account at its bank, which pays the merchants: new on each run, so its statements are this run's.
  const debtor = { id: `ops-eur-${run}`, account: randomCzechIban(), currency: 'EUR', format: 'camt053' };
  const lines: DayLine[] = [];
  let cutOffAt: number;
  let day: string;
  let platform: PlatformUnderTest;
  let register: RegisterClient;
  const batches: Record<string, Record<string, unknown>> = {};
  const delivered: Record<string, readonly Readonly<Record<string, FieldValue>>[]> = {};

  beforeAll(async () => {
    cutOffAt = Math.ceil((Date.now() + leadMs) / MINUTE) * MINUTE;
    const cutOff = `${new Date(cutOffAt).toISOString().slice(11, 16)} UTC`;
    day = new Date(cutOffAt - 1).toISOString().slice(0, 10);
    const simulatorPort = await freePort();
    const host = { host: '127.0.0.1', port: simulatorPort, responseTimeoutMs: 1500 };
    const network = {
      acquirers: [
        { id: acquirers.visa, ...host },
        { id: acquirers.mc, ...host },
      ],
      routes: [
        { acquirer: acquirers.mc, match: { schemes: ['mastercard'] } },
        { acquirer: acquirers.visa, match: { schemes: ['visa'] } },
      ],
    };
    const files = {
      [acquirers.visa]: { layout: 'acquirer-transactions-csv', values: { acquirerId: 'E2EVISA' }, delivery: { kind: 'folder', path: outgoing.visa } },
      [acquirers.mc]: { layout: 'acquirer-transactions-fixed', values: { acquirerId: 'E2EMC' }, delivery: { kind: 'folder', path: outgoing.mc } },
    };
    platform = await start({
      simulatorPort,
      env: {
        AUTHORIZATION_ACQUIRERS: JSON.stringify(network),
        AUTHORIZATION_PROMPT_TIMEOUT_MS: String(PROMPT_TIMEOUT_MS),
        SETTLEMENT_CUT_OFFS: JSON.stringify({ [acquirers.visa]: cutOff, [acquirers.mc]: cutOff }),
        SETTLEMENT_FILES: JSON.stringify(files),
        SETTLEMENT_FILES_DIR: join(root, 'work'),
        SETTLEMENT_FILES_PASS_MS: '500',
        // The visa acquirer charges 1.50 % + 0.10 on visa.
        SETTLEMENT_ACQUIRER_FEES: JSON.stringify({ [acquirers.visa]: { visa: { basisPoints: 150, fixedMinor: 10 } } }),
        // Payouts in euros from the platform's account; dollars have no account to be paid from.
        SETTLEMENT_BANK_ACCOUNTS: JSON.stringify([debtor]),
        SETTLEMENT_PAYOUTS: JSON.stringify({
          initiatingParty: 'Payments Platform',
          debtor: { name: 'Payments Platform s.r.o.' },
          accounts: { EUR: debtor.id },
          folder: 'payouts',
          delivery: { kind: 'folder', path: outgoing.payouts },
        }),
        SETTLEMENT_MERCHANT_ACCOUNTS: JSON.stringify({ [MERCHANT]: { name: 'Demo Shop', iban: MERCHANT_IBAN } }),
      },
    });
    register = new RegisterClient(platform.gatewayUrl, KEY);
    // The register's own batch (the shared database's, in the distributed mode) starts empty: an
    // earlier run stopped halfway may have left operations of acquirers this platform does not know.
    await register.post('/v1/close-day');
  }, 180_000);

  afterAll(async () => {
    await platform?.stop();
    rmSync(root, { recursive: true, force: true });
  }, 60_000);

  const settlement = (path: string, body?: unknown) =>
    call(`${platform.settlementUrl}/v1/settlement${path}`, {
      method: body === undefined ? 'GET' : 'POST',
      headers: { authorization: `Bearer ${OPERATOR_KEY}`, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  const journal = async (id: unknown) => (await operatorCall(`${platform.authorizationUrl}/v1/journal/transactions/${String(id)}`)).body;
  const sale = (pan: string, amount: number, currency = 'EUR') => ({ amount, currency, card: register.card(pan) });
  const approved = (result: HttpResult) => {
    expect(result.body).toMatchObject({ status: 'approved', responseCode: '00' });
    return result.body;
  };
  /** The line an approved (or reversed) journal row makes, with the sign of its direction. */
  const lineOf = async (transactionId: unknown, operationType: string, amountMinor: bigint) => {
    const row = await journal(transactionId);
    const scheme = row.cardScheme === 'mastercard' ? 'mastercard' : 'visa';
    const line: DayLine = {
      acquirer: scheme === 'mastercard' ? 'mc' : 'visa',
      scheme,
      operationType,
      amountMinor,
      currency: String(row.currency),
      rrn: String(row.rrn),
      approvalCode: String(row.approvalCode),
      maskedPan: String(row.maskedPan),
    };
    lines.push(line);
    return line;
  };
  const linesOf = (acquirer: 'visa' | 'mc') => lines.filter((l) => l.acquirer === acquirer);
  const reversed = (id: unknown) =>
    eventually(
      () => journal(id),
      (row) => row.status === 'reversed',
      20_000,
    );

  it('takes the day through the register: purchases, a decline, a cancel, a hang-up, a failing PIN pad, a lost outcome, a partial refund', async () => {
    // Purchases: visa to one acquirer, mastercard to the other; one in dollars.
    const visa = approved(await register.post('/v1/purchases', sale(VISA, 4000)));
    await lineOf(visa.transactionId, 'PURCHASE', 4000n);
    const mastercard = approved(await register.post('/v1/purchases', sale(MASTERCARD, 2550)));
    await lineOf(mastercard.transactionId, 'PURCHASE', 2550n);
    const dollars = approved(await register.post('/v1/purchases', sale(VISA, 1200, 'USD')));
    await lineOf(dollars.transactionId, 'PURCHASE', 1200n);
    // Declined by the issuer (an amount ending in 51): no money moves, no line.
    expect((await register.post('/v1/purchases', sale(VISA, 1751))).body).toMatchObject({ status: 'declined', responseCode: '51' });

    // Cancelled the same day: its cancel is a credit against it.
    const cancelled = approved(await register.post('/v1/purchases', sale(MASTERCARD, 1800)));
    await lineOf(cancelled.transactionId, 'PURCHASE', 1800n);
    const cancel = approved(await register.post('/v1/cancels', { originalTransactionId: cancelled.transactionId }));
    await lineOf(cancel.transactionId, 'CANCEL', -1800n);

    // The host approves after the register hung up: announced as authorized, then reversed (0400).
    platform.simulator.addRule((m) => (m.mti === '0200' ? { kind: 'delay', ms: 400, then: { kind: 'approve' } } : undefined));
    const key = `e2e-${randomUUID()}`;
    const hungUp = sale(VISA, 2300);
    const headers = { 'content-type': 'application/json', authorization: `Bearer ${KEY}`, 'idempotency-key': key };
    await expect(
      fetch(`${platform.gatewayUrl}/v1/purchases`, { method: 'POST', headers, body: JSON.stringify(hungUp), signal: AbortSignal.timeout(150) }),
    ).rejects.toThrow();
    const unknown = await eventually(
      () => register.post('/v1/purchases', hungUp, { idempotencyKey: key }),
      (r) => r.status === 504,
    );
    expect(unknown.body).toMatchObject({ status: 'unknown' });
    expect((await reversed(unknown.body.transactionId)).status).toBe('reversed');
    await lineOf(unknown.body.transactionId, 'PURCHASE', 2300n);
    await lineOf(unknown.body.transactionId, 'REVERSAL', -2300n);
    platform.simulator.reset();

    // The PIN pad stops answering after the host approved part of the amount: the register never
    // learns an outcome, and the server gives the approval back when nobody accepts it. It was
    // never announced as authorized, so settlement has no line of it at all.
    platform.simulator.addRule((m) => (m.mti === '0200' && m.fields[3] === '000000' ? { kind: 'partial', approvedMinor: 2000 } : undefined));
    const stalled = await register.post('/v1/purchases', sale(VISA, 5000));
    expect(stalled).toMatchObject({ status: 202, body: { status: 'prompt', prompt: { kind: 'accept_partial_approval' } } });
    const givenBack = await reversed(stalled.body.transactionId);
    expect(JSON.stringify(givenBack)).toContain('the cashier did not answer');
    expect(platform.simulator.received.filter((m) => m.mti === '0400' && m.fields[41] === TERMINAL)).toHaveLength(1);
    platform.simulator.reset();

    // An approval the register lost (its pad froze before showing it): the server keeps it, and
    // the register learns it by asking again with the same Idempotency-Key.
    const lostKey = `e2e-${randomUUID()}`;
    const lostSale = sale(MASTERCARD, 999);
    const lost = approved(await register.post('/v1/purchases', lostSale, { idempotencyKey: lostKey }));
    await lineOf(lost.transactionId, 'PURCHASE', 999n);
    expect((await register.post('/v1/purchases', lostSale, { idempotencyKey: lostKey })).body).toMatchObject({
      status: 'approved',
      transactionId: lost.transactionId,
    });

    // The register closes its own batch with the host (0500): the totals the host confirms are the
    // approvals the server kept (the cancel as a debit reversal), neither the hang-up nor the stalled pad.
    expect((await register.post('/v1/close-day')).body).toMatchObject({
      status: 'ok',
      batch: {
        reconciliation: 'in_balance',
        totals: [
          { currency: 'EUR', debitCount: 4, debitAmountMinor: '9349', creditCount: 0, debitReversalCount: 1, debitReversalAmountMinor: '1800' },
          { currency: 'USD', debitCount: 1, debitAmountMinor: '1200', creditCount: 0, debitReversalCount: 0 },
        ],
      },
    });
    // Then it refunds part of the first purchase (an original in a closed batch is refunded, not cancelled).
    const refund = approved(await register.post('/v1/refunds', { originalTransactionId: visa.transactionId, amount: 1500 }));
    await lineOf(refund.transactionId, 'REFUND', -1500n);
    expect(Date.now()).toBeLessThan(cutOffAt);
  }, 120_000);

  it("closes both acquirers' days after the cut-off: each batch holds exactly what the server approved and did not give back", async () => {
    // Early: the day has not ended.
    expect((await settlement(`/acquirers/${acquirers.visa}/business-days/${day}/close`, {})).status).toBe(422);
    // Past the cut-off, and 2 s more for the lines of the last operations still on their way (the bus, in the distributed mode).
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, cutOffAt - Date.now()) + 2_000));

    for (const acquirer of ['visa', 'mc'] as const) {
      const closed = await settlement(`/acquirers/${acquirers[acquirer]}/business-days/${day}/close`, {});
      expect(closed.status).toBe(200);
      const expected = linesOf(acquirer);
      expect(closed.body).toMatchObject({ acquirerId: acquirers[acquirer], businessDay: day, lineCount: expected.length, lateLineCount: 0 });
      expect(closed.body.totals).toEqual(expect.arrayContaining(totalsOf(expected)));
      expect(closed.body.totals).toHaveLength(totalsOf(expected).length);
      batches[acquirer] = closed.body;
    }
    // The visa day nets to 40.00 - 15.00 (refund) in euros, and 12.00 in dollars: the hang-up nets to nothing, the stalled pad is not there.
    expect(batches.visa.currencies).toEqual([
      { currency: 'EUR', lineCount: 4, debitMinor: '6300', creditMinor: '3800', netMinor: '2500' },
      { currency: 'USD', lineCount: 1, debitMinor: '1200', creditMinor: '0', netMinor: '1200' },
    ]);
    expect(batches.mc.currencies).toEqual([{ currency: 'EUR', lineCount: 4, debitMinor: '5349', creditMinor: '1800', netMinor: '3549' }]);
  }, 240_000);

  it('delivers each acquirer its file in its own layout: a detail per line with its amount, type code and masked PAN, counts and totals', async () => {
    const layouts = { visa: 'acquirer-transactions-csv', mc: 'acquirer-transactions-fixed' } as const;
    const values = { visa: 'E2EVISA', mc: 'E2EMC' };
    for (const acquirer of ['visa', 'mc'] as const) {
      const expected = linesOf(acquirer);
      const total = expected.reduce((sum, l) => sum + l.amountMinor, 0n);
      const file = await eventually(
        async () => (await settlement(`/batches/${String(batches[acquirer].batchId)}/file`)).body,
        (body) => body.status === 'delivered',
      );
      expect(file).toMatchObject({
        acquirerId: acquirers[acquirer],
        businessDay: day,
        layout: layouts[acquirer],
        sequence: 1,
        detailCount: expected.length,
        totals: { amount: String(total) },
      });
      const name = String(file.fileName);
      expect(readdirSync(outgoing[acquirer])).toEqual([name]);
      const text = readFileSync(join(outgoing[acquirer], name), 'utf8');
      expect(text).not.toContain(VISA);
      expect(text).not.toContain(MASTERCARD);
      const records = text.split('\r\n').slice(0, -1);
      expect(records).toHaveLength(expected.length + 2);
      if (acquirer === 'mc') expect(records.every((record) => record.length === 120)).toBe(true);

      // The reader checks the trailer against the details (count, total, SHA-256 or the RRN hash total) and each field's format.
      const read = await readLayoutFile(shippedLayout(layouts[acquirer]), createReadStream(join(outgoing[acquirer], name)));
      expect(read.header).toMatchObject({ acquirerId: values[acquirer], fileSequence: 1n });
      expect(read.trailer).toMatchObject({ detailCount: BigInt(expected.length), totalAmountMinor: total });
      expect(read.details.map((d) => d.maskedPan)).toEqual(expected.map((l) => l.maskedPan));
      expect(read.details.every((d) => /^\d{6}\*{6}\d{4}$/.test(String(d.maskedPan)))).toBe(true);
      expect(
        read.details.map((d) => ({
          terminalId: d.terminalId,
          merchantId: d.merchantId,
          operationType: d.operationType,
          amountMinor: d.amountMinor,
          currency: d.currency,
          scheme: d.scheme,
          rrn: d.rrn,
          approvalCode: d.approvalCode,
        })),
      ).toEqual(
        expected.map((l) => ({
          terminalId: TERMINAL,
          merchantId: MERCHANT,
          operationType: l.operationType,
          amountMinor: l.amountMinor,
          currency: NUMERIC[l.currency],
          scheme: l.scheme,
          rrn: l.rrn,
          approvalCode: l.approvalCode,
        })),
      );
      delivered[acquirer] = read.details;
    }
  }, 60_000);

  it("reconciles the acquirer's report made from that file with one line missing, one extra and one wrong fee: exactly those three breaks", async () => {
    const [purchase, dollars] = linesOf('visa');
    // The visa acquirer's view of the day: our file, each debit with its fee, less the dollar
    // purchase, plus a transaction we never had, and 0.20 too much on the first purchase.
    const ALPHA: Record<string, string> = { 978: 'EUR', 840: 'USD' };
    const theirs: AcquirerReportDetail[] = delivered.visa
      .filter((d) => d.rrn !== dollars.rrn)
      .map((d) => ({
        terminalId: String(d.terminalId),
        rrn: String(d.rrn),
        transactionTime: d.transactionTime as Date,
        scheme: String(d.scheme),
        amountMinor: d.amountMinor as bigint,
        currency: ALPHA[String(d.currency)],
        feeMinor: feeOf(d.amountMinor as bigint) + (d.rrn === purchase.rrn && d.amountMinor === 4000n ? 20n : 0n),
      }));
    const extra = {
      terminalId: TERMINAL,
      rrn: '999999999999',
      transactionTime: new Date(`${day}T00:00:00Z`),
      scheme: 'visa',
      amountMinor: 500n,
      currency: 'EUR',
      feeMinor: 18n,
    };
    const content = await acquirerReportContent(acquirers.visa, day, [...theirs, extra]);

    const imported = await settlement('/acquirer-reports', { acquirerId: acquirers.visa, content, fileName: `SR_${run}.csv` });
    expect(imported.status).toBe(200);
    expect(imported.body).toMatchObject({ acquirerId: acquirers.visa, businessDay: day, lineCount: 5, status: 'current', breakCount: 3, openBreakCount: 3 });
    const kinds = Object.fromEntries((imported.body.totals as { kind: string; count: number }[]).map((t) => [t.kind, t.count]));
    expect(kinds).toEqual({ matched: 3, fee_difference: 1, missing_ours: 1, missing_theirs: 1 });

    const reportId = String(imported.body.id);
    const breaks = (await settlement(`/reconciliation-breaks?reportId=${reportId}`)).body as unknown as Record<string, unknown>[];
    expect(breaks).toHaveLength(3);
    expect(breaks).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ kind: 'missing_theirs', rrn: dollars.rrn, ourAmountMinor: '1200', status: 'open' }),
        expect.objectContaining({ kind: 'missing_ours', rrn: '999999999999', theirAmountMinor: '500', status: 'open' }),
        expect.objectContaining({ kind: 'fee_difference', rrn: purchase.rrn, ourFeeMinor: '70', theirFeeMinor: '90', status: 'open' }),
      ]),
    );

    const extraBreak = breaks.find((b) => b.kind === 'missing_ours');
    const resolved = await settlement(`/reconciliation-breaks/${String(extraBreak?.id)}/resolve`, {
      reason: 'another merchant of the acquirer, reported to us by mistake',
    });
    expect(resolved).toMatchObject({
      status: 200,
      body: { status: 'resolved', resolutionReason: 'another merchant of the acquirer, reported to us by mistake' },
    });
    expect((await settlement(`/acquirer-reports/${reportId}`)).body).toMatchObject({ breakCount: 3, openBreakCount: 2 });
  }, 60_000);

  it('posts each batch to the chart of accounts, gross both ways, and the trial balance balances per currency', async () => {
    const postings = async (acquirer: 'visa' | 'mc') =>
      (await settlement(`/batches/${String(batches[acquirer].batchId)}/postings`)).body as unknown as Record<string, unknown>[];
    const pair = (debit: string, credit: string, currency: string, amountMinor: string, lineCount: number) => ({
      debit: { account: debit },
      credit: { account: credit },
      currency,
      amountMinor,
      lineCount,
    });
    // Visa receivable (1011) and mastercard receivable (1012) against merchant payable (2010), per the shipped mapping.
    const visa = await postings('visa');
    expect(visa).toMatchObject([pair('1011', '2010', 'EUR', '6300', 2), pair('1011', '2010', 'USD', '1200', 1), pair('2010', '1011', 'EUR', '3800', 2)]);
    // The credits' posting is traced to its lines: the refund and the reversal.
    expect(visa[2].sources).toEqual([
      expect.objectContaining({ event: 'authorized', operation: 'refund', amountMinor: '1500', lineCount: 1, ruleId: 'visa-credit' }),
      expect.objectContaining({ event: 'reversed', operation: 'purchase', amountMinor: '2300', lineCount: 1, ruleId: 'visa-credit' }),
    ]);
    expect(await postings('mc')).toMatchObject([pair('1012', '2010', 'EUR', '5349', 3), pair('2010', '1012', 'EUR', '1800', 1)]);

    const trialBalance = async (acquirer: 'visa' | 'mc') => (await settlement(`/trial-balance?from=${day}&to=${day}&acquirerId=${acquirers[acquirer]}`)).body;
    // Per account and currency: the receivable owed by the scheme, the payable owed to the merchant; debits = credits per currency.
    const account = (number: string, currency: string, debitMinor: string, creditMinor: string, closingMinor: string) => ({
      account: number,
      currency,
      openingMinor: '0',
      debitMinor,
      creditMinor,
      closingMinor,
    });
    const balanced = (currency: string, sum: string) => ({ currency, openingMinor: '0', debitMinor: sum, creditMinor: sum, closingMinor: '0', balanced: true });
    expect(await trialBalance('visa')).toMatchObject({
      accounts: [
        account('1011', 'EUR', '6300', '3800', '2500'),
        account('1011', 'USD', '1200', '0', '1200'),
        account('2010', 'EUR', '3800', '6300', '-2500'),
        account('2010', 'USD', '0', '1200', '-1200'),
      ],
      checks: [balanced('EUR', '10100'), balanced('USD', '1200')],
    });
    expect(await trialBalance('mc')).toMatchObject({
      accounts: [account('1012', 'EUR', '5349', '1800', '3549'), account('2010', 'EUR', '1800', '5349', '-3549')],
      checks: [balanced('EUR', '7149')],
    });
  }, 60_000);
  it("pays the merchant each batch's net in a pain.001, holds what it cannot pay, and finds the payouts paid in the bank's statement", async () => {
    // The payouts of this run's batches (in the distributed mode the shared database has other batches of the day).
    const payoutsOf = async (acquirer: 'visa' | 'mc') =>
      ((await settlement(`/payouts?businessDay=${day}&merchantId=${MERCHANT}&limit=500`)).body as unknown as Record<string, unknown>[]).filter(
        (payout) => payout.batchId === batches[acquirer].batchId,
      );
    const ordered = (payouts: Record<string, unknown>[], count: number, status: string) =>
      payouts.length === count && payouts.filter((p) => p.status !== 'held').every((p) => p.status === status);
    // Visa: 25.00 gross in euros less the fees of its two debits (0.70 on 40.00 and 0.45 on the hung-up 23.00); dollars held.
    const visa = await eventually(
      () => payoutsOf('visa'),
      (payouts) => ordered(payouts, 2, 'sent'),
      30_000,
    );
    expect(visa).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ currency: 'EUR', lineCount: 4, grossMinor: '2500', feeMinor: '115', netMinor: '2385', status: 'sent', heldReason: null }),
        expect.objectContaining({ currency: 'USD', lineCount: 1, grossMinor: '1200', netMinor: '1172', status: 'held', heldReason: 'no_debtor_account' }),
      ]),
    );
    // Mastercard: no fee rate configured, so the net is the gross.
    const [mc] = await eventually(
      () => payoutsOf('mc'),
      (payouts) => ordered(payouts, 1, 'sent'),
      30_000,
    );
    expect(mc).toMatchObject({
      currency: 'EUR',
      lineCount: 4,
      grossMinor: '3549',
      feeMinor: '0',
      netMinor: '3549',
      status: 'sent',
      creditorIban: MERCHANT_IBAN,
    });
    const visaEuros = visa.find((payout) => payout.currency === 'EUR') ?? {};

    // One pain.001 per batch, delivered to the bank's folder (its `payouts` subfolder) as the API gives it back, one credit transfer each.
    const files = (await settlement(`/payout-files?businessDay=${day}&limit=500`)).body as unknown as Record<string, unknown>[];
    for (const [acquirer, payout, held] of [
      ['visa', visaEuros, 1],
      ['mc', mc, 0],
    ] as const) {
      const file = files.find((f) => f.batchId === batches[acquirer].batchId);
      expect(file).toMatchObject({ status: 'delivered', transactionCount: 1, heldCount: held, acquirerId: acquirers[acquirer] });
      const content = await fetch(`${platform.settlementUrl}/v1/settlement/payout-files/${String(file?.fileId)}/content`, {
        headers: { authorization: `Bearer ${OPERATOR_KEY}` },
      });
      expect(content.headers.get('content-type')).toContain('application/xml');
      const xml = await content.text();
      expect(readFileSync(join(outgoing.payouts, 'payouts', String(file?.fileName)), 'utf8')).toBe(xml);
      const amount = `${BigInt(String(payout.netMinor)) / 100n}.${String(BigInt(String(payout.netMinor)) % 100n).padStart(2, '0')}`;
      expect(xml).toContain('urn:iso:std:iso:20022:tech:xsd:pain.001.001.09');
      expect(xml).toMatch(new RegExp(`<NbOfTxs>1</NbOfTxs>\\s*<CtrlSum>${amount}</CtrlSum>`));
      expect(xml).toContain(`<EndToEndId>${String(payout.payoutId)}</EndToEndId>`);
      expect(xml).toContain(`<InstdAmt Ccy="EUR">${amount}</InstdAmt>`);
      expect(xml).toContain(`<IBAN>${debtor.account}</IBAN>`);
      expect(xml).toContain(`<IBAN>${MERCHANT_IBAN}</IBAN>`);
    }

    // The bank's statement of the platform's account: the visa payout debited as ordered, the mastercard one 0.10 short.
    const statement = camt053OfDebits(debtor.account, `STMT-${run}`, day, [
      { endToEndId: String(visaEuros.payoutId), amountMinor: 2385n },
      { endToEndId: String(mc.payoutId), amountMinor: 3539n },
    ]);
    const imported = await call(`${platform.settlementUrl}/v1/settlement/statements?format=camt053&fileName=STMT-${run}.xml`, {
      method: 'POST',
      headers: { authorization: `Bearer ${OPERATOR_KEY}`, 'content-type': 'application/xml' },
      body: statement,
    });
    expect(imported.status).toBe(201);
    const paid = await eventually(
      () => payoutsOf('visa'),
      (payouts) => payouts.some((p) => p.status === 'paid'),
      20_000,
    );
    expect(paid.find((payout) => payout.currency === 'EUR')).toMatchObject({ status: 'paid', paidMinor: '2385', paidBookingDate: day, late: false });
    const [short] = await eventually(
      () => payoutsOf('mc'),
      ([payout]) => payout.status !== 'sent',
      20_000,
    );
    expect(short).toMatchObject({ status: 'paid_with_difference', netMinor: '3549', paidMinor: '3539', paidBookingDate: day });
  }, 120_000);
});
