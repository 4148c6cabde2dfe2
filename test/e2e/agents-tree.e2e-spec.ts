import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';

import { PayeeGatewaySimulator } from '@payments/testing';

import { agentsOperatorApi } from '../support/agents-operator.client';
import { OPERATOR_KEY, PlatformUnderTest, startEmbedded } from '../support/platform-under-test';
import { call, HttpResult } from '../support/register.client';
import { repoRoot } from '../support/repo-root.util';

/**
 * The agents' tree through the operator API (embedded mode): a dealer, an agent and two levels of
 * sub-agents, fundings down the tree, a payment with every level's commission, the limits and a
 * block, as an operator would drive them.
 */
describe('agents tree end to end (embedded mode)', () => {
  let platform: PlatformUnderTest;

  beforeAll(async () => {
    platform = await startEmbedded();
  }, 120_000);

  afterAll(async () => {
    await platform?.stop();
  }, 60_000);

  const api = agentsOperatorApi(() => platform.settlementUrl);
  const created = async (result: Promise<HttpResult>) => {
    const { status, body } = await result;
    expect([status, body.message]).toEqual([201, undefined]);
    return body as { id: string } & Record<string, unknown>;
  };
  /** `npm run --silent cli -- <args>` as an operator runs it against this platform. */
  const cli = (args: string[]): Promise<{ status: number; stdout: string; stderr: string }> =>
    new Promise((resolve) => {
      const env = { ...process.env, PAYMENTS_OPERATOR_URL: platform.settlementUrl, PAYMENTS_OPERATOR_KEY: OPERATOR_KEY };
      execFile('npm', ['run', '--silent', 'cli', '--', ...args], { cwd: repoRoot(), env, timeout: 60_000 }, (error, stdout, stderr) => {
        resolve({ status: typeof error?.code === 'number' ? error.code : error ? -1 : 0, stdout, stderr });
      });
    });
  /** A payer's phone number: the mobile top-up payee's account format. */
  const PHONE = '+420777123456';
  const fund = (nodeId: string, amount: number) => api('POST', `/nodes/${nodeId}/fundings`, { id: randomUUID(), amount });

  it('builds a four-level tree, funds it, pays a payee with every level’s commission, and holds the limits and a block', async () => {
    const payeeId = `mobile-topup-${randomUUID().slice(0, 8)}`;
    const payee = await api('PUT', `/payees/${payeeId}`, { name: 'Mobile top-up', currency: 'EUR', account: { pattern: '\\+420[0-9]{9}', checksum: 'none' } });
    expect([payee.status, payee.body.message]).toEqual([201, undefined]);
    const plan = await api('PUT', `/commission-plans/${payeeId}`, {
      levels: [
        { level: 'dealer', percentBasisPoints: 50 },
        { level: 'agent', percentBasisPoints: 100, min: 20 },
        { level: 'sub-agent', fixed: 15 },
      ],
    });
    expect(plan.status).toBe(200);

    const dealer = await created(api('POST', '/dealers', { name: 'Dealer North', currency: 'EUR', creditLimit: 100_000 }));
    const agent = await created(api('POST', `/nodes/${dealer.id}/children`, { name: 'Agent Station' }));
    const sub = await created(api('POST', `/nodes/${agent.id}/children`, { name: 'Kiosk 1' }));
    const payer = await created(api('POST', `/nodes/${sub.id}/children`, { name: 'Kiosk 1a', creditLimit: 500, dailyLimit: 20_000 }));
    expect([agent.level, sub.level, payer.level, payer.currency]).toEqual(['agent', 'sub-agent', 'sub-agent', 'EUR']);
    expect((await api('GET', `/nodes/${sub.id}/children`)).body).toEqual([expect.objectContaining({ id: payer.id, parentId: sub.id })]);

    expect((await fund(agent.id, 60_000)).status).toBe(201);
    expect((await fund(sub.id, 20_000)).status).toBe(201);
    expect((await fund(payer.id, 10_000)).status).toBe(201);
    const pastDealer = await fund(agent.id, 40_001);
    expect([pastDealer.status, pastDealer.body.message]).toEqual([422, "amount: exceeds the parent's balance plus credit limit: 40000 available"]);

    const paymentId = randomUUID();
    const payment = await api('POST', `/nodes/${payer.id}/payments`, { id: paymentId, payeeId, amount: 2_500, currency: 'EUR', account: PHONE });
    expect(payment.status).toBe(201);
    // dealer 0.5 % of 25.00 = 0.125 -> 0.13 (half up); agent 1 % = 0.25; each sub-agent 0.15 fixed.
    expect((payment.body.transfers as { kind: string; nodeId: string; amount: string }[]).map((t) => [t.kind, t.nodeId, t.amount])).toEqual([
      ['payment', payer.id, '2500'],
      ['commission', payer.id, '15'],
      ['commission', sub.id, '15'],
      ['commission', agent.id, '25'],
      ['commission', dealer.id, '13'],
    ]);
    const again = await api('POST', `/nodes/${payer.id}/payments`, { id: paymentId, payeeId, amount: 2_500, currency: 'EUR', account: PHONE });
    expect(again.body).toEqual(payment.body);

    const node = await api('GET', `/nodes/${payer.id}`);
    expect(node.body).toMatchObject({
      effectiveStatus: 'active',
      balance: { posted: { debits: '2500', credits: '10000' }, creditLimit: '500', available: '8000' },
      commissionsEarned: '15',
    });
    const balance = await cli(['ledger', 'balance', '--account', payer.id]);
    expect([balance.status, balance.stderr]).toEqual([0, '']);
    expect(JSON.parse(balance.stdout)).toEqual(node.body);
    const tree = await cli(['agents', 'tree', '--root', dealer.id]);
    expect((JSON.parse(tree.stdout) as { id: string; depth: number }[]).map((n) => [n.id, n.depth])).toEqual([
      [dealer.id, 0],
      [agent.id, 1],
      [sub.id, 2],
      [payer.id, 3],
    ]);
    const pastCredit = await api('POST', `/nodes/${payer.id}/payments`, { id: randomUUID(), payeeId, amount: 8_001, currency: 'EUR', account: PHONE });
    expect([pastCredit.status, pastCredit.body.message]).toEqual([422, "amount: 8001 exceeds the node's balance plus credit limit: 8000 available"]);

    const history = await api('GET', `/nodes/${payer.id}/history?limit=1`);
    expect(history.body).toMatchObject({ entries: [{ side: 'credit', amount: '10000', balanceAfter: '10000' }] });
    const next = await api('GET', `/nodes/${payer.id}/history?limit=10&after=${String(history.body.nextAfter)}`);
    expect(next.body).toMatchObject({
      entries: [{ transferId: expect.any(String) as unknown, side: 'debit', amount: '2500', balanceAfter: '7500' }],
      nextAfter: null,
    });

    expect((await api('POST', `/nodes/${dealer.id}/block`)).body).toMatchObject({ status: 'blocked' });
    const blocked = await api('POST', `/nodes/${payer.id}/payments`, { id: randomUUID(), payeeId, amount: 100, currency: 'EUR', account: PHONE });
    expect([blocked.status, blocked.body.message]).toEqual([422, `id: node ${payer.id} is blocked (its ancestor ${dealer.id} is)`]);
    expect((await api('GET', `/nodes/${payer.id}`)).body).toMatchObject({ status: 'active', effectiveStatus: 'blocked', blockedBy: dealer.id });
    await api('POST', `/nodes/${dealer.id}/unblock`);

    const lowered = await api('PATCH', `/nodes/${payer.id}/limits`, { paymentLimit: 1_000 });
    expect(lowered.body).toMatchObject({ paymentLimit: '1000', creditLimit: '500', dailyLimit: '20000' });
    const pastPayment = await api('POST', `/nodes/${payer.id}/payments`, { id: randomUUID(), payeeId, amount: 1_001, currency: 'EUR', account: PHONE });
    expect(pastPayment.body.message).toBe("amount: 1001 exceeds the node's per-payment limit: 1000 available");
  }, 60_000);

  it('keeps a payee catalogue, checks a payer’s account by the payee’s rules, and posts the payer’s fee in the payment’s chain', async () => {
    const loans = `loans-${randomUUID().slice(0, 8)}`;
    const definition = {
      name: 'Consumer loans',
      currency: 'EUR',
      account: { pattern: '[0-9]{16}', checksum: 'luhn' },
      limits: { min: 100, max: 50_000 },
      fee: { percentBasisPoints: 150, fixed: 10 },
    };
    const opened = await api('PUT', `/payees/${loans}`, definition);
    expect([opened.status, opened.body]).toEqual([
      201,
      expect.objectContaining({
        payeeId: loans,
        status: 'active',
        account: { pattern: '[0-9]{16}', checksum: 'luhn' },
        limits: { min: '100', max: '50000' },
        fee: { percentBasisPoints: 150, fixed: '10' },
      }),
    ]);
    expect((await api('PUT', `/payees/${loans}`, definition)).status).toBe(200);
    expect((await api('GET', `/payees/${loans}`)).body).toMatchObject({ payeeId: loans, name: 'Consumer loans', currency: 'EUR' });

    const GOOD = '4242424242424242';
    const check = (body: unknown, payeeId = loans) => api('POST', `/payees/${payeeId}/account-checks`, body);
    // 1.5 % of 23.45 = 0.35175 -> 0.35, plus 0.10.
    const payable = await check({ account: GOOD, amount: 2_345 });
    expect([payable.status, payable.body]).toEqual([200, { payeeId: loans, payable: true, fee: '45', currency: 'EUR' }]);
    expect((await check({ account: '4242424242424241' })).body).toEqual({
      payeeId: loans,
      payable: false,
      reason: 'account_checksum',
      message: `account: fails payee ${loans}'s luhn check digits`,
    });
    expect((await check({ account: '4242 4242 4242 4242' })).body).toMatchObject({ payable: false, reason: 'account_pattern' });
    expect((await check({ account: GOOD, amount: 50_001 })).body).toMatchObject({
      payable: false,
      reason: 'amount_above_max',
      message: `amount: 50001 is above payee ${loans}'s maximum of 50000`,
    });
    expect((await check({ account: GOOD, currency: 'CZK' })).body).toMatchObject({ payable: false, reason: 'currency_mismatch' });
    const unknown = await check({ account: GOOD }, `nobody-${randomUUID().slice(0, 8)}`);
    expect([unknown.status, unknown.body.message]).toEqual([404, expect.stringMatching(/^payeeId: no payee nobody-[0-9a-f]{8} in the catalogue$/)]);

    expect((await api('PUT', `/commission-plans/${loans}`, { levels: [{ level: 'agent', percentBasisPoints: 100 }] })).status).toBe(200);
    const dealer = await created(api('POST', '/dealers', { name: 'Dealer South', currency: 'EUR', creditLimit: 10_000 }));
    const agent = await created(api('POST', `/nodes/${dealer.id}/children`, { name: 'Loan desk' }));
    expect((await fund(agent.id, 10_000)).status).toBe(201);
    const payLoan = (amount: number, account: string) =>
      api('POST', `/nodes/${agent.id}/payments`, { id: randomUUID(), payeeId: loans, amount, currency: 'EUR', account });
    const badDigit = await payLoan(2_345, '4242424242424241');
    expect([badDigit.status, badDigit.body.message]).toEqual([422, `account: fails payee ${loans}'s luhn check digits`]);
    const overMax = await payLoan(50_001, GOOD);
    expect([overMax.status, overMax.body.message]).toEqual([422, `amount: 50001 is above payee ${loans}'s maximum of 50000`]);
    const paid = await payLoan(2_345, GOOD);
    // The loan's account is a card number: the payment keeps and shows it masked, never in clear.
    expect([paid.status, paid.body.account, paid.body.fee]).toEqual([201, '424242******4242', '45']);
    expect((paid.body.transfers as { kind: string; amount: string }[]).map((t) => [t.kind, t.amount])).toEqual([
      ['payment', '2345'],
      ['fee', '45'],
      ['commission', '23'],
    ]);
    expect((await api('GET', `/nodes/${agent.id}`)).body).toMatchObject({ balance: { posted: { debits: '2390', credits: '10000' } } });

    expect((await api('PUT', `/payees/${loans}`, { ...definition, status: 'suspended' })).body).toMatchObject({ status: 'suspended' });
    expect((await check({ account: GOOD })).body).toMatchObject({ payable: false, reason: 'suspended', message: `payeeId: payee ${loans} is suspended` });
    const suspended = await payLoan(100, GOOD);
    expect([suspended.status, suspended.body.message]).toEqual([422, `payeeId: payee ${loans} is suspended`]);
    const ids = async (query: string) => ((await api('GET', `/payees${query}`)).body as unknown as { payeeId: string }[]).map((p) => p.payeeId);
    expect(await ids('?status=suspended')).toContain(loans);
    expect(await ids('?status=active')).not.toContain(loans);
    expect(await ids('')).toContain(loans);
    expect((await api('GET', `/nodes/${agent.id}`)).body).toMatchObject({ balance: { posted: { debits: '2390' } } });
  }, 60_000);

  it('refuses bad input naming the field, and an operator call without the key', async () => {
    const bad = await api('POST', '/dealers', { name: 'x', currency: 'EUR', creditLimit: 12.5 });
    expect([bad.status, bad.body.message]).toEqual([400, ['creditLimit: creditLimit must be an integer number of minor units (a JSON number such as 1250)']]);
    const badPlan = await api('PUT', '/commission-plans/p1', { levels: [{ level: 'agent', min: 10, max: 9 }] });
    expect([badPlan.status, badPlan.body.message]).toEqual([400, 'levels.0.max: 9 is below min 10']);
    const badPayee = await api('PUT', '/payees/p1', { name: 'x', currency: 'EUR', account: { pattern: '[0-9', checksum: 'none' } });
    expect([badPayee.status, badPayee.body.message]).toEqual([400, expect.stringMatching(/^account\.pattern: not a regular expression/)]);
    expect((await api('GET', `/nodes/${randomUUID()}`)).status).toBe(404);
    expect((await call(`${platform.settlementUrl}/v1/agents/nodes/${randomUUID()}`)).status).toBe(401);
  });
  it("starts with the demo network: the demo kiosk, funded by its dealer, tops up the demo payee's phone with its fee and both levels' commissions", async () => {
    const kiosk = '00000000-0000-4000-8000-00000000a001';
    expect((await api('GET', `/nodes/${kiosk}`)).body).toMatchObject({
      name: 'Demo Kiosk',
      level: 'agent',
      parentId: '00000000-0000-4000-8000-00000000d001',
      balance: { posted: { debits: '0', credits: '50000' } },
    });
    const topUp = await api('POST', `/nodes/${kiosk}/payments`, {
      id: randomUUID(),
      payeeId: 'demo-mobile-topup',
      amount: 1000,
      currency: 'EUR',
      account: PHONE,
    });
    expect([topUp.status, topUp.body.fee]).toEqual([201, '20']);
    // The dealer earns 0.50 % (5), the kiosk 1.00 % (10).
    expect((topUp.body.transfers as { kind: string; amount: string }[]).map((t) => [t.kind, t.amount])).toEqual([
      ['payment', '1000'],
      ['fee', '20'],
      ['commission', '10'],
      ['commission', '5'],
    ]);
    expect((await api('GET', `/nodes/${kiosk}`)).body).toMatchObject({ balance: { posted: { debits: '1020', credits: '50000' } } });
  });

  it("forwards payments to a payee's gateway, signed both ways: posted, refused with the money back, pending then resolved; the online payee check", async () => {
    const key = await api('GET', '/gateways/signing-key');
    expect(key.body).toMatchObject({ algorithm: 'Ed25519', publicKey: expect.stringContaining('BEGIN PUBLIC KEY'), generated: true });
    const simulator = new PayeeGatewaySimulator({ platformPublicKeyPem: key.body.publicKey as string });
    const { url } = await simulator.start();
    try {
      const utility = `utility-${randomUUID().slice(0, 8)}`;
      const definition = { name: 'Utility', currency: 'EUR', account: { pattern: '[0-9]{6,10}', checksum: 'none' } };
      const badKey = await api('PUT', `/payees/${utility}`, { ...definition, gateway: { baseUrl: url, publicKey: 'nope' } });
      expect([badKey.status, badKey.body.message]).toEqual([400, expect.stringMatching(/^gateway\.publicKey: not an Ed25519 public key in PEM/)]);
      const gateway = { baseUrl: url, publicKey: simulator.publicKeyPem, deadlineMs: 300 };
      expect((await api('PUT', `/payees/${utility}`, { ...definition, gateway })).body).toMatchObject({ gateway });
      await api('PUT', `/commission-plans/${utility}`, { levels: [{ level: 'agent', percentBasisPoints: 100 }] });

      simulator.on({ account: '1000001' }, { kind: 'ok', holderName: 'Jana Nováková' });
      simulator.on({ account: '1000002' }, { kind: 'decline', reason: 'no such customer' });
      simulator.on({ account: '1000003' }, { kind: 'timeout' });
      simulator.on({ account: '1000004' }, { kind: 'late', ms: 900 });
      const check = (account: string) => api('POST', `/payees/${utility}/account-checks`, { account });
      expect((await check('1000001')).body).toEqual({
        payeeId: utility,
        payable: true,
        fee: null,
        currency: 'EUR',
        checkedOnline: true,
        holderName: 'Jana Nováková',
      });
      expect((await check('1000002')).body).toMatchObject({
        payable: false,
        reason: 'account_unknown',
        message: `account: payee ${utility} does not know it: no such customer`,
      });
      const silent = await check('1000003');
      expect([silent.status, silent.body.message]).toEqual([504, `payeeId: payee ${utility}'s gateway did not answer within 300 ms`]);

      const dealer = await created(api('POST', '/dealers', { name: 'Gateway dealer', currency: 'EUR', creditLimit: 100_000 }));
      const agent = await created(api('POST', `/nodes/${dealer.id}/children`, { name: 'Gateway kiosk', creditLimit: 50_000 }));
      const pay = (account: string, id: string = randomUUID()) =>
        api('POST', `/nodes/${agent.id}/payments`, { id, payeeId: utility, amount: 1_000, currency: 'EUR', account });
      const paid = await pay('1000001');
      expect([paid.status, paid.body.status, paid.body.viaGateway]).toEqual([201, 'posted', true]);
      const refused = await pay('1000002');
      expect([refused.status, refused.body.status, refused.body.refusalReason]).toEqual([201, 'refused', 'no such customer']);
      expect((await api('GET', `/nodes/${agent.id}`)).body).toMatchObject({ balance: { posted: { debits: '1000' }, pending: { debits: '0' } } });

      const late = await pay('1000004');
      expect([late.status, late.body.status]).toEqual([202, 'pending']);
      const lateId = late.body.paymentId as string;
      expect((await api('GET', `/nodes/${agent.id}/payments/${lateId}`)).body).toMatchObject({ status: 'pending' });
      await new Promise((resolve) => setTimeout(resolve, 1_000)); // the payee answers late but pays at once: a retry finds it paid
      const retried = await pay('1000004', lateId);
      expect([retried.status, retried.body.status]).toEqual([201, 'posted']);
      expect(simulator.payouts).toBe(2);
    } finally {
      await simulator.stop();
    }
  });
});
