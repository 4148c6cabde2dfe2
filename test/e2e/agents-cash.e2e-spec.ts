import { randomBytes, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { terminalRequestHeaders } from '@payments/contracts';

import { agentsOperatorApi } from '../support/agents-operator.client';
import { PlatformUnderTest, startEmbedded } from '../support/platform-under-test';
import { call, HttpResult } from '../support/register.client';
import { repoRoot } from '../support/repo-root.util';

/** The demo kiosk's terminal and its development key (public in the repo, seeded in the embedded mode). */
const KIOSK_TERMINAL = 'demo-kiosk-terminal';
const KIOSK_KEY = 'apps/agents-billing/src/demo/demo-kiosk-terminal.dev-key.pem';

/**
 * Cash at the agents through the operator API (embedded mode): a payer's change kept, spent and
 * paid out by phone number (an operator needs no PIN), at the demo kiosk's signed terminal only
 * with the payer's change PIN, and scratch vouchers imported, counted, thresholded, blocked and
 * returned, with no code, no PIN and no whole phone number in any answer.
 */
describe('agents cash end to end (embedded mode)', () => {
  let platform: PlatformUnderTest;

  beforeAll(async () => {
    platform = await startEmbedded();
  }, 120_000);

  afterAll(async () => {
    await platform?.stop();
  }, 60_000);

  const api = agentsOperatorApi(() => platform.settlementUrl);
  const expectStatus = async (result: Promise<HttpResult>, status: number) => {
    const { status: got, body } = await result;
    expect([got, body.message]).toEqual([status, undefined]);
    return body;
  };

  it("keeps a payer's change by phone, spends and pays it out, and refuses what would take it below zero", async () => {
    const dealer = await expectStatus(api('POST', '/dealers', { name: 'Cash Dealer', currency: 'EUR', creditLimit: 100_000 }), 201);
    const agent = await expectStatus(api('POST', `/nodes/${String(dealer.id)}/children`, { name: 'Cash Kiosk' }), 201);
    const agentId = String(agent.id);
    await expectStatus(api('POST', `/nodes/${agentId}/fundings`, { id: randomUUID(), amount: 10_000 }), 201);
    const move = (body: Record<string, unknown>) => api('POST', `/nodes/${agentId}/change-moves`, { id: randomUUID(), phone: '+420 602 555 123', ...body });

    const kept = await expectStatus(move({ move: 'keep', amount: 730 }), 201);
    expect(kept).toMatchObject({ move: 'keep', phone: '***5123', amount: '730', currency: 'EUR', changeBalance: '730' });
    await expectStatus(move({ move: 'spend', amount: 500, paymentId: randomUUID() }), 201);
    const tooMuch = await move({ move: 'pay-out', amount: 231 });
    expect([tooMuch.status, tooMuch.body.message]).toEqual([422, "amount: exceeds the change account's balance: 230 available"]);
    await expectStatus(move({ move: 'pay-out', amount: 230 }), 201);
    const balance = await expectStatus(api('POST', '/change-balances', { phone: '00420602555123', currency: 'EUR' }), 200);
    expect(balance).toEqual({ phone: '***5123', currency: 'EUR', balance: '0' });

    const national = await api('POST', '/change-balances', { phone: '602555123', currency: 'EUR' });
    expect([national.status, national.body.message]).toEqual([400, 'phone: must be international: + (or 00) and the country code']);
    const badMove = await move({ move: 'borrow', amount: 1 });
    expect([badMove.status, JSON.stringify(badMove.body.message)]).toEqual([400, expect.stringContaining('move must be one of keep, spend, pay-out')]);
  });

  it("keeps change at the demo kiosk's terminal under the payer's PIN: without it or with a wrong one nothing is paid out or read", async () => {
    const privateKey = readFileSync(join(repoRoot(), KIOSK_KEY), 'utf8');
    const terminal = (path: string, body: Record<string, unknown>, key?: string) => {
      const text = JSON.stringify({ phone: '+420 602 555 777', ...body });
      const signed = terminalRequestHeaders(
        {
          terminalId: KIOSK_TERMINAL,
          method: 'POST',
          pathWithQuery: path,
          body: Buffer.from(text),
          nonce: randomBytes(12).toString('hex'),
          now: new Date(),
          ...(key ? { idempotencyKey: key } : {}),
        },
        privateKey,
      );
      const headers = { ...signed, 'content-type': 'application/json' };
      return call(`${platform.gatewayUrl}${path}`, { method: 'POST', headers, body: text });
    };
    const move = (body: Record<string, unknown>) => terminal('/v1/agent-terminal/change-moves', body, `change-${randomUUID()}`);
    const balance = (body: Record<string, unknown>) => terminal('/v1/agent-terminal/change-balances', body);

    const kept = await move({ move: 'keep', amount: 300, pin: '2580' });
    expect([kept.status, kept.body]).toEqual([201, expect.objectContaining({ phone: '***5777', changeBalance: '300' })]);
    const noPin = await move({ move: 'pay-out', amount: 100 });
    expect([noPin.status, noPin.body.reason, noPin.body.message]).toEqual([400, 'pin_required', expect.stringMatching(/^pin: /)]);
    const wrong = await move({ move: 'pay-out', amount: 100, pin: '0852' });
    expect([wrong.status, wrong.body.reason]).toEqual([422, 'change_pin_wrong']);
    const unread = await balance({});
    expect([unread.status, unread.body.message]).toEqual([400, ['pin: pin is required (the payer types it)']]);
    expect((await balance({ pin: '2580' })).body).toEqual({ phone: '***5777', currency: 'EUR', balance: '300' });
    expect((await move({ move: 'pay-out', amount: 100, pin: '2580' })).body).toMatchObject({ changeBalance: '200' });
    expect(JSON.stringify([kept, noPin, wrong, unread].map((r) => r.text))).not.toMatch(/2580|0852|602555777/);
  });

  it('imports a batch (CSV), shows the stock, raises the low-stock alert by threshold, blocks and returns, never answering a code', async () => {
    const providerId = `topup-${randomUUID().slice(0, 8)}`;
    const batchId = randomUUID();
    const batch = {
      id: batchId,
      providerId,
      denomination: 1_000,
      currency: 'EUR',
      csv: 'serial,code\nS-1,SCRATCH-AAAA-1\nS-2,SCRATCH-AAAA-2\nS-3,SCRATCH-AAAA-3',
    };
    expect(await expectStatus(api('POST', '/voucher-batches', batch), 201)).toMatchObject({ id: batchId, voucherCount: 3, denomination: '1000' });
    expect((await api('POST', '/voucher-batches', batch)).status).toBe(200);
    const duplicate = await api('POST', '/voucher-batches', { ...batch, id: randomUUID(), csv: 'S-9,SCRATCH-NEW-9\nS-2,SCRATCH-NEW-2' });
    expect([duplicate.status, duplicate.body.message]).toEqual([422, `csv line 2: serial S-2 is already in ${providerId}'s stock`]);

    const low = await expectStatus(api('PUT', '/voucher-stock/thresholds', { providerId, denomination: 1_000, currency: 'EUR', minimumAvailable: 3 }), 200);
    expect(low).toMatchObject({ available: 3, low: false });
    await expectStatus(api('POST', '/vouchers/blocks', { providerId, serial: 'S-1' }), 200);
    const stock = await api('GET', `/voucher-stock?providerId=${providerId}`);
    expect(stock.body).toEqual([
      { providerId, denomination: '1000', currency: 'EUR', available: 2, expired: 0, sold: 0, returned: 0, blocked: 1, minimumAvailable: 3, low: true },
    ]);
    const notSold = await api('POST', '/vouchers/returns', { providerId, serial: 'S-2' });
    expect([notSold.status, notSold.body.message]).toEqual([
      422,
      'serial: voucher S-2 was not sold (it is available): an unsold voucher goes back with its batch',
    ]);
    expect(await expectStatus(api('POST', `/voucher-batches/${batchId}/return`), 200)).toEqual({
      batchId,
      vouchers: { available: 0, sold: 0, returned: 3, blocked: 0 },
    });
    const all = JSON.stringify([stock.body, low]);
    expect(all).not.toContain('SCRATCH-AAAA');
  });
});
