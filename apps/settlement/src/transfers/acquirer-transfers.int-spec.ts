import { join } from 'node:path';

import { openScratchSchema, type ScratchSchema } from '@payments/persistence/testing';

import { BusinessDayCalendar } from '../business-day/business-day.calendar';
import { CutOff } from '../business-day/cut-off';
import { SettlementBatchRepository } from '../close-day/settlement-batch.repository';
import { SettlementLineRepository } from '../lines/settlement-line.repository';
import { purchaseLine } from '../lines/testing/settlement-line.fixture';
import { BatchPostingsService } from '../postings/batch-postings.service';
import { loadPostingMapping } from '../postings/posting-mapping.loader';
import { PostingRepository } from '../postings/posting.repository';
import { AcquirerFeeSchedule } from '../reconciliation/acquirer-fee.schedule';
import { BankAccountRegistry } from '../statements/bank-account.config';
import { ImportStatementFileUseCase } from '../statements/import-statement-file.usecase';
import { StatementImportRepository } from '../statements/statement-import.repository';
import { AcquirerTransferRepository } from './acquirer-transfer.repository';
import { transferReceiptOf } from './funding-status';
import { ImportAcquirerTransferOutcome, ImportAcquirerTransferUseCase } from './import-acquirer-transfer.usecase';
import { MerchantFundingReader } from './merchant-funding.reader';
import { MerchantFundingRepository } from './merchant-funding.repository';
import { camt053Credit } from './testing/camt053-credit.util';
import { unbalanced } from '../reconciliation/testing/acquirer-report-file.util';
import { acquirerTransferFile } from './testing/acquirer-transfer-file.util';
import { TransferDueDays } from './transfer-due-days';

jest.setTimeout(60_000);

const url = process.env.DATABASE_URL ?? 'postgres://payments:payments@127.0.0.1:5432/payments';
const MIGRATIONS = join(__dirname, '..', '..', 'prisma', 'migrations');
const DAY = '2026-12-01';
const VALUE_DATE = '2026-12-02';
const ACCOUNT = 'DE89370400440532013000';

/** Acquirer transfer files matched against settlement lines, merchant funding and the statements' credits, on real PostgreSQL and on PGlite. */
describe.each(['postgres', 'pglite'] as const)(`${ImportAcquirerTransferUseCase.name} (%s)`, (kind) => {
  let scratch: ScratchSchema;
  let lines: SettlementLineRepository;
  let transfers: AcquirerTransferRepository;
  let sut: ImportAcquirerTransferUseCase;
  let funding: MerchantFundingReader;
  let statements: ImportStatementFileUseCase;
  let acquirers = 0;
  let acquirerId: string;

  beforeAll(async () => {
    scratch = await openScratchSchema(kind, { appSchema: 'settlement', migrationsDir: MIGRATIONS, url, poolSize: 4 });
    const connection = scratch.db.connection;
    lines = new SettlementLineRepository(connection);
    transfers = new AcquirerTransferRepository(connection);
    const batches = new SettlementBatchRepository(connection, new BatchPostingsService(loadPostingMapping(), new PostingRepository(connection)));
    sut = new ImportAcquirerTransferUseCase(new BusinessDayCalendar('default', new CutOff('UTC', '00:00')), batches, transfers);
    statements = new ImportStatementFileUseCase(
      new BankAccountRegistry([{ id: 'settlement-eur', account: ACCOUNT, currency: 'EUR', format: 'camt053', profile: 'standard' }]),
      new StatementImportRepository(connection),
    );
  });
  afterAll(() => scratch?.close());
  beforeEach(() => {
    acquirers += 1;
    acquirerId = `acq-${kind}-${acquirers}`;
    // Each acquirer of this spec charges 1.50 % + 0.10 on visa, and its transfers are due two days after the business day.
    const fees = new AcquirerFeeSchedule({ [acquirerId]: { visa: { basisPoints: 150, fixedMinor: 10n } } });
    funding = new MerchantFundingReader(new MerchantFundingRepository(scratch.db.connection, fees), new TransferDueDays({}, 2));
  });

  const count = async (table: string, where = 'TRUE', params: unknown[] = []) =>
    Number((await scratch.db.connection.query<{ n: string }>(`SELECT count(*)::text AS "n" FROM "${table}" WHERE ${where}`, params))[0].n);
  const imported = (outcome: ImportAcquirerTransferOutcome) => {
    if (outcome.kind !== 'imported') throw new Error(`expected the transfer imported, got ${JSON.stringify(outcome)}`);
    return outcome;
  };
  const reference = (n = 1) => `TRF-${acquirerId}-${n}`;
  const rrn = (n: number) => `7335${String(acquirers).padStart(4, '0')}${String(n).padStart(4, '0')}`;

  /**
   * Four lines of DAY: two of merchant M1, one of M2, one of M3. The transfer pays both of M1's
   * in full (fees at the acquirer's rate), M2's short by 1.00, not M3's, and a line we do not have.
   */
  const dayOfFourLines = async () => {
    const m1a = purchaseLine(acquirerId, DAY, { merchantId: 'M1', rrn: rrn(1) });
    const m1b = purchaseLine(acquirerId, DAY, { merchantId: 'M1', rrn: rrn(2), amountMinor: 2000n });
    const m2 = purchaseLine(acquirerId, DAY, { merchantId: 'M2', rrn: rrn(3), amountMinor: 5000n });
    const m3 = purchaseLine(acquirerId, DAY, { merchantId: 'M3', rrn: rrn(4), amountMinor: 800n });
    await lines.record([m1a, m1b, m2, m3]);
    const file = await acquirerTransferFile({ acquirerId, transferReference: reference(), valueDate: VALUE_DATE }, [
      { rrn: rrn(1), amountMinor: 1250n, feeMinor: 29n },
      { rrn: rrn(2), amountMinor: 2000n, feeMinor: 40n },
      { rrn: rrn(3), amountMinor: 4900n, feeMinor: 84n },
      { rrn: rrn(9), amountMinor: 777n, feeMinor: 10n },
    ]);
    return { m1a, m1b, m2, m3, file };
  };

  it('pays, shorts and leaves unpaid exactly the lines the transfer names, keeps the fees, and breaks on a line we do not have', async () => {
    const day = await dayOfFourLines();
    const { transfer, created } = imported(await sut.execute({ acquirerId, bytes: day.file, fileName: 'TRF_1.csv' }));
    expect(created).toBe(true);
    expect(transfer).toMatchObject({
      acquirerId,
      transferReference: reference(),
      valueDate: VALUE_DATE,
      currency: 'EUR',
      // 12.50 + 20.00 + 49.00 + 7.77 gross, 1.63 of fees.
      amountMinor: 8927n - 163n,
      grossMinor: 8927n,
      feeMinor: 163n,
      lineCount: 4,
      fileName: 'TRF_1.csv',
      breakCount: 2,
    });
    expect(transfer.totals).toEqual([
      { outcome: 'paid', count: 2, ourAmountMinor: 3250n, theirGrossMinor: 3250n, theirFeeMinor: 69n },
      { outcome: 'short', count: 1, ourAmountMinor: 5000n, theirGrossMinor: 4900n, theirFeeMinor: 84n },
      { outcome: 'unknown', count: 1, ourAmountMinor: 0n, theirGrossMinor: 777n, theirFeeMinor: 10n },
    ]);
    expect(transfer.breaks.map((b) => [b.lineNo, b.outcome, b.rrn, b.ourTransactionId, b.ourAmountMinor, b.theirGrossMinor, b.differenceMinor])).toEqual([
      [3, 'short', rrn(3), day.m2.transactionId, 5000n, 4900n, 100n],
      [4, 'unknown', rrn(9), null, null, 777n, null],
    ]);
    const [event] = await scratch.db.connection.query<{ payload: Record<string, unknown> }>(
      `SELECT "payload" FROM "outbox_message" WHERE "topic" = 'settlement.transfer.imported.v1' AND "message_key" = $1`,
      [acquirerId],
    );
    expect(event.payload).toMatchObject({ transferId: transfer.id, amountMinor: '8764', lineCount: 4, breakCount: 2 });
    expect(event.payload.totals).toContainEqual({ outcome: 'short', count: 1, ourAmountMinor: '5000', theirGrossMinor: '4900', theirFeeMinor: '84' });
  });

  it("reads each merchant's funding for the day: paid, short, and pending until the due date passes, then late", async () => {
    const day = await dayOfFourLines();
    imported(await sut.execute({ acquirerId, bytes: day.file }));
    const statusOn = async (now: string) =>
      Object.fromEntries((await funding.list({ acquirerId, businessDay: DAY }, 100, new Date(now))).map((f) => [f.merchantId, f.status]));
    expect(await statusOn('2026-12-03T23:00:00Z')).toEqual({ M1: 'paid', M2: 'short', M3: 'pending' });
    expect(await statusOn('2026-12-04T00:00:00Z')).toEqual({ M1: 'paid', M2: 'short', M3: 'late' });

    const [m1, m2, m3] = await funding.list({ acquirerId, businessDay: DAY }, 100, new Date('2026-12-04T00:00:00Z'));
    // M1: 32.50 gross, fees 0.29 + 0.40 at the acquirer's rate, withheld as expected.
    expect(m1).toMatchObject({ lineCount: 2, paidLineCount: 2, grossMinor: 3250n, expectedNetMinor: 3181n, paidNetMinor: 3181n, dueDate: '2026-12-03' });
    expect(m1.transferReferences).toEqual([reference()]);
    // M2: 50.00 owed less a 0.85 fee; paid 49.00 less 0.84.
    expect(m2).toMatchObject({ shortLineCount: 1, expectedNetMinor: 4915n, paidNetMinor: 4816n });
    expect(m3).toMatchObject({ lineCount: 1, unpaidLineCount: 1, paidNetMinor: 0n, transferReferences: [] });
    const late = await funding.list({ acquirerId, status: 'late' }, 100, new Date('2026-12-04T00:00:00Z'));
    expect(late.map((f) => f.merchantId)).toEqual(['M3']);
    await expect(funding.list({ merchantId: 'M1', acquirerId, status: 'short' }, 100, new Date('2026-12-04T00:00:00Z'))).resolves.toEqual([]);
  });

  it('takes the same file again as the same import, and refuses another file for the same transfer naming the first import', async () => {
    const day = await dayOfFourLines();
    const first = imported(await sut.execute({ acquirerId, bytes: day.file }));
    const again = imported(await sut.execute({ acquirerId, bytes: day.file }));
    expect(again).toMatchObject({ created: false, transfer: { id: first.transfer.id, breakCount: 2 } });
    const other = await acquirerTransferFile({ acquirerId, transferReference: reference(), valueDate: VALUE_DATE }, [{ rrn: rrn(4), amountMinor: 800n }]);
    await expect(sut.execute({ acquirerId, bytes: other })).resolves.toEqual({
      kind: 'transfer_already_imported',
      transferReference: reference(),
      earlierTransferId: first.transfer.id,
    });
    expect(await count('acquirer_transfer', '"acquirer_id" = $1', [acquirerId])).toBe(1);
    expect(await count('acquirer_transfer_line', '"transfer_id" = $1::uuid', [first.transfer.id])).toBe(4);
    expect(await count('outbox_message', '"message_key" = $1', [acquirerId])).toBe(1);
  });

  it('makes one import of five concurrent imports of the same file', async () => {
    const { file } = await dayOfFourLines();
    const outcomes = (await Promise.all(Array.from({ length: 5 }, () => sut.execute({ acquirerId, bytes: file })))).map(imported);
    expect(new Set(outcomes.map((o) => o.transfer.id)).size).toBe(1);
    expect(outcomes.filter((o) => o.created)).toHaveLength(1);
    expect(await count('acquirer_transfer_line', '"transfer_id" = $1::uuid', [outcomes[0].transfer.id])).toBe(4);
    expect(await count('outbox_message', '"message_key" = $1', [acquirerId])).toBe(1);
  });

  it('marks a line a second transfer pays again as a duplicate, and pays the line still unpaid', async () => {
    const day = await dayOfFourLines();
    imported(await sut.execute({ acquirerId, bytes: day.file }));
    const second = await acquirerTransferFile({ acquirerId, transferReference: reference(2), valueDate: VALUE_DATE }, [
      { rrn: rrn(1), amountMinor: 1250n, feeMinor: 29n },
      { rrn: rrn(4), amountMinor: 800n, feeMinor: 22n },
    ]);
    const { transfer } = imported(await sut.execute({ acquirerId, bytes: second }));
    expect(transfer.totals.map((t) => [t.outcome, t.count])).toEqual([
      ['duplicate', 1],
      ['paid', 1],
    ]);
    const m3 = await funding.list({ acquirerId, merchantId: 'M3' }, 10, new Date('2026-12-10T00:00:00Z'));
    expect(m3.map((f) => [f.status, f.transferReferences])).toEqual([['paid', [reference(2)]]]);
  });

  it('pays no line of a business day before the window up to the value date: an RRN the terminal used back then is unknown', async () => {
    const old = purchaseLine(acquirerId, '2026-09-01', { rrn: rrn(1) });
    await lines.record([old]);
    const file = await acquirerTransferFile({ acquirerId, transferReference: reference(), valueDate: VALUE_DATE }, [{ rrn: rrn(1), amountMinor: 1250n }]);
    const { transfer } = imported(await sut.execute({ acquirerId, bytes: file }));
    expect(transfer.totals.map((t) => [t.outcome, t.count])).toEqual([['unknown', 1]]);
  });

  it.each([
    ['a trailer that does not balance', 'trailer field totalAmountMinor', (bytes: Buffer) => Promise.resolve(unbalanced(bytes))],
    [
      'a transfer amount other than the gross minus the fees',
      'a difference of 1 minor units',
      () =>
        acquirerTransferFile({ acquirerId, transferReference: reference(), valueDate: VALUE_DATE, transferAmountMinor: 1222n }, [
          { rrn: rrn(1), amountMinor: 1250n, feeMinor: 29n },
        ]),
    ],
  ])('refuses %s, storing nothing', async (_case, reason, fileOf) => {
    const day = await dayOfFourLines();
    const outcome = await sut.execute({ acquirerId, bytes: await fileOf(day.file) });
    expect(outcome).toEqual({ kind: 'refused_file', reason: expect.stringContaining(reason) as string });
    expect(await count('acquirer_transfer', '"acquirer_id" = $1', [acquirerId])).toBe(0);
    expect(await count('acquirer_transfer_line', '"rrn" = ANY($1::text[])', [[rrn(1), rrn(9)]])).toBe(0);
    expect(await count('outbox_message', '"message_key" = $1', [acquirerId])).toBe(0);
  });

  it('refuses an unknown acquirer and a file whose header names another one', async () => {
    const nobody = await acquirerTransferFile({ acquirerId: 'nobody', transferReference: 'X', valueDate: VALUE_DATE }, []);
    await expect(sut.execute({ acquirerId: 'nobody', bytes: nobody })).resolves.toEqual({ kind: 'unknown_acquirer', acquirerId: 'nobody' });
    const { file } = await dayOfFourLines();
    await expect(sut.execute({ acquirerId: 'default', bytes: file })).resolves.toEqual({
      kind: 'refused_file',
      reason: `the file's header names acquirer "${acquirerId}", not "default"`,
    });
  });

  it('marks the transfer received once a camt.053 credit carries its reference for its amount, and not received without one by the second day', async () => {
    const day = await dayOfFourLines();
    const { transfer } = imported(await sut.execute({ acquirerId, bytes: day.file }));
    expect(transfer.credits).toEqual({ count: 0, amountMinor: 0n, otherCurrency: false, statementIds: [] });
    expect(transferReceiptOf(transfer, transfer.credits, new Date('2026-12-03T12:00:00Z'))).toBe('awaited');
    expect(transferReceiptOf(transfer, transfer.credits, new Date('2026-12-04T00:00:00Z'))).toBe('not_received');

    const statement = await statements.execute({
      file: camt053Credit(ACCOUNT, acquirers, VALUE_DATE, reference(), 8764n),
      format: 'camt053',
      allowGap: { reason: 'spec' },
    });
    expect(statement.kind).toBe('imported');
    const read = await transfers.findById(transfer.id);
    expect(read?.credits).toMatchObject({ count: 1, amountMinor: 8764n, otherCurrency: false });
    expect(transferReceiptOf(read!, read!.credits, new Date('2026-12-04T00:00:00Z'))).toBe('received');
  });
});
