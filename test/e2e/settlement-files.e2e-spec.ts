import { createReadStream, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { readLayoutFile, shippedLayout } from '@payments/file-layout';

import { OPERATOR_KEY, PlatformUnderTest, startEmbedded } from '../support/platform-under-test';
import { call, eventually, operatorCall, RegisterClient, TERMINAL_KEY } from '../support/register.client';

const PAN = '4242424242424242';
const MINUTE = 60_000;

/**
 * The acquirer's transaction file of a closed day, from the register to the acquirer's folder
 * (embedded mode, folder delivery). The default acquirer's cut-off is set a minute or two ahead
 * and the suite waits for it on the wall clock, as the close-of-day suite does.
 */
describe('settlement acquirer files end to end (embedded mode)', () => {
  const cutOffAt = Math.ceil((Date.now() + 50_000) / MINUTE) * MINUTE;
  const cutOff = new Date(cutOffAt).toISOString().slice(11, 16);
  const day = new Date(cutOffAt - 1).toISOString().slice(0, 10);
  const root = mkdtempSync(join(tmpdir(), 'settlement-files-e2e-'));
  const outgoing = join(root, 'outgoing');
  const ledger = join(root, 'ledger');
  let platform: PlatformUnderTest;
  let register: RegisterClient;

  beforeAll(async () => {
    const files = {
      default: { layout: 'acquirer-transactions-csv', values: { acquirerId: 'E2E01' }, folder: '', delivery: { kind: 'folder', path: outgoing } },
    };
    platform = await startEmbedded({
      env: {
        SETTLEMENT_CUT_OFFS: JSON.stringify({ default: `${cutOff} UTC` }),
        SETTLEMENT_FILES: JSON.stringify(files),
        SETTLEMENT_FILES_DIR: join(root, 'work'),
        SETTLEMENT_FILES_PASS_MS: '500',
        SETTLEMENT_JOURNAL_FILES: JSON.stringify({
          layout: 'journal-entries-csv',
          values: { ledgerId: 'GL01' },
          delivery: { kind: 'folder', path: ledger },
          acquirers: ['default'],
        }),
      },
    });
    register = new RegisterClient(platform.gatewayUrl, TERMINAL_KEY);
  }, 120_000);

  afterAll(async () => {
    await platform?.stop();
    rmSync(root, { recursive: true, force: true });
  }, 60_000);

  const settlement = (path: string, method = 'GET') =>
    call(`${platform.settlementUrl}/v1/settlement${path}`, { method, headers: { authorization: `Bearer ${OPERATOR_KEY}` } });

  it("delivers the closed day's file with its totals, lists it, and re-sends the same bytes", async () => {
    const card = (amount: number) => ({ amount, currency: 'EUR', card: register.card(PAN) });
    expect((await register.post('/v1/purchases', card(4000))).body).toMatchObject({ status: 'approved' });
    const second = await register.post('/v1/purchases', card(2550));
    expect(second.body).toMatchObject({ status: 'approved' });
    expect((await register.post('/v1/cancels', { originalTransactionId: second.body.transactionId })).body).toMatchObject({ status: 'approved' });

    await new Promise((resolve) => setTimeout(resolve, cutOffAt - Date.now() + 200));
    const closed = await settlement(`/acquirers/default/business-days/${day}/close`, 'POST');
    expect(closed.status).toBe(200);

    const file = await eventually(
      async () => (await operatorCall(`${platform.settlementUrl}/v1/settlement/batches/${String(closed.body.batchId)}/file`)).body,
      (body) => body.status === 'delivered',
    );
    expect(file).toMatchObject({ acquirerId: 'default', businessDay: day, sequence: 1, detailCount: 3, totals: { amount: '4000' }, attempts: 1 });

    // What the acquirer gets balances (the reader checks count, total and SHA-256) and holds no card number.
    const name = String(file.fileName);
    expect(readdirSync(outgoing)).toEqual([name]);
    const bytes = readFileSync(join(outgoing, name));
    const read = await readLayoutFile(shippedLayout('acquirer-transactions-csv'), createReadStream(join(outgoing, name)));
    expect(read.details.map((d) => [d.operationType, d.amountMinor])).toEqual([
      ['PURCHASE', 4000n],
      ['PURCHASE', 2550n],
      ['CANCEL', -2550n],
    ]);
    expect(bytes.toString('utf8')).not.toContain(PAN);

    expect((await operatorCall(`${platform.settlementUrl}/v1/settlement/files?acquirerId=default&status=delivered`)).body).toEqual([file]);
    const resent = await settlement(`/files/${String(file.fileId)}/resend`, 'POST');
    expect(resent).toMatchObject({ status: 200, body: { sha256: file.sha256, sequence: 1, attempts: 2 } });
    expect(readFileSync(join(outgoing, name))).toEqual(bytes);

    const badFilter = await settlement('/files?status=sent');
    expect([badFilter.status, badFilter.body.message]).toEqual([400, ['status: status must be one of pending, delivered, failed']]);
  }, 240_000);

  it("delivers the closed day's journal file in EUR, balanced, listed and re-sent with the same bytes", async () => {
    const journal = async () => (await settlement(`/journal-files?businessDay=${day}&currency=EUR`)).body as unknown as Record<string, unknown>[];
    const [file] = await eventually(journal, (files) => files[0]?.status === 'delivered');
    // The purchases' posting (65.50 on the receivable and the merchant) and the cancel's (25.50 back): 4 entries.
    expect(file).toMatchObject({
      status: 'delivered',
      lastError: null,
      currency: 'EUR',
      acquirers: ['default'],
      entryCount: 4,
      debitMinor: '9100',
      creditMinor: '9100',
      attempts: 1,
    });

    const name = String(file.fileName);
    expect(readdirSync(ledger)).toEqual([name]);
    const bytes = readFileSync(join(ledger, name));
    const read = await readLayoutFile(shippedLayout('journal-entries-csv'), createReadStream(join(ledger, name)));
    expect(read.details.map((d) => [d.account, d.debitCredit, d.amountMinor])).toEqual([
      ['1011', 'D', 6550n],
      ['2010', 'C', 6550n],
      ['2010', 'D', 2550n],
      ['1011', 'C', 2550n],
    ]);
    expect(read.trailer).toMatchObject({ entryCount: 4n, totalDebitMinor: 9100n, totalCreditMinor: 9100n });

    const resent = await settlement(`/journal-files/${String(file.fileId)}/resend`, 'POST');
    expect(resent).toMatchObject({ status: 200, body: { sha256: file.sha256, sequence: file.sequence, attempts: 2 } });
    expect(readFileSync(join(ledger, name))).toEqual(bytes);

    const badFilter = await settlement('/journal-files?currency=eur');
    expect([badFilter.status, badFilter.body.message]).toEqual([400, ['currency: currency must be an ISO 4217 code of three capital letters']]);
  }, 60_000);
});
