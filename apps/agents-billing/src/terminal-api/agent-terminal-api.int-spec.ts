import { generateKeyPairSync, type KeyObject, randomBytes, randomUUID } from 'node:crypto';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';

import type { INestApplication } from '@nestjs/common';

import { terminalRequestHeaders } from '@payments/contracts';
import { Ledger } from '@payments/ledger';
import { createNestApp, hashOperatorKey, OPERATOR_KEY_RING, OperatorKeyRing } from '@payments/runtime';

import { ChangeBalanceQuery } from '../change/change-balance.query';
import { MoveChangeUseCase } from '../change/move-change.usecase';
import { AGENTS_BILLING_DB } from '../database/agents-billing-db.provider';
import { AgentPaymentRepository } from '../payments/agent-payment.repository';
import { PayeeRepository } from '../payees/payee.repository';
import { type AgentsBillingUnderTest, openAgentsBilling } from '../testing/agents-billing.fixture';
import type { AgentNode } from '../tree/agent-node';
import { AgentNodeRepository } from '../tree/agent-node.repository';
import { SellVoucherUseCase } from '../vouchers/sell-voucher.usecase';
import { AgentTerminalController } from './agent-terminal.controller';
import { AgentTerminalRepository } from './agent-terminal.repository';
import { TerminalCashController } from './terminal-cash.controller';
import { TerminalPaymentUseCase } from './terminal-payment.usecase';
import { terminalPaymentIdOf } from './terminal-payment.usecase';
import { TERMINAL_CLOCK, type TerminalClock, TerminalSignatureGuard } from './terminal-signature.guard';
import { TerminalsController } from './terminals.controller';

jest.setTimeout(90_000);

const OPERATOR_KEY = 'operator-key-for-the-terminal-api-spec';
const ACCOUNT = '+420777123456';
const silent = { log: () => undefined, error: () => undefined, warn: () => undefined };

interface Answer {
  readonly status: number;
  readonly body: Record<string, unknown> & { message?: string; reason?: string };
}

interface TerminalUnderTest {
  readonly id: string;
  readonly node: AgentNode;
  readonly privateKey: KeyObject;
}

/**
 * The agents' terminal API through Nest's HTTP on 127.0.0.1, on real PostgreSQL and on PGlite:
 * signed requests from registered terminals, each refusal a 401 naming it with nothing done, the
 * terminal's node's payments only, and Idempotency-Key replays. The ledger's invariants after every test.
 */
describe.each(['postgres', 'pglite'] as const)('agents terminal API (%s)', (kind) => {
  let sut: AgentsBillingUnderTest;
  let app: INestApplication;
  let url: string;
  let replica: INestApplication;
  let replicaUrl: string;
  /** A mobile top-up: 1.00-500.00, a fee of 0.20; the dealer earns 0.50 %. */
  let payeeId: string;

  beforeAll(async () => {
    sut = await openAgentsBilling(kind);
    payeeId = await sut.payee([{ level: 'dealer', percentBasisPoints: 50n, fixed: 0n }], {
      accountPattern: '\\+420[0-9]{9}',
      minAmount: 100n,
      maxAmount: 50_000n,
      fee: { percentBasisPoints: 0n, fixed: 20n },
    });
    ({ app, url } = await startTerminalApi(sut.terminals));
    ({ app: replica, url: replicaUrl } = await startTerminalApi(new AgentTerminalRepository(sut.scratch.db.connection)));
  });
  afterEach(async () => {
    expect(await sut.violations()).toEqual([]);
  });
  afterAll(async () => {
    await replica?.close();
    await app?.close();
    await sut?.close();
  });

  /** The terminals' and operators' routes as a process serves them (its guard on `clock`, else the system's); a second one over the same database is another replica. */
  const startTerminalApi = async (terminals: AgentTerminalRepository, clock?: TerminalClock): Promise<{ app: INestApplication; url: string }> => {
    const started = await createNestApp(
      {
        module: class TerminalApiSpecModule {},
        controllers: [TerminalsController, AgentTerminalController, TerminalCashController],
        providers: [
          { provide: AGENTS_BILLING_DB, useValue: sut.scratch.db.connection },
          { provide: OPERATOR_KEY_RING, useValue: OperatorKeyRing.fromConfig(hashOperatorKey(OPERATOR_KEY), undefined) },
          { provide: Ledger, useValue: sut.ledger },
          { provide: AgentNodeRepository, useValue: sut.nodes },
          { provide: PayeeRepository, useValue: sut.payees },
          { provide: AgentPaymentRepository, useValue: sut.payments },
          { provide: AgentTerminalRepository, useValue: terminals },
          { provide: TerminalPaymentUseCase, useValue: sut.terminalPayments },
          { provide: SellVoucherUseCase, useValue: sut.sellVoucher },
          { provide: MoveChangeUseCase, useValue: sut.moveChange },
          { provide: ChangeBalanceQuery, useValue: sut.changeBalance },
          TerminalSignatureGuard,
          ...(clock ? [{ provide: TERMINAL_CLOCK, useValue: clock }] : []),
        ],
      },
      { title: 'agents-billing terminal API spec', logger: silent },
    );
    await started.listen(0, '127.0.0.1');
    return { app: started, url: `http://127.0.0.1:${((started.getHttpServer() as Server).address() as AddressInfo).port}` };
  };

  const send = async (method: string, path: string, headers: Record<string, string>, body?: string, base = url): Promise<Answer> => {
    const response = await fetch(`${base}${path}`, {
      method,
      headers: body === undefined ? headers : { 'content-type': 'application/json', ...headers },
      body,
    });
    return { status: response.status, body: (await response.json()) as Answer['body'] };
  };
  const operator = (method: string, path: string, body?: unknown) =>
    send(method, path, { authorization: `Bearer ${OPERATOR_KEY}` }, body === undefined ? undefined : JSON.stringify(body));
  const nonce = () => randomBytes(12).toString('hex');
  /** The signature headers (with the Idempotency-Key they sign, when one is given) of a request signed `at` (default: now). */
  const signedHeaders = (terminal: TerminalUnderTest, method: string, path: string, body = '', more: { at?: Date; idempotencyKey?: string } = {}) =>
    terminalRequestHeaders(
      {
        terminalId: terminal.id,
        method,
        pathWithQuery: path,
        body: Buffer.from(body, 'utf8'),
        nonce: nonce(),
        idempotencyKey: more.idempotencyKey,
        now: more.at ?? new Date(),
      },
      terminal.privateKey,
    );
  /** A request signed by the terminal (its Idempotency-Key among `extra`, signed too): `body` is sent as these exact bytes. */
  const signed = (terminal: TerminalUnderTest, method: string, path: string, body?: string, extra: Record<string, string> = {}) =>
    send(method, path, { ...signedHeaders(terminal, method, path, body, { idempotencyKey: extra['idempotency-key'] }), ...extra }, body);
  const payment = (terminal: TerminalUnderTest, key: string, amount: number, more: Record<string, unknown> = {}) =>
    signed(terminal, 'POST', '/v1/agent-terminal/payments', JSON.stringify({ payeeId, amount, currency: 'EUR', account: ACCOUNT, ...more }), {
      'idempotency-key': key,
    });

  /** A kiosk under a dealer, funded 100.00, with a terminal registered by the operator API. */
  const kiosk = async (limits: { dailyLimit?: bigint } = {}): Promise<TerminalUnderTest> => {
    const dealer = await sut.dealer({ creditLimit: 1_000_000n });
    const node = await sut.child(dealer, limits);
    await sut.fund.execute({ fundingId: randomUUID(), childId: node.id, amount: 10_000n });
    const { privateKey, publicKey } = generateKeyPairSync('ed25519');
    const id = `kiosk-${randomUUID().slice(0, 8)}`;
    const registered = await operator('POST', '/v1/agents/terminals', { id, nodeId: node.id, publicKey: publicKey.export({ type: 'spki', format: 'pem' }) });
    expect(registered).toMatchObject({ status: 201, body: { id, nodeId: node.id, status: 'active' } });
    return { id, node, privateKey };
  };
  const available = async (node: AgentNode) => {
    const account = await sut.ledger.account(node.ledgerAccountId);
    return account.creditsPosted - account.debitsPosted - account.debitsPending;
  };
  const paymentRows = async (node: AgentNode) =>
    (await sut.scratch.db.connection.query(`SELECT "id" FROM "agent_payment" WHERE "node_id" = $1::uuid`, [node.id])).length;

  it("pays from a signed terminal: 201 posted with the fee, the node's balance debited, its status and balance readable", async () => {
    const terminal = await kiosk({ dailyLimit: 20_000n });

    const paid = await payment(terminal, 'kiosk-receipt-0001', 2_500);

    expect(paid).toMatchObject({
      status: 201,
      body: { outcome: 'posted', payeeId, amount: '2500', currency: 'EUR', account: ACCOUNT, fee: '20', status: 'posted' },
    });
    expect(paid.body.paymentId).toBe(terminalPaymentIdOf(terminal.id, 'kiosk-receipt-0001'));
    expect(await available(terminal.node)).toBe(10_000n - 2_500n - 20n);
    expect(await signed(terminal, 'GET', `/v1/agent-terminal/payments/${String(paid.body.paymentId)}`)).toMatchObject({
      status: 200,
      body: { paymentId: paid.body.paymentId, status: 'posted', amount: '2500', fee: '20' },
    });
    const balance = await signed(terminal, 'GET', '/v1/agent-terminal/balance');
    expect(balance).toMatchObject({
      status: 200,
      body: {
        nodeId: terminal.node.id,
        currency: 'EUR',
        available: '7480',
        creditLimit: '0',
        pending: { debits: '0' },
        posted: { debits: '2520', credits: '10000' },
      },
    });
    expect((balance.body.daily as Record<string, unknown>).limit).toBe('20000');
  });

  it('lists the active payees with their account format, limits and fee, and checks an account for the terminal', async () => {
    const terminal = await kiosk();
    const gatewayUrl = `http://payee-gateway-${randomUUID().slice(0, 8)}.invalid`;
    const payeePublicKey = generateKeyPairSync('ed25519').publicKey.export({ type: 'spki', format: 'pem' }).toString();
    const gatewayPayeeId = await sut.payee([], { gateway: { baseUrl: gatewayUrl, publicKey: payeePublicKey, deadlineMs: 2_000 } });

    const payees = await signed(terminal, 'GET', '/v1/agent-terminal/payees');
    expect(payees.status).toBe(200);
    const listed = payees.body as unknown as Record<string, unknown>[];
    expect(listed.find((p) => p.payeeId === gatewayPayeeId)).toEqual(expect.objectContaining({ payeeId: gatewayPayeeId }));
    expect(listed.filter((p) => 'gateway' in p)).toEqual([]);
    expect(JSON.stringify(listed)).not.toContain(gatewayUrl);
    expect(payees.body).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          payeeId,
          account: { pattern: '\\+420[0-9]{9}', checksum: 'none' },
          limits: { min: '100', max: '50000' },
          fee: { percentBasisPoints: 0, fixed: '20' },
        }),
      ]),
    );
    const check = (body: unknown) => signed(terminal, 'POST', '/v1/agent-terminal/account-checks', JSON.stringify(body));
    expect(await check({ payeeId, account: ACCOUNT, amount: 2_500 })).toEqual({ status: 200, body: { payeeId, payable: true, fee: '20', currency: 'EUR' } });
    expect(await check({ payeeId, account: '+42077712345', amount: 2_500 })).toMatchObject({
      status: 200,
      body: { payable: false, reason: 'account_pattern' },
    });
    expect(await check({ payeeId: 'no-such-payee', account: ACCOUNT })).toMatchObject({
      status: 404,
      body: { message: 'payeeId: no payee no-such-payee in the catalogue' },
    });
  });

  it('refuses each unauthenticated request with a 401 naming why, and pays nothing', async () => {
    const terminal = await kiosk();
    const path = '/v1/agent-terminal/payments';
    const body = JSON.stringify({ payeeId, amount: 2_500, currency: 'EUR', account: ACCOUNT });
    const idempotencyKey = 'refused-request-01';
    const headers = () => signedHeaders(terminal, 'POST', path, body, { idempotencyKey });
    const withoutKey = ({ 'idempotency-key': _dropped, ...rest }: Record<string, string>) => rest;
    const fiveMinutesAndOne = () => new Date(Date.now() - 301_000);
    const stranger: TerminalUnderTest = { ...terminal, id: 'kiosk-never-registered' };
    const impostor: TerminalUnderTest = { ...terminal, privateKey: generateKeyPairSync('ed25519').privateKey };
    const replayed = headers();
    expect((await send('POST', path, replayed, body)).status).toBe(201);
    const before = await available(terminal.node);

    const refusals = {
      operator_key: await send('POST', path, { ...headers(), authorization: `Bearer ${OPERATOR_KEY}` }, body),
      missing_header: await send('POST', path, { ...headers(), 'x-terminal-signature': '' }, body),
      unknown_terminal: await send('POST', path, signedHeaders(stranger, 'POST', path, body, { idempotencyKey }), body),
      stale_timestamp: await send('POST', path, signedHeaders(terminal, 'POST', path, body, { at: fiveMinutesAndOne(), idempotencyKey }), body),
      tampered_body: await send('POST', path, headers(), body.replace('2500', '9500')),
      tampered_path: await send('POST', `${path}?amount=9500`, headers(), body),
      rewritten_idempotency_key: await send('POST', path, { ...headers(), 'idempotency-key': 'refused-request-02' }, body),
      dropped_idempotency_key: await send('POST', path, withoutKey(headers()), body),
      wrong_key: await send('POST', path, signedHeaders(impostor, 'POST', path, body, { idempotencyKey }), body),
      replayed_nonce: await send('POST', path, replayed, body),
    };

    const reasons = Object.fromEntries(Object.entries(refusals).map(([name, answer]) => [name, [answer.status, answer.body.reason]]));
    expect(reasons).toEqual({
      operator_key: [401, 'operator_key'],
      missing_header: [401, 'missing_header'],
      unknown_terminal: [401, 'unknown_terminal'],
      stale_timestamp: [401, 'stale_timestamp'],
      tampered_body: [401, 'bad_signature'],
      tampered_path: [401, 'bad_signature'],
      rewritten_idempotency_key: [401, 'bad_signature'],
      dropped_idempotency_key: [401, 'bad_signature'],
      wrong_key: [401, 'bad_signature'],
      replayed_nonce: [401, 'replayed_nonce'],
    });
    expect(refusals.missing_header.body.message).toBe('x-terminal-signature: required, the Ed25519 signature, base64');
    expect(refusals.unknown_terminal.body.message).toBe('x-terminal-id: no terminal kiosk-never-registered is registered');
    const staleBy = /^x-terminal-timestamp: \d+ is (\d+) s behind the platform's clock; at most 300 s either way$/.exec(
      refusals.stale_timestamp.body.message ?? '',
    );
    expect(Number(staleBy?.[1])).toBeGreaterThanOrEqual(301);
    expect(Number(staleBy?.[1])).toBeLessThan(330); // the request's own time in flight on a loaded machine
    expect(refusals.replayed_nonce.body.message).toMatch(/^x-terminal-nonce: terminal kiosk-\w+ sent nonce \w+ before; a replayed request is refused$/);
    expect(await available(terminal.node)).toBe(before);
    expect(await paymentRows(terminal.node)).toBe(1);
  });

  it('refuses on one replica a request another replica took: the nonces are in the database', async () => {
    const terminal = await kiosk();
    const headers = signedHeaders(terminal, 'GET', '/v1/agent-terminal/balance');

    expect((await send('GET', '/v1/agent-terminal/balance', headers, undefined, url)).status).toBe(200);
    expect(await send('GET', '/v1/agent-terminal/balance', headers, undefined, replicaUrl)).toMatchObject({ status: 401, body: { reason: 'replayed_nonce' } });
  });

  it('refuses with a 415 a body that is not JSON (the signature would not cover it) and a POST that is not JSON, and pays nothing', async () => {
    const terminal = await kiosk();
    const path = '/v1/agent-terminal/payments';
    const form = `payeeId=${payeeId}&amount=2500&currency=EUR&account=${encodeURIComponent(ACCOUNT)}`;
    const idempotencyKey = 'form-payment-0001';
    // Signed as the guard saw such a request before: over no body bytes, the form parsed into the route's body all the same.
    const formPost = await send(
      'POST',
      path,
      { ...signedHeaders(terminal, 'POST', path, '', { idempotencyKey }), 'content-type': 'application/x-www-form-urlencoded' },
      form,
    );
    const textPost = await send('POST', path, { ...signedHeaders(terminal, 'POST', path, '{}', { idempotencyKey }), 'content-type': 'text/plain' }, '{}');

    for (const answer of [formPost, textPost]) {
      expect(answer).toMatchObject({ status: 415, body: { reason: 'unsigned_body', message: expect.stringMatching(/^content-type: .*application\/json/) } });
    }
    expect(await available(terminal.node)).toBe(10_000n);
    expect(await paymentRows(terminal.node)).toBe(0);
  });

  it('accepts a request exactly 300 s old and refuses its replay then; 300.4 s either way is stale, never rounded into the window', async () => {
    const terminal = await kiosk();
    const path = '/v1/agent-terminal/balance';
    const signedAt = new Date(Math.floor(Date.now() / 1000) * 1000);
    let now = signedAt;
    const clocked = await startTerminalApi(sut.terminals, () => now);
    try {
      const twice = async (at: number) => {
        now = new Date(signedAt.getTime() + at);
        const headers = signedHeaders(terminal, 'GET', path, '', { at: signedAt });
        const answers = [await send('GET', path, headers, undefined, clocked.url), await send('GET', path, headers, undefined, clocked.url)];
        return answers.map((answer) => [answer.status, answer.body.reason ?? null]);
      };

      expect(await twice(300_000)).toEqual([
        [200, null],
        [401, 'replayed_nonce'],
      ]);
      expect(await twice(300_400)).toEqual([
        [401, 'stale_timestamp'],
        [401, 'stale_timestamp'],
      ]);
      expect(await twice(-300_400)).toEqual([
        [401, 'stale_timestamp'],
        [401, 'stale_timestamp'],
      ]);
      now = new Date(signedAt.getTime() + 300_400);
      expect(await send('GET', path, signedHeaders(terminal, 'GET', path, '', { at: signedAt }), undefined, clocked.url)).toMatchObject({
        body: { message: `x-terminal-timestamp: ${signedAt.getTime() / 1000} is 301 s behind the platform's clock; at most 300 s either way` },
      });
    } finally {
      await clocked.app.close();
    }
  });

  it('refuses a blocked terminal with a 401, and the operator routes refuse a terminal signature', async () => {
    const terminal = await kiosk();
    expect(await operator('POST', `/v1/agents/terminals/${terminal.id}/block`)).toMatchObject({ status: 200, body: { id: terminal.id, status: 'blocked' } });

    expect(await payment(terminal, 'blocked-terminal-01', 2_500)).toMatchObject({
      status: 401,
      body: { reason: 'blocked_terminal', message: `x-terminal-id: terminal ${terminal.id} is blocked` },
    });
    expect(await signed(terminal, 'GET', '/v1/agents/terminals')).toMatchObject({
      status: 401,
      body: { message: expect.stringContaining('missing operator key') },
    });
    expect(await available(terminal.node)).toBe(10_000n);
    expect(await paymentRows(terminal.node)).toBe(0);
  });

  it("answers another terminal's payment as not found, and a same node's terminal sees it", async () => {
    const owner = await kiosk();
    const other = await kiosk();
    const { privateKey, publicKey } = generateKeyPairSync('ed25519');
    const colleague: TerminalUnderTest = { id: `kiosk-${randomUUID().slice(0, 8)}`, node: owner.node, privateKey };
    await operator('POST', '/v1/agents/terminals', { id: colleague.id, nodeId: owner.node.id, publicKey: publicKey.export({ type: 'spki', format: 'pem' }) });
    const paid = await payment(owner, 'owner-receipt-001', 1_000);
    const path = `/v1/agent-terminal/payments/${String(paid.body.paymentId)}`;

    expect(await signed(other, 'GET', path)).toEqual({
      status: 404,
      body: { statusCode: 404, error: 'Not Found', message: `paymentId: no payment ${String(paid.body.paymentId)} of this terminal's node` },
    });
    expect(await signed(colleague, 'GET', path)).toMatchObject({ status: 200, body: { paymentId: paid.body.paymentId, status: 'posted' } });
  });

  it('replays the first answer to the same Idempotency-Key and body and posts once; another body under the key is a 422', async () => {
    const terminal = await kiosk();

    const first = await payment(terminal, 'retry-receipt-001', 3_000);
    const again = await payment(terminal, 'retry-receipt-001', 3_000);
    const otherBody = await payment(terminal, 'retry-receipt-001', 3_001);

    expect(first.status).toBe(201);
    expect(again).toEqual(first);
    expect(otherBody).toEqual({
      status: 422,
      body: {
        statusCode: 422,
        error: 'Unprocessable Entity',
        reason: 'idempotency_key_reused',
        message: 'Idempotency-Key: retry-receipt-001 was sent before with another payee, amount, currency or account',
      },
    });
    expect(await available(terminal.node)).toBe(10_000n - 3_020n);
    expect(await paymentRows(terminal.node)).toBe(1);
    const events = (await sut.outbox()).filter((e) => e.payload.paymentId === first.body.paymentId);
    expect(events.map((e) => e.payload.kind).sort()).toEqual(['commission', 'fee', 'payment']);
  });

  it('answers a refused payment with a 422 naming the field, posts nothing, and replays the refusal', async () => {
    const terminal = await kiosk();

    const overMax = await payment(terminal, 'over-the-max-0001', 50_001);
    const overBalance = await payment(terminal, 'over-balance-0001', 9_990);
    const noKey = await signed(terminal, 'POST', '/v1/agent-terminal/payments', JSON.stringify({ payeeId, amount: 100, currency: 'EUR', account: ACCOUNT }));
    const noAmount = await signed(terminal, 'POST', '/v1/agent-terminal/payments', JSON.stringify({ payeeId, currency: 'EUR', account: ACCOUNT }), {
      'idempotency-key': 'no-amount-00001',
    });

    expect(overMax).toMatchObject({ status: 422, body: { reason: 'amount_above_max', message: expect.stringMatching(/^amount: /) } });
    expect(overBalance).toMatchObject({
      status: 422,
      body: { reason: 'credit_limit', message: "amount: 9990 plus the payer's fee 20 exceeds the node's balance plus credit limit: 10000 available" },
    });
    expect(await payment(terminal, 'over-balance-0001', 9_990)).toEqual(overBalance);
    expect(noKey).toMatchObject({ status: 400, body: { message: 'Idempotency-Key header: required, 8-64 letters, digits or _ . : -' } });
    expect(noAmount).toMatchObject({ status: 400, body: { message: ['amount: amount is required (an integer number of minor units)'] } });
    expect(await available(terminal.node)).toBe(10_000n);
    expect(await paymentRows(terminal.node)).toBe(0);
  });

  it('sells a scratch voucher to a signed terminal: the code once per key, the node debited once, the stock and key rules named', async () => {
    const terminal = await kiosk();
    const providerId = `prov-${randomUUID().slice(0, 8)}`;
    const imported = await sut.importVouchers.execute({
      batchId: randomUUID(),
      providerId,
      denomination: 500n,
      currency: 'EUR',
      expiresAt: null,
      csv: 'serial,code\nS-0001,SCRATCH-AAAA-0001\nS-0002,SCRATCH-AAAA-0002',
      now: new Date(),
    });
    expect(imported.kind).toBe('imported');
    const sale = (key: string, more: Record<string, unknown> = {}) =>
      signed(terminal, 'POST', '/v1/agent-terminal/voucher-sales', JSON.stringify({ providerId, denomination: 500, currency: 'EUR', ...more }), {
        'idempotency-key': key,
      });
    const before = await available(terminal.node);

    const first = await sale('voucher-0001');
    expect(first).toMatchObject({ status: 201, body: { providerId, denomination: '500', currency: 'EUR', serial: 'S-0001', code: 'SCRATCH-AAAA-0001' } });
    expect(await sale('voucher-0001')).toEqual(first);
    expect(await available(terminal.node)).toBe(before - 500n);
    expect(await sale('voucher-0001', { denomination: 1000 })).toMatchObject({ status: 422, body: { reason: 'idempotency_key_reused' } });
    expect(await sale('voucher-0002', { currency: 'CZK' })).toMatchObject({ status: 422, body: { reason: 'currency_mismatch' } });
    expect(await sale('voucher-0003')).toMatchObject({ status: 201, body: { serial: 'S-0002', code: 'SCRATCH-AAAA-0002' } });
    expect(await sale('voucher-0004')).toMatchObject({
      status: 422,
      body: { reason: 'out_of_stock', message: `denomination: no voucher of ${providerId} 500 EUR in stock` },
    });
    expect(await sale('short')).toMatchObject({ status: 400, body: { message: 'Idempotency-Key header: required, 8-64 letters, digits or _ . : -' } });
    expect(await available(terminal.node)).toBe(before - 1_000n);
  });

  it("keeps, reads and spends a payer's change at a signed terminal with the payer's PIN, masked, once per key, never below zero", async () => {
    const terminal = await kiosk();
    const phone = `+42077${String(Math.floor(Math.random() * 1e7)).padStart(7, '0')}`;
    const pin = '4821';
    const move = (key: string, body: Record<string, unknown>) =>
      signed(terminal, 'POST', '/v1/agent-terminal/change-moves', JSON.stringify({ phone, ...body }), { 'idempotency-key': key });
    const balance = (body: Record<string, unknown> = { pin }) =>
      signed(terminal, 'POST', '/v1/agent-terminal/change-balances', JSON.stringify({ phone, ...body }));
    const before = await available(terminal.node);

    expect(await move('change-0000', { move: 'keep', amount: 150 })).toMatchObject({
      status: 400,
      body: { reason: 'pin_required', message: expect.stringMatching(/^pin: /) },
    });
    const kept = await move('change-0001', { move: 'keep', amount: 150, pin });
    expect(kept).toMatchObject({ status: 201, body: { move: 'keep', phone: `***${phone.slice(-4)}`, amount: '150', currency: 'EUR', changeBalance: '150' } });
    expect(await move('change-0001', { move: 'keep', amount: 150, pin })).toEqual(kept);
    expect(await balance()).toEqual({ status: 200, body: { phone: `***${phone.slice(-4)}`, currency: 'EUR', balance: '150' } });
    expect(await available(terminal.node)).toBe(before - 150n);

    // Without the PIN, or with a wrong one, nothing is spent, paid out or read; the PIN is never repeated.
    const noPin = await balance({});
    expect(noPin).toMatchObject({ status: 400, body: { message: ['pin: pin is required (the payer types it)'] } });
    expect(await balance({ pin: '12a4' })).toMatchObject({ status: 400, body: { message: ['pin: pin must be 4-6 digits'] } });
    expect(await move('change-0005', { move: 'pay-out', amount: 100 })).toMatchObject({ status: 400, body: { reason: 'pin_required' } });
    const wrong = await move('change-0006', { move: 'pay-out', amount: 100, pin: '9876' });
    expect(wrong).toMatchObject({ status: 422, body: { reason: 'change_pin_wrong', message: expect.stringMatching(/^pin: /) } });
    expect(await balance({ pin: '9876' })).toMatchObject({ status: 422, body: { reason: 'change_pin_wrong' } });
    expect(JSON.stringify([wrong.body, noPin.body])).not.toMatch(/9876|4821/);
    expect(await available(terminal.node)).toBe(before - 150n);

    expect(await move('change-0002', { move: 'spend', amount: 100, paymentId: randomUUID(), pin })).toMatchObject({
      status: 201,
      body: { changeBalance: '50' },
    });
    expect(await move('change-0003', { move: 'pay-out', amount: 100, pin })).toMatchObject({
      status: 422,
      body: { reason: 'change_insufficient', message: "amount: exceeds the change account's balance: 50 available" },
    });
    expect(await move('change-0001', { move: 'keep', amount: 999, pin })).toMatchObject({ status: 422, body: { reason: 'idempotency_key_reused' } });
    expect(await move('change-0004', { move: 'keep', amount: 10, phone: '777 123', pin })).toMatchObject({
      status: 400,
      body: { message: expect.stringMatching(/^phone: /) },
    });
    expect(await balance()).toMatchObject({ body: { balance: '50' } });
    expect(JSON.stringify(kept.body)).not.toContain(phone.slice(1, 9));

    // The right PIN reset the two wrong ones above: five wrong in a row from here lock the payer's change, the right PIN too.
    const spendWith = (key: string, wrongPin: string) => move(key, { move: 'spend', amount: 10, pin: wrongPin });
    for (let i = 0; i < 4; i++) expect((await spendWith(`change-001${i}`, '1111')).body.reason).toBe('change_pin_wrong');
    const locked = await spendWith('change-0019', '1111');
    expect(locked).toMatchObject({
      status: 422,
      body: { reason: 'change_locked', until: expect.any(String), message: expect.stringMatching(/^pin: .* locked until /) },
    });
    expect(await balance()).toMatchObject({ status: 422, body: { reason: 'change_locked', until: locked.body.until } });
  });

  it('registers a terminal only with an Ed25519 public key of a known node, once per id', async () => {
    const dealer = await sut.dealer();
    const { publicKey } = generateKeyPairSync('ed25519');
    const pem = publicKey.export({ type: 'spki', format: 'pem' }).toString();
    const rsa = generateKeyPairSync('rsa', { modulusLength: 1024 }).publicKey.export({ type: 'spki', format: 'pem' }).toString();
    const id = `kiosk-${randomUUID().slice(0, 8)}`;

    expect(await operator('POST', '/v1/agents/terminals', { id, nodeId: dealer.id, publicKey: rsa })).toMatchObject({
      status: 400,
      body: { message: 'publicKey: is a rsa key: an Ed25519 public key is required' },
    });
    expect(await operator('POST', '/v1/agents/terminals', { id, nodeId: randomUUID(), publicKey: pem })).toMatchObject({ status: 404 });
    expect(await operator('POST', '/v1/agents/terminals', { id, nodeId: dealer.id, publicKey: pem })).toMatchObject({ status: 201 });
    expect(await operator('POST', '/v1/agents/terminals', { id, nodeId: dealer.id, publicKey: pem })).toMatchObject({ status: 200, body: { id } });
    expect(
      await operator('POST', '/v1/agents/terminals', {
        id,
        nodeId: dealer.id,
        publicKey: generateKeyPairSync('ed25519').publicKey.export({ type: 'spki', format: 'pem' }),
      }),
    ).toMatchObject({
      status: 422,
      body: { message: `id: terminal ${id} is registered under another node or with another key` },
    });
    expect(await operator('GET', `/v1/agents/terminals?nodeId=${dealer.id}`)).toMatchObject({
      status: 200,
      body: [{ id, nodeId: dealer.id, status: 'active' }],
    });
    expect(await operator('POST', '/v1/agents/terminals/no-such-terminal/block')).toMatchObject({ status: 404 });
  });
});
