import { randomUUID } from 'node:crypto';
import { join } from 'node:path';

import { Kafka, logLevel } from 'kafkajs';

import { agentsTransferPostedV1 } from '@payments/contracts';
import { findLedgerViolations } from '@payments/ledger';

import { type AgentsBillingProcess, startAgentsBillingProcess } from '../chaos/agents-billing.process';
import { OPERATOR_KEY, TEST_SERVICE_ENV } from '../support/platform-under-test';
import { repoRoot } from '../support/repo-root.util';

const AGENTS = 20;
const PAYMENTS_PER_AGENT = 20;
const IN_FLIGHT = 32;
/** The process is killed when this many payment requests have been sent. */
const KILL_AT = 240;
const DEALER_CREDIT_LIMIT = 200_000;
const FUNDING = 12_000;
const PAYMENT_LIMIT = 1_500;
const DAILY_LIMIT = 12_000;
const FEE = 25;
/** No run may take longer: every wait below is bounded. */
const RUN_MS = 240_000;

type Answer = { status: number; body: Record<string, unknown> } | { lost: string };

interface PaymentRequest {
  readonly id: string;
  readonly agentId: string;
  readonly amount: number;
}

/** Amounts from a fixed seed (a linear congruential generator): every run asks the same. */
function amountsOf(count: number): number[] {
  let state = 20_261_207;
  return Array.from({ length: count }, () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return 200 + (state % 1_601); // 200..1800: some past the per-payment limit of 1500
  });
}

/**
 * Many agents of one dealer pay at once through the operator API of the distributed agents-billing
 * process (from dist/, real PostgreSQL, a database of its own), which is SIGKILLed in the middle and
 * started again; every request whose answer was lost is sent again with the same id. Then nothing
 * is lost, nothing doubled, no limit passed: checked in the service's own database. Needs `npm run
 * build` first; bounded (420 requests, a few minutes at most) and stops by itself.
 */
describe('agents-billing killed while agents pay against their dealer (distributed, SIGKILL)', () => {
  let service: AgentsBillingProcess;
  const started = Date.now();
  /** The message ids the relay published for each transfer id, as a consumer of the topic sees them (redeliveries included). */
  const published = new Map<string, string[]>();
  const kafka = new Kafka({ clientId: 'agents-chaos-spec', brokers: (process.env.KAFKA_BROKERS ?? '127.0.0.1:9092').split(','), logLevel: logLevel.NOTHING });
  const consumer = kafka.consumer({ groupId: `agents-chaos-${randomUUID()}` });

  beforeAll(async () => {
    const root = repoRoot();
    service = await startAgentsBillingProcess({ root, env: { ...process.env, ...TEST_SERVICE_ENV }, logDir: join(root, '.infra/logs/agents-chaos') });
    const admin = kafka.admin();
    await admin.connect();
    await admin.createTopics({ topics: [{ topic: agentsTransferPostedV1.name }] }); // false when it exists already
    await admin.disconnect();
    await consumer.connect();
    // From the beginning: the run's own transfer ids (new UUIDs) pick its messages out of the shared topic.
    await consumer.subscribe({ topic: agentsTransferPostedV1.name, fromBeginning: true });
    const joined = new Promise<void>((resolve) => consumer.on(consumer.events.GROUP_JOIN, () => resolve()));
    await consumer.run({
      eachMessage: ({ message }) => {
        const { transferId } = JSON.parse(message.value?.toString() ?? '{}') as { transferId?: string };
        const id = message.headers?.['message-id']?.toString() ?? '';
        if (transferId) published.set(transferId, [...(published.get(transferId) ?? []), id]);
        return Promise.resolve();
      },
    });
    await joined;
  }, 90_000);

  afterAll(async () => {
    await consumer.disconnect();
    await service?.stop();
  }, 60_000);

  /** One request; a cut connection or no answer within 15 s is a lost answer, not a failure. */
  const send = async (method: string, path: string, body?: unknown): Promise<Answer> => {
    try {
      const response = await fetch(`${service.url}/v1/agents${path}`, {
        method,
        headers: { authorization: `Bearer ${OPERATOR_KEY}`, 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(15_000),
      });
      return { status: response.status, body: (await response.json()) as Record<string, unknown> };
    } catch (error) {
      return { lost: error instanceof Error ? error.message : String(error) };
    }
  };
  const ok = async (method: string, path: string, body?: unknown) => {
    const answer = await send(method, path, body);
    if ('lost' in answer || answer.status >= 300) throw new Error(`${method} ${path}: ${JSON.stringify(answer)}`);
    return answer.body;
  };
  const rows = <T>(sql: string, params: unknown[] = []) => service.db.connection.query<T & Record<string, unknown>>(sql, params);

  it(
    'posts every acknowledged payment exactly once, with its events, and passes no limit',
    async () => {
      const payeeId = 'chaos-topup';
      await ok('PUT', `/payees/${payeeId}`, {
        name: 'Chaos top-up',
        currency: 'EUR',
        account: { pattern: '\\+420[0-9]{9}', checksum: 'none' },
        fee: { fixed: FEE },
      });
      await ok('PUT', `/commission-plans/${payeeId}`, {
        levels: [
          { level: 'dealer', percentBasisPoints: 50 },
          { level: 'agent', percentBasisPoints: 100 },
        ],
      });
      const dealer = (await ok('POST', '/dealers', { name: 'Chaos dealer', currency: 'EUR', creditLimit: DEALER_CREDIT_LIMIT })) as { id: string };
      const agents = await Promise.all(
        Array.from({ length: AGENTS }, (_, i) =>
          ok('POST', `/nodes/${dealer.id}/children`, { name: `Kiosk ${i}`, paymentLimit: PAYMENT_LIMIT, dailyLimit: DAILY_LIMIT }),
        ),
      );
      const agentIds = agents.map((a) => String(a.id));

      // The agents' fundings race past the dealer's credit limit: exactly the ones within it pass.
      const fundings = await Promise.all(agentIds.map((id) => send('POST', `/nodes/${id}/fundings`, { id: randomUUID(), amount: FUNDING })));
      const funded = fundings.filter((f) => !('lost' in f) && f.status === 201).length;
      expect(funded).toBe(Math.floor(DEALER_CREDIT_LIMIT / FUNDING));
      expect(fundings.filter((f) => !('lost' in f) && f.status === 422)).toHaveLength(AGENTS - funded);

      // 400 payments, 20 per agent, interleaved, 32 in flight; the process is killed at the 240th sent.
      const amounts = amountsOf(AGENTS * PAYMENTS_PER_AGENT);
      const payments: PaymentRequest[] = amounts.map((amount, i) => ({ id: randomUUID(), agentId: agentIds[i % AGENTS], amount }));
      const pay = (p: PaymentRequest) =>
        send('POST', `/nodes/${p.agentId}/payments`, { id: p.id, payeeId, amount: p.amount, currency: 'EUR', account: '+420777123456' });
      const answers = new Map<string, Answer>();
      let sent = 0;
      let killedAt = -1;
      let restarted: Promise<void> = Promise.resolve();
      /** Waits while the process is down (a kill during the wait extends it): only the requests in flight at the kill lose their answer. */
      const up = async () => {
        for (let seen = restarted; ; seen = restarted) {
          await seen;
          if (seen === restarted) return;
        }
      };
      const worker = async () => {
        for (;;) {
          await up();
          if (sent >= payments.length) return;
          if (sent === KILL_AT && killedAt < 0) {
            killedAt = sent;
            restarted = service.kill().then(() => service.start());
            continue;
          }
          const payment = payments[sent++];
          answers.set(payment.id, await pay(payment));
        }
      };
      await Promise.all(Array.from({ length: IN_FLIGHT }, worker));
      await restarted;
      expect(killedAt).toBe(KILL_AT);

      // Every answer lost is asked again with the same id and body until it is a definite one.
      const lost = payments.filter((p) => 'lost' in (answers.get(p.id) as Answer));
      expect(lost.length).toBeGreaterThan(0); // the kill cut requests in flight
      let retries = 0;
      for (const payment of lost) {
        let answer: Answer = answers.get(payment.id) as Answer;
        while ('lost' in answer || answer.status >= 500) {
          if (Date.now() - started > RUN_MS) throw new Error(`payment ${payment.id} still has no answer: ${JSON.stringify(answer)}`);
          retries += 1;
          answer = await pay(payment);
        }
        answers.set(payment.id, answer);
      }
      const statusOf = (p: PaymentRequest) => (answers.get(p.id) as { status: number }).status;
      const acknowledged = payments.filter((p) => statusOf(p) === 201);
      const refused = payments.filter((p) => statusOf(p) === 422);
      expect(acknowledged.length + refused.length).toBe(payments.length);
      expect(acknowledged.length).toBeGreaterThan(0);
      expect(refused.length).toBeGreaterThan(0);

      // A reservation whose request was never retried is the worker's (after 30 s): none may stay.
      const deadline = Date.now() + 90_000;
      const reservedCount = async () =>
        Number((await rows<{ n: number }>(`SELECT COUNT(*)::int AS "n" FROM "agent_payment" WHERE "status" = 'reserved'`))[0].n);
      let reserved = await reservedCount();
      while (reserved > 0 && Date.now() < deadline) {
        await new Promise((r) => setTimeout(r, 1_000));
        reserved = await reservedCount();
      }
      expect(reserved).toBe(0);

      // Each payment's transfers in the ledger: the payment transfer once for each acknowledged one, none for a refused one.
      const chains = await rows<{ reference: string; payments: string; transfers: string }>(
        `SELECT t."reference", COUNT(*) FILTER (WHERE c."kind" = 'payee_clearing')::int AS "payments", COUNT(*)::int AS "transfers"
       FROM "ledger_transfer" t JOIN "ledger_account_balance" c ON c."id" = t."credit_account_id" WHERE t."reference" LIKE 'payment %' GROUP BY t."reference"`,
      );
      const chainOf = new Map(chains.map((c) => [c.reference.slice('payment '.length), { payments: Number(c.payments), transfers: Number(c.transfers) }]));
      const posted = await rows<{ id: string; transfers: unknown }>(`SELECT "id"::text AS "id", "transfers" FROM "agent_payment" WHERE "status" = 'posted'`);
      const chainLength = new Map(posted.map((p) => [p.id, (typeof p.transfers === 'string' ? JSON.parse(p.transfers) : p.transfers).length as number]));
      for (const p of acknowledged) expect([p.id, chainOf.get(p.id)]).toEqual([p.id, { payments: 1, transfers: chainLength.get(p.id) }]);
      for (const p of refused) expect([p.id, chainOf.get(p.id)]).toEqual([p.id, undefined]);
      // No transfer without its payment: every chain in the ledger belongs to an acknowledged, posted payment.
      expect(new Set(chainOf.keys())).toEqual(new Set(acknowledged.map((p) => p.id)));
      expect(new Set(chainLength.keys())).toEqual(new Set(acknowledged.map((p) => p.id)));

      // Per currency the balances sum to zero, no account past its limit, balances = the sum of their transfers.
      expect(await findLedgerViolations(service.db.connection)).toEqual([]);
      const [dealerAccount] = await rows<{ used: string; limit: string }>(
        `SELECT ("debits_posted" + "debits_pending" - "credits_posted")::text AS "used", "credit_limit"::text AS "limit" FROM "ledger_account_balance" WHERE "id" = $1::uuid`,
        [dealer.id],
      );
      expect(BigInt(dealerAccount.used)).toBe(BigInt(funded * FUNDING));
      expect(BigInt(dealerAccount.used)).toBeLessThanOrEqual(BigInt(dealerAccount.limit));
      // The service's own limits: no posted payment past the per-payment limit, no agent's day past its daily limit.
      for (const agentId of agentIds) {
        const mine = acknowledged.filter((p) => p.agentId === agentId);
        expect(mine.every((p) => p.amount <= PAYMENT_LIMIT)).toBe(true);
        expect(mine.reduce((sum, p) => sum + p.amount, 0)).toBeLessThanOrEqual(DAILY_LIMIT);
      }

      // Each posted transfer has exactly one event: one message id, still in the outbox or published on Kafka (the relay
      // deletes what it published; a message published again after the kill keeps its id: consumers keep it once).
      const transfers = (await rows<{ id: string }>(`SELECT "id"::text AS "id" FROM "ledger_transfer"`)).map((t) => t.id);
      const outboxIds = async () =>
        new Map(
          (await rows<{ id: string; transfer: string }>(`SELECT "id"::text AS "id", "payload"->>'transferId' AS "transfer" FROM "outbox_message"`)).map((o) => [
            o.transfer,
            o.id,
          ]),
        );
      const eventIdsOf = (transferId: string, outbox: Map<string, string>) =>
        new Set([...(published.get(transferId) ?? []), ...(outbox.has(transferId) ? [outbox.get(transferId)] : [])]);
      let outbox = await outboxIds();
      while (transfers.some((t) => eventIdsOf(t, outbox).size === 0) && Date.now() - started < RUN_MS) {
        await new Promise((r) => setTimeout(r, 500));
        outbox = await outboxIds();
      }
      const withoutOneEvent = transfers.filter((t) => eventIdsOf(t, outbox).size !== 1);
      expect(withoutOneEvent).toEqual([]);
      expect([...outbox.keys()].filter((t) => !transfers.includes(t))).toEqual([]);
      const redelivered = transfers.reduce((n, t) => n + Math.max(0, (published.get(t)?.length ?? 0) - 1), 0);
      const counts = { transfers: transfers.length };

      const lostAnswers = lost.length;
      process.stdout.write(
        `agents chaos: ${AGENTS} fundings + ${payments.length} payments (${IN_FLIGHT} in flight), killed at payment ${killedAt}, ` +
          `${lostAnswers} answers lost, ${retries} retries, ${acknowledged.length} posted, ${refused.length} refused, ` +
          `${counts.transfers} transfers with one event each (${redelivered} published twice), ${((Date.now() - started) / 1000).toFixed(1)} s\n`,
      );
    },
    RUN_MS + 60_000,
  );
});
