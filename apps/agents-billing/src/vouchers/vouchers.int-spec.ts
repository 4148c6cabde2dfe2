import { randomUUID } from 'node:crypto';

import { type AgentsBillingUnderTest, openAgentsBilling } from '../testing/agents-billing.fixture';
import type { AgentNode } from '../tree/agent-node';
import type { SellVoucherOutcome } from './sell-voucher.usecase';
import { CODE_REVEAL_WINDOW_MS } from './sell-voucher.usecase';
import { voucherProviderAccountOf } from './voucher-provider-account';

jest.setTimeout(120_000);

const NOW = new Date('2026-12-09T10:00:00.000Z');

/** Scratch vouchers on real PostgreSQL and on PGlite; the ledger's invariants after every test. */
describe.each(['postgres', 'pglite'] as const)('scratch vouchers (%s)', (kind) => {
  let sut: AgentsBillingUnderTest;

  beforeAll(async () => {
    sut = await openAgentsBilling(kind);
  });
  afterEach(async () => {
    expect(await sut.violations()).toEqual([]);
  });
  afterAll(() => sut?.close());

  /** A provider no other test uses, and a batch of `count` vouchers of 500 EUR cents: serials S-0…, codes CODE-<provider>-<i>. */
  const stockOf = async (count: number, more: { expiresAt?: Date | null } = {}) => {
    const providerId = `prov-${randomUUID().slice(0, 8)}`;
    const codes = Array.from({ length: count }, (_, i) => `CODE-${providerId}-${i}`);
    const outcome = await sut.importVouchers.execute({
      batchId: randomUUID(),
      providerId,
      denomination: 500n,
      currency: 'EUR',
      expiresAt: more.expiresAt ?? null,
      csv: ['serial,code', ...codes.map((code, i) => `S-${String(i).padStart(4, '0')},${code}`)].join('\n'),
      now: NOW,
    });
    if (outcome.kind !== 'imported') throw new Error(`expected imported, got ${JSON.stringify(outcome)}`);
    return { providerId, codes, batchId: outcome.batch.id };
  };
  const agentWith = async (funds: bigint) => {
    const dealer = await sut.dealer({ creditLimit: 10_000_000n });
    const agent = await sut.child(dealer);
    if (funds > 0n) await sut.fund.execute({ fundingId: randomUUID(), childId: agent.id, amount: funds });
    return { dealer, agent };
  };
  const sell = (agent: AgentNode, providerId: string, saleId = randomUUID(), now = NOW) =>
    sut.sellVoucher.execute({ saleId, nodeId: agent.id, providerId, denomination: 500n, currency: 'EUR', now });
  const sold = (outcome: SellVoucherOutcome) => {
    if (outcome.kind !== 'sold') throw new Error(`expected sold, got ${outcome.kind}`);
    return outcome;
  };
  const balanceOf = async (accountId: string) => {
    const account = await sut.ledger.account(accountId).catch(() => undefined);
    return account ? account.creditsPosted - account.debitsPosted : 0n;
  };
  const levelOf = async (providerId: string) => (await sut.voucherStock.levels(NOW, { providerId }))[0];
  const openStockAlerts = async (providerId: string) =>
    (await sut.alerts.open(1000)).filter((a) => a.kind === 'voucher-stock-low' && a.subjectId.startsWith(`${providerId}/`));

  it('keeps each code encrypted at rest: the raw row holds neither the code nor a plain hash of it', async () => {
    const { providerId, codes } = await stockOf(3);
    const rows = await sut.scratch.db.connection.query<Record<string, unknown>>(`SELECT * FROM "voucher" WHERE "provider_id" = $1`, [providerId]);
    expect(rows).toHaveLength(3);
    const raw = JSON.stringify(rows);
    for (const code of codes) expect(raw).not.toContain(code);
    expect(rows[0]).toMatchObject({ code_key_id: 'voucher-dev-1', status: 'available' });
    expect(String(rows[0].code_ciphertext)).toMatch(/^[A-Za-z0-9+/]+=*$/);
  });

  it('refuses a whole batch when one serial or code is already in the stock, naming the line', async () => {
    const { providerId, codes } = await stockOf(2);
    const batch = (csv: string) =>
      sut.importVouchers.execute({ batchId: randomUUID(), providerId, denomination: 500n, currency: 'EUR', expiresAt: null, csv, now: NOW });
    expect(await batch(`NEW-1,FRESH-CODE-1\nS-0001,FRESH-CODE-2`)).toEqual({
      kind: 'refused',
      message: `csv line 2: serial S-0001 is already in ${providerId}'s stock`,
    });
    expect(await batch(`NEW-1,FRESH-CODE-1\nNEW-2,FRESH-CODE-2\nNEW-3,${codes[0]}`)).toEqual({
      kind: 'refused',
      message: `csv line 3: the code of serial NEW-3 is already in ${providerId}'s stock`,
    });
    expect(await levelOf(providerId)).toMatchObject({ available: 2 });
    const rows = await sut.scratch.db.connection.query(`SELECT "serial" FROM "voucher" WHERE "provider_id" = $1 AND "serial" LIKE 'NEW-%'`, [providerId]);
    expect(rows).toEqual([]);
  });

  it('answers a repeated import with the first batch; another body under its id is refused', async () => {
    const providerId = `prov-${randomUUID().slice(0, 8)}`;
    const command = {
      batchId: randomUUID(),
      providerId,
      denomination: 500n,
      currency: 'EUR',
      expiresAt: null,
      vouchers: [{ serial: 'A1', code: 'ZXCV-1234' }],
      now: NOW,
    };
    expect(await sut.importVouchers.execute(command)).toMatchObject({ kind: 'imported', batch: { voucherCount: 1 } });
    expect(await sut.importVouchers.execute(command)).toMatchObject({ kind: 'existing', batch: { voucherCount: 1 } });
    expect(await sut.importVouchers.execute({ ...command, denomination: 1000n })).toEqual({ kind: 'id_reused' });
    expect(await levelOf(providerId)).toMatchObject({ available: 1 });
  });

  it('20 concurrent sales of a 10-voucher stock: exactly 10 sold with distinct codes, 10 out of stock, the ledger balanced', async () => {
    const { providerId, codes } = await stockOf(10);
    const { agent } = await agentWith(100_000n);
    const outcomes = await Promise.all(Array.from({ length: 20 }, () => sell(agent, providerId)));
    const sales = outcomes.filter((o) => o.kind === 'sold');
    expect(sales).toHaveLength(10);
    expect(outcomes.filter((o) => o.kind === 'out_of_stock')).toHaveLength(10);
    expect(new Set(sales.map((s) => s.code)).size).toBe(10);
    expect(new Set(sales.map((s) => s.code))).toEqual(new Set(codes));
    expect(await balanceOf(agent.ledgerAccountId)).toBe(100_000n - 10n * 500n);
    expect(await balanceOf(voucherProviderAccountOf(providerId, 'EUR').id)).toBe(5_000n);
    expect(await levelOf(providerId)).toMatchObject({ available: 0, sold: 10 });
  });

  it('answers a sale repeated with its id with the same voucher and one debit; the code again only within the window', async () => {
    const { providerId } = await stockOf(3);
    const { agent } = await agentWith(10_000n);
    const saleId = randomUUID();
    const first = sold(await sell(agent, providerId, saleId));
    const again = sold(await sell(agent, providerId, saleId, new Date(NOW.getTime() + 1_000)));
    expect([again.serial, again.code]).toEqual([first.serial, first.code]);
    const late = sold(await sell(agent, providerId, saleId, new Date(NOW.getTime() + CODE_REVEAL_WINDOW_MS + 1)));
    expect([late.serial, late.code]).toEqual([first.serial, null]);
    expect(await balanceOf(agent.ledgerAccountId)).toBe(9_500n);
    expect(await levelOf(providerId)).toMatchObject({ available: 2, sold: 1 });
    const other = await agentWith(10_000n);
    expect(await sell(other.agent, providerId, saleId)).toEqual({ kind: 'id_reused' });
  });

  it('answers 5 concurrent sends of one sale id with one voucher and one debit', async () => {
    const { providerId } = await stockOf(3);
    const { agent } = await agentWith(10_000n);
    const saleId = randomUUID();
    const outcomes = (await Promise.all(Array.from({ length: 5 }, () => sell(agent, providerId, saleId)))).map(sold);
    expect(new Set(outcomes.map((o) => o.serial)).size).toBe(1);
    expect(await balanceOf(agent.ledgerAccountId)).toBe(9_500n);
    expect(await levelOf(providerId)).toMatchObject({ available: 2, sold: 1 });
  });

  it('never sells a voucher twice, nor a blocked or expired one', async () => {
    const { providerId, batchId } = await stockOf(3);
    const { agent } = await agentWith(10_000n);
    const first = sold(await sell(agent, providerId));
    expect(await sut.voucherReturns.blockSerial(providerId, 'S-0001', NOW)).toMatchObject({ kind: 'blocked' });
    const second = sold(await sell(agent, providerId));
    expect([first.serial, second.serial]).toEqual(['S-0000', 'S-0002']);
    expect(await sell(agent, providerId)).toEqual({ kind: 'out_of_stock' });
    expect(await sut.voucherReturns.blockSerial(providerId, 'S-0000', NOW)).toEqual({ kind: 'not_available', status: 'sold' });
    expect(await sut.voucherReturns.moveBatch(batchId, 'blocked', NOW)).toMatchObject({ vouchers: { sold: 2, blocked: 1, available: 0 } });
    const expiring = await stockOf(1, { expiresAt: new Date(NOW.getTime() - 1) });
    expect(await sell(agent, expiring.providerId)).toEqual({ kind: 'out_of_stock' });
    expect(await levelOf(expiring.providerId)).toMatchObject({ available: 0, expired: 1 });
    expect(await balanceOf(agent.ledgerAccountId)).toBe(9_000n);
  });

  it("refuses a sale past the agent's balance plus credit limit or at a blocked agent: the voucher stays in stock", async () => {
    const { providerId } = await stockOf(1);
    const { dealer, agent } = await agentWith(499n);
    expect(await sell(agent, providerId)).toEqual({ kind: 'limit_exceeded', available: 499n });
    await sut.status.execute(dealer.id, 'blocked');
    expect(await sell(agent, providerId)).toEqual({ kind: 'blocked', blockedNodeId: dealer.id });
    expect(await levelOf(providerId)).toMatchObject({ available: 1, sold: 0 });
    expect(await balanceOf(agent.ledgerAccountId)).toBe(499n);
  });

  it('returns a sold voucher to its agent once, and an unsold batch to its provider', async () => {
    const { providerId, batchId } = await stockOf(3);
    const { agent } = await agentWith(10_000n);
    const sale = sold(await sell(agent, providerId));
    const returned = await sut.voucherReturns.returnSold(providerId, sale.serial, NOW);
    expect(returned).toMatchObject({ kind: 'returned', voucher: { status: 'returned' }, transfer: { amount: 500n, creditAccountId: agent.ledgerAccountId } });
    expect(await sut.voucherReturns.returnSold(providerId, sale.serial, NOW)).toMatchObject({ kind: 'returned' });
    expect(await balanceOf(agent.ledgerAccountId)).toBe(10_000n);
    expect(await sut.voucherReturns.returnSold(providerId, 'S-0001', NOW)).toEqual({ kind: 'not_sold', status: 'available' });
    expect(await sut.voucherReturns.moveBatch(batchId, 'returned', NOW)).toMatchObject({ vouchers: { returned: 3, available: 0 } });
    expect(await sell(agent, providerId)).toEqual({ kind: 'out_of_stock' });
    const events = (await sut.outbox()).filter((e) => e.payload.providerId === providerId).map((e) => [e.payload.kind, e.payload.voucherSerial]);
    expect(events).toEqual([
      ['voucher-sold', sale.serial],
      ['voucher-returned', sale.serial],
    ]);
    expect(JSON.stringify(await sut.outbox())).not.toContain(sale.code);
  });

  it('finishes sales a stopped process left reserved: released when the ledger never got them, posted when it did', async () => {
    const { providerId } = await stockOf(2);
    const { agent } = await agentWith(10_000n);
    const ledgerDown = Object.assign(Object.create(sut.ledger) as typeof sut.ledger, { transfer: () => Promise.reject(new Error('connection terminated')) });
    await expect(
      sut
        .sellVoucherWith({ ledger: ledgerDown })
        .execute({ saleId: randomUUID(), nodeId: agent.id, providerId, denomination: 500n, currency: 'EUR', now: NOW }),
    ).rejects.toThrow('connection terminated');
    const markLost = Object.assign(Object.create(sut.voucherSales) as typeof sut.voucherSales, {
      markPosted: () => Promise.reject(new Error('connection terminated')),
    });
    const postedSaleId = randomUUID();
    await expect(
      sut.sellVoucherWith({ sales: markLost }).execute({ saleId: postedSaleId, nodeId: agent.id, providerId, denomination: 500n, currency: 'EUR', now: NOW }),
    ).rejects.toThrow('connection terminated');
    expect(await levelOf(providerId)).toMatchObject({ available: 0, sold: 2 });

    expect(await sut.reservedVoucherSales().runOnce(new Date(NOW.getTime() + 1_000))).toBeUndefined();
    expect(await levelOf(providerId)).toMatchObject({ available: 0, sold: 2 });
    await sut.reservedVoucherSales().runOnce(new Date(NOW.getTime() + CODE_REVEAL_WINDOW_MS + 1_000));

    expect(await levelOf(providerId)).toMatchObject({ available: 1, sold: 1 });
    expect(await balanceOf(agent.ledgerAccountId)).toBe(9_500n);
    expect(await sut.voucherSales.find(postedSaleId)).toMatchObject({ status: 'posted' });
    expect((await sut.outbox()).filter((e) => e.payload.transferId === postedSaleId).map((e) => e.payload.kind)).toEqual(['voucher-sold']);
  });

  /** The sale as a process that stops at its ledger write, or (`mark`) at its mark just after it. */
  const stoppingAt = (lost: 'ledger' | 'mark') =>
    lost === 'ledger'
      ? sut.sellVoucherWith({
          ledger: Object.assign(Object.create(sut.ledger) as typeof sut.ledger, { transfer: () => Promise.reject(new Error('connection terminated')) }),
        })
      : sut.sellVoucherWith({
          sales: Object.assign(Object.create(sut.voucherSales) as typeof sut.voucherSales, {
            markPosted: () => Promise.reject(new Error('connection terminated')),
          }),
        });
  /** A sale of `agent` under `saleId` that a stopped process left reserved at `now`. */
  const leftReserved = async (agent: AgentNode, providerId: string, saleId: string, lost: 'ledger' | 'mark', now = NOW) => {
    const command = { saleId, nodeId: agent.id, providerId, denomination: 500n, currency: 'EUR', now };
    await expect(stoppingAt(lost).execute(command)).rejects.toThrow('connection terminated');
  };
  const pastTheWindow = new Date(NOW.getTime() + CODE_REVEAL_WINDOW_MS + 1_000);

  it('shows the code to the retry that posts a sale left reserved, even past the reveal window: never a debit without the code', async () => {
    const { providerId, codes } = await stockOf(2);
    const { agent } = await agentWith(10_000n);
    const [neverWritten, neverMarked] = [randomUUID(), randomUUID()];
    await leftReserved(agent, providerId, neverWritten, 'ledger');
    await leftReserved(agent, providerId, neverMarked, 'mark');

    const retried = [sold(await sell(agent, providerId, neverWritten, pastTheWindow)), sold(await sell(agent, providerId, neverMarked, pastTheWindow))];

    expect(retried.map((sale) => [sale.serial, sale.code])).toEqual([
      ['S-0000', codes[0]],
      ['S-0001', codes[1]],
    ]);
    expect(await balanceOf(agent.ledgerAccountId)).toBe(9_000n);
    const later = new Date(pastTheWindow.getTime() + 1_000);
    expect(sold(await sell(agent, providerId, neverWritten, later)).code).toBeNull();
    expect(await levelOf(providerId)).toMatchObject({ available: 0, sold: 2 });
  });

  it("never releases a stale sale a caller's retry took meanwhile: the voucher stays sold to the agent it debited, the code shown once", async () => {
    const { providerId, codes } = await stockOf(2);
    const { agent } = await agentWith(10_000n);
    const saleId = randomUUID();
    await leftReserved(agent, providerId, saleId, 'ledger');
    // The worker finds no transfer; before it releases, the caller's retry takes the sale and the ledger posts it (its answer lost).
    const racing = Object.assign(Object.create(sut.ledger) as typeof sut.ledger, {
      findTransfer: async (id: string) => {
        const seen = await sut.ledger.findTransfer(id);
        if (id === saleId) await leftReserved(agent, providerId, saleId, 'mark', pastTheWindow);
        return seen;
      },
    });

    await sut.reservedVoucherSales(sut.sellVoucherWith({ ledger: racing })).runOnce(pastTheWindow);

    expect(await levelOf(providerId)).toMatchObject({ available: 1, sold: 1 });
    expect(await balanceOf(agent.ledgerAccountId)).toBe(9_500n);
    const answered = sold(await sell(agent, providerId, saleId, new Date(pastTheWindow.getTime() + 1_000)));
    expect([answered.serial, answered.code]).toEqual(['S-0000', codes[0]]);
    expect(await sut.voucherSales.find(saleId)).toMatchObject({ status: 'posted' });
    expect(await balanceOf(agent.ledgerAccountId)).toBe(9_500n);
    expect(await levelOf(providerId)).toMatchObject({ available: 1, sold: 1 });
  });

  it('raises voucher-stock-low when the available count falls below the threshold, and clears it when restocked', async () => {
    const { providerId } = await stockOf(3);
    const { agent } = await agentWith(10_000n);
    await sut.voucherStock.setThreshold({ providerId, denomination: 500n, currency: 'EUR' }, 2, NOW);
    sold(await sell(agent, providerId));
    expect(await openStockAlerts(providerId)).toEqual([]);
    sold(await sell(agent, providerId));
    expect(await openStockAlerts(providerId)).toEqual([
      expect.objectContaining({ subjectId: `${providerId}/500/EUR`, summary: `voucher stock ${providerId}/500/EUR: 1 available, below the threshold of 2` }),
    ]);
    await sut.importVouchers.execute({
      batchId: randomUUID(),
      providerId,
      denomination: 500n,
      currency: 'EUR',
      expiresAt: null,
      vouchers: [{ serial: 'R-1', code: 'RESTOCK-1' }],
      now: NOW,
    });
    expect(await openStockAlerts(providerId)).toEqual([]);
  });
});
