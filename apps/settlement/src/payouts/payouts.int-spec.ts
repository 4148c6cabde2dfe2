import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import type { FileDelivery } from '@payments/file-delivery';
import { openScratchSchema, type ScratchSchema } from '@payments/persistence/testing';
import { validatePain001 } from '@payments/payment-initiation';

import { acquirerFileDelivery } from '../files/acquirer-file.delivery';
import type { AcquirerFileDeliveryFactory } from '../files/settlement-file.sender';
import { filesStack, LATER, removeTemporaryFolders, temporaryFolder } from '../files/testing/settlement-files.stack';
import { purchaseLine } from '../lines/testing/settlement-line.fixture';
import { AcquirerFeeSchedule } from '../reconciliation/acquirer-fee.schedule';
import { BankAccountRegistry } from '../statements/bank-account.config';
import { ImportStatementFileUseCase } from '../statements/import-statement-file.usecase';
import { StatementImportRepository } from '../statements/statement-import.repository';
import type { MerchantPayout } from './merchant-payout.record';
import type { PayoutFile } from './payout-file';
import { PAYOUT_DEBTOR_ACCOUNT, payoutsStack, payoutStatement } from './testing/payouts.stack';

jest.setTimeout(60_000);

const url = process.env.DATABASE_URL ?? 'postgres://payments:payments@127.0.0.1:5432/payments';
const MIGRATIONS = join(__dirname, '..', '..', 'prisma', 'migrations');
/** When the pass runs (a Wednesday): CreDtTm, and the requested execution date. */
const NOW = new Date('2026-12-02T00:05:00.000Z');
const sha256Of = (bytes: Buffer | string) => createHash('sha256').update(bytes).digest('hex');

/** Merchant payouts of closed batches on real PostgreSQL and on PGlite (the embedded mode), with the folder delivery. */
describe.each(['postgres', 'pglite'] as const)('merchant payouts (%s)', (kind) => {
  let scratch: ScratchSchema;
  let outDir: string;
  let days = 0;
  let day: string;
  let acquirerId: string;

  beforeAll(async () => {
    scratch = await openScratchSchema(kind, { appSchema: 'settlement', migrationsDir: MIGRATIONS, url, poolSize: 4 });
    outDir = temporaryFolder('payouts-out-');
  });
  afterAll(async () => {
    removeTemporaryFolders();
    await scratch?.close();
  });
  beforeEach(() => {
    days += 1;
    day = `2026-11-${String(days).padStart(2, '0')}`;
    acquirerId = `acq-${kind}-${days}`;
  });

  const stack = (options: { deliveryOf?: AcquirerFileDeliveryFactory; filesDir?: string } = {}) =>
    payoutsStack(scratch.db.connection, { outDir, feeAcquirers: [acquirerId], ...options });
  /** M1: two visa purchases of 12.50 and a refund of 5.00 (gross 20.00, fees 2 x 0.29); M2 (no account): a purchase of 30.00. */
  const closeBatch = async (businessDay = day) => {
    const closing = filesStack(scratch.db.connection, {});
    await closing.lines.record([
      purchaseLine(acquirerId, businessDay, { merchantId: 'M1' }),
      purchaseLine(acquirerId, businessDay, { merchantId: 'M1' }),
      purchaseLine(acquirerId, businessDay, { merchantId: 'M1', operation: 'refund', direction: 'credit', amountMinor: 500n }),
      purchaseLine(acquirerId, businessDay, { merchantId: 'M2', amountMinor: 3000n }),
    ]);
    const outcome = await closing.closeDay.execute({ acquirerId, businessDay, now: LATER });
    if (outcome.kind !== 'closed') throw new Error(`expected the day closed, got ${outcome.kind}`);
    return outcome.batch.id;
  };
  const payoutsOf = async (businessDay = day): Promise<MerchantPayout[]> =>
    (await stack().payouts.list({ businessDay }, 50)).filter((p) => p.acquirerId === acquirerId);
  const filesOf = async (businessDay = day): Promise<PayoutFile[]> =>
    (await stack().files.list({ businessDay }, 50)).filter((f) => f.acquirerId === acquirerId);
  const delivered = (file: PayoutFile) => readFileSync(join(outDir, 'payouts', file.fileName));
  const sentEvents = async (fileId: string) =>
    scratch.db.connection.query<{ payload: string }>(
      `SELECT "payload"::text AS "payload" FROM "outbox_message" WHERE "topic" = 'settlement.payout-file.sent.v1' AND "payload"->>'fileId' = $1`,
      [fileId],
    );

  it("sums a batch per merchant and currency with each debit line's expected fee exactly as the fee schedule computes it", async () => {
    // Visa has its own rate, other schemes (and a line without one) fall back to '*'; credits carry no fee.
    const fees = new AcquirerFeeSchedule({ [acquirerId]: { visa: { basisPoints: 150, fixedMinor: 10n }, '*': { basisPoints: 275, fixedMinor: 0n } } });
    const schemes = ['visa', 'mastercard', null] as const;
    const lines = Array.from({ length: 240 }, (_, i) =>
      purchaseLine(acquirerId, day, {
        merchantId: `M${i % 3}`,
        currency: i % 4 === 0 ? 'CZK' : 'EUR',
        scheme: schemes[i % 3],
        direction: i % 5 === 0 ? 'credit' : 'debit',
        operation: i % 5 === 0 ? 'refund' : 'purchase',
        amountMinor: BigInt(1 + ((i * 7_919) % 49_999)),
      }),
    );
    const closing = filesStack(scratch.db.connection, {});
    await closing.lines.record(lines);
    const outcome = await closing.closeDay.execute({ acquirerId, businessDay: day, now: LATER });
    if (outcome.kind !== 'closed') throw new Error(`expected the day closed, got ${outcome.kind}`);

    const sums = await stack().payouts.merchantSumsOf(outcome.batch.id, fees.ratesOf(acquirerId));

    const expected = new Map<string, { lineCount: number; grossMinor: bigint; feeMinor: bigint }>();
    for (const line of lines) {
      const key = `${line.merchantId}/${line.currency}`;
      const sum = expected.get(key) ?? { lineCount: 0, grossMinor: 0n, feeMinor: 0n };
      const debit = line.direction === 'debit';
      expected.set(key, {
        lineCount: sum.lineCount + 1,
        grossMinor: sum.grossMinor + (debit ? line.amountMinor : -line.amountMinor),
        feeMinor: sum.feeMinor + (debit ? (fees.expectedFee(acquirerId, line.scheme, line.amountMinor) ?? 0n) : 0n),
      });
    }
    expect(sums).toHaveLength(6);
    expect(Object.fromEntries(sums.map(({ merchantId, currency, ...sum }) => [`${merchantId}/${currency}`, sum]))).toEqual(Object.fromEntries(expected));
    // Without a rate for the acquirer, no fee at all.
    expect((await stack().payouts.merchantSumsOf(outcome.batch.id, [])).every((sum) => sum.feeMinor === 0n)).toBe(true);
  });

  it('gives a batch with two merchants (one without an account) one valid pain.001 with one transaction and one held payout, re-generated byte for byte', async () => {
    const batchId = await closeBatch();

    await stack().worker.runOnce(NOW);

    const [m1, m2] = await payoutsOf();
    expect(m1).toMatchObject({ merchantId: 'M1', batchId, grossMinor: 2000n, feeMinor: 58n, netMinor: 1942n, lineCount: 3, status: 'sent', heldReason: null });
    expect(m2).toMatchObject({ merchantId: 'M2', grossMinor: 3000n, feeMinor: 55n, netMinor: 2945n, status: 'held', heldReason: 'no_merchant_account' });
    expect(m2.payoutFileId).toBeNull();
    const [file] = await filesOf();
    expect(file).toMatchObject({ batchId, status: 'delivered', transactionCount: 1, heldCount: 1, requestedExecutionDate: '2026-12-02', attempts: 1 });
    const bytes = delivered(file);
    const xml = bytes.toString('utf8');
    await expect(validatePain001(xml)).resolves.toEqual({ valid: true });
    expect(xml).toMatch(
      new RegExp(`<MsgId>${file.messageId}</MsgId>\\s*<CreDtTm>2026-12-02T00:05:00.000Z</CreDtTm>\\s*<NbOfTxs>1</NbOfTxs>\\s*<CtrlSum>19.42</CtrlSum>`),
    );
    expect(xml).toContain(`<EndToEndId>${m1.id}</EndToEndId>`);
    expect(xml).toContain('<InstdAmt Ccy="EUR">19.42</InstdAmt>');
    expect(xml).toContain('<IBAN>DE89370400440532013000</IBAN>');
    expect(xml).toContain(`<Ustrd>settlement payout business day ${day} batch ${batchId}</Ustrd>`);
    expect(xml).not.toContain('M2');
    expect(file.written).toEqual({ byteLength: bytes.length, sha256: sha256Of(bytes) });
    const [event] = await sentEvents(file.id);
    expect(JSON.parse(event.payload)).toMatchObject({
      batchId,
      totals: [{ currency: 'EUR', count: 1, amountMinor: '1942' }],
      heldCount: 1,
      sha256: sha256Of(bytes),
    });

    // A restarted process re-generates the same bytes from the stored rows, and a re-send delivers them again.
    await expect(stack().sender.content(file.id)).resolves.toEqual({ kind: 'content', xml });
    const resent = await stack().sender.resend(file.id, new Date(NOW.getTime() + 60_000));
    expect(resent).toMatchObject({ kind: 'sent', file: { status: 'delivered', attempts: 2, written: file.written } });
  });

  it('doubles nothing when two passes make the payouts at once, across a crash during delivery, one after it, and two restarts at once', async () => {
    await closeBatch();
    const failing: AcquirerFileDeliveryFactory = () =>
      ({ destination: 'nowhere', deliver: () => Promise.reject(new Error('link down')) }) as unknown as FileDelivery;
    // Two processes see the closed batch at once: one makes its payouts and file, the other finds them made.
    await Promise.all([stack({ deliveryOf: failing }).worker.runOnce(NOW), stack({ deliveryOf: failing }).worker.runOnce(NOW)]);
    expect(await payoutsOf()).toHaveLength(2);
    const [pending] = await filesOf();
    expect(pending).toMatchObject({ status: 'pending', attempts: 1, lastError: 'link down' });

    // Delivered, then the process died before recording it.
    const filesDir = temporaryFolder('payout-files-work-');
    const dyingAfterDelivery: AcquirerFileDeliveryFactory = (id, config, dir) => {
      const real = acquirerFileDelivery(id, config, dir);
      return {
        destination: real.destination,
        deliver: async (...args: Parameters<FileDelivery['deliver']>) => {
          await real.deliver(...args);
          throw new Error('process died');
        },
      } as unknown as FileDelivery;
    };
    await stack({ deliveryOf: dyingAfterDelivery, filesDir }).worker.runOnce(new Date(pending.nextAttemptAt.getTime() + 1));
    const bytes = delivered(pending);

    // Restarted twice at once: both passes run, one file, delivered once, one event.
    const later = new Date(pending.nextAttemptAt.getTime() + 3_600_000);
    await Promise.all([stack({ filesDir }).worker.runOnce(later), stack({ filesDir }).worker.runOnce(later)]);

    const [file] = await filesOf();
    expect(await filesOf()).toHaveLength(1);
    expect(file).toMatchObject({ id: pending.id, status: 'delivered', written: { sha256: sha256Of(bytes) } });
    expect(delivered(file).equals(bytes)).toBe(true);
    expect((await payoutsOf()).map((p) => [p.merchantId, p.status])).toEqual([
      ['M1', 'sent'],
      ['M2', 'held'],
    ]);
    expect(await sentEvents(file.id)).toHaveLength(1);
  });

  it('never delivers a file the XSD refuses: the attempt fails naming the line and the element', async () => {
    await closeBatch();
    const failing: AcquirerFileDeliveryFactory = () =>
      ({ destination: 'nowhere', deliver: () => Promise.reject(new Error('link down')) }) as unknown as FileDelivery;
    await stack({ deliveryOf: failing }).worker.runOnce(NOW);
    const [pending] = await filesOf();
    // A stored account broken behind the configuration's back (its checks make this impossible otherwise).
    await scratch.db.connection.execute(`UPDATE "merchant_payout" SET "creditor_iban" = 'de89 3704' WHERE "payout_file_id" = $1::uuid`, [pending.id]);

    await stack().worker.runOnce(new Date(pending.nextAttemptAt.getTime() + 1));

    const [refused] = await filesOf();
    expect(refused).toMatchObject({ status: 'pending', attempts: 2, written: null });
    expect(refused.lastError).toMatch(new RegExp(`^${refused.fileName}: refused, not a valid pain.001.001.09: line \\d+: .*IBAN.*pattern`));
    expect(() => delivered(refused)).toThrow('ENOENT');
    expect(await sentEvents(refused.id)).toEqual([]);
  });

  it('marks a payout paid by a camt.053 debit entry carrying its EndToEndId, and paid with difference when the amount differs', async () => {
    const nextDay = `2026-11-${String(days + 20).padStart(2, '0')}`;
    await closeBatch();
    await closeBatch(nextDay);
    await stack().worker.runOnce(NOW);
    const [first] = await payoutsOf();
    const [second] = await payoutsOf(nextDay);
    const statement = payoutStatement(`STMT-${kind}-${days}`, days, [
      { endToEndId: first.id, amountMinor: first.netMinor },
      { endToEndId: second.id.toLowerCase(), amountMinor: second.netMinor - 25n },
    ]);
    const importer = new ImportStatementFileUseCase(new BankAccountRegistry([PAYOUT_DEBTOR_ACCOUNT]), new StatementImportRepository(scratch.db.connection));
    const imported = await importer.execute({ file: Buffer.from(statement), format: 'camt053', allowGap: { reason: 'spec' } });
    expect(imported.kind).toBe('imported');

    await stack().worker.runOnce(new Date(NOW.getTime() + 60_000));

    const [paid] = await payoutsOf();
    const [different] = await payoutsOf(nextDay);
    expect(paid).toMatchObject({ status: 'paid', netMinor: 1942n, paid: { amountMinor: 1942n, bookingDate: '2026-12-03' } });
    expect(different).toMatchObject({ status: 'paid_with_difference', netMinor: 1942n, paid: { amountMinor: 1917n, bookingDate: '2026-12-03' } });
    expect((await stack().payouts.list({ status: 'paid_with_difference' }, 50)).map((p) => p.id)).toContain(different.id);
  });
});
