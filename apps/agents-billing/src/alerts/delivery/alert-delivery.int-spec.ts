import { randomUUID } from 'node:crypto';

import { type AgentsBillingUnderTest, openAgentsBilling } from '../../testing/agents-billing.fixture';
import type { AgentNode } from '../../tree/agent-node';
import type { Alert } from '../alert';
import type { AlertRecipient } from '../rules/alert-rule';
import { startSmtpInbox, startWebhookReceiver } from '../testing/alert-inboxes';
import { type AlertSenders, SmtpAlertSender, WebhookAlertSender, webhookSignature } from './alert-senders';

jest.setTimeout(60_000);

const SECRET = 'test-webhook-secret-0123456789';

describe.each(['postgres', 'pglite'] as const)('alert delivery by email and webhook (%s)', (kind) => {
  let sut: AgentsBillingUnderTest;
  let smtp: Awaited<ReturnType<typeof startSmtpInbox>>;
  let web: Awaited<ReturnType<typeof startWebhookReceiver>>;
  let senders: AlertSenders;
  let payeeId: string;

  beforeAll(async () => {
    [sut, smtp, web] = await Promise.all([openAgentsBilling(kind), startSmtpInbox(), startWebhookReceiver()]);
    senders = {
      email: new SmtpAlertSender({ host: '127.0.0.1', port: smtp.port, secure: false, from: 'alerts@payments.test' }),
      webhook: new WebhookAlertSender(SECRET),
    };
    payeeId = await sut.payee([{ level: 'agent', percentBasisPoints: 0n, fixed: 0n }]);
  });
  afterAll(() => Promise.all([sut?.close(), smtp?.close(), web?.close()]));
  afterEach(async () => expect(await sut.violations()).toEqual([]));

  const pay = async (node: AgentNode, amount: bigint, now = new Date()) => {
    const outcome = await sut.pay.execute({ paymentId: randomUUID(), nodeId: node.id, payeeId, amount, currency: 'EUR', account: 'acc-1', now });
    expect(outcome.kind).toBe('posted');
  };
  const fund = async (child: AgentNode, amount: bigint) =>
    expect((await sut.fund.execute({ fundingId: randomUUID(), childId: child.id, amount })).kind).toBe('funded');
  /** A rule for every node, of a kind with no thresholds of its own. */
  const ruleEverywhere = (kind: 'payee-gateway-down' | 'registry-not-delivered' | 'voucher-stock-low', recipients: AlertRecipient[]) =>
    sut.alertRules.create({ kind, nodeId: null, belowAvailable: null, creditUsedPercent: null, dailyUsedPercent: null, recipients });
  const mailsTo = (address: string) => smtp.mails.filter((m) => m.to.includes(address));
  const hooksOn = (path: string) => web.hooks.filter((h) => h.path === path);
  const bodyOf = (hook: { body: string }) => JSON.parse(hook.body) as { event: string; alert: Alert & { facts: Record<string, string> } };

  it('tells the dealer and an operator once when the pass finds a low balance, once more when it clears, and anew when it comes back', async () => {
    const dealer = await sut.dealer({ creditLimit: 100_000n });
    const kiosk = await sut.child(dealer);
    const hook = `/dealer-${dealer.id}`;
    await sut.alertContacts.put({ nodeId: dealer.id, email: `dealer-${dealer.id}@example.test`, webhookUrl: `${web.url}${hook}` });
    const rule = await sut.alertRules.create({
      kind: 'low-balance',
      nodeId: dealer.id,
      belowAvailable: 5_000n,
      creditUsedPercent: null,
      dailyUsedPercent: null,
      recipients: [{ type: 'dealer' }, { type: 'email', address: 'ops@example.test' }],
    });
    expect(rule.kind).toBe('stored');
    const worker = sut.alertDelivery(senders);
    await fund(kiosk, 10_000n);
    await pay(kiosk, 6_000n);

    await sut.balanceAlerts.runOnce();
    await worker.runOnce();

    const [mail] = mailsTo(`dealer-${dealer.id}@example.test`);
    expect(mailsTo(`dealer-${dealer.id}@example.test`)).toHaveLength(1);
    expect(mailsTo('ops@example.test').filter((m) => m.subject.includes(kiosk.id))).toHaveLength(1);
    expect(mail.subject).toBe(`[alert] low-balance raised: agent "${kiosk.name}" (${kiosk.id}) has 4000 EUR minor units available, below 5000`);
    expect(mail.text).toContain('available: 4000\n');
    expect(mail.text).toContain('belowAvailable: 5000\n');
    expect(mail.headers).toMatch(/^From: alerts@payments\.test$/m);
    const [delivered] = hooksOn(hook);
    expect(hooksOn(hook)).toHaveLength(1);
    expect(delivered.headers['x-alert-signature']).toBe(webhookSignature(SECRET, delivered.body));
    expect(bodyOf(delivered)).toMatchObject({ event: 'raised', alert: { kind: 'low-balance', subjectId: kiosk.id, facts: { available: '4000' } } });

    // Still low (lower): the open alert is counted and refreshed, raised 1000 times more by others too, and no one is told again.
    await pay(kiosk, 1_000n);
    await sut.balanceAlerts.runOnce();
    for (let i = 0; i < 10; i++) {
      await Promise.all(
        Array.from({ length: 100 }, () => sut.alerts.raise({ kind: 'low-balance', subjectId: kiosk.id, nodeId: kiosk.id, summary: 'low', facts: {} })),
      );
    }
    await worker.runOnce();
    const [open] = await sut.alerts.openAbout(['low-balance'], [kiosk.id]);
    expect(open.timesSeen).toBe(1_002);
    expect(mailsTo(`dealer-${dealer.id}@example.test`)).toHaveLength(1);
    expect(hooksOn(hook)).toHaveLength(1);

    // Funded back above the threshold: cleared, and a resolved message to each.
    await fund(kiosk, 5_000n);
    expect(await sut.balanceAlerts.runOnce()).toEqual({ raised: 0, cleared: 1 });
    await worker.runOnce();
    expect(mailsTo(`dealer-${dealer.id}@example.test`).map((m) => m.subject.split(':')[0])).toEqual([
      '[alert] low-balance raised',
      '[alert] low-balance resolved',
    ]);
    expect(hooksOn(hook).map((h) => bodyOf(h).event)).toEqual(['raised', 'resolved']);

    // Low again: a new alert, a new message.
    await pay(kiosk, 6_000n);
    await sut.balanceAlerts.runOnce();
    await worker.runOnce();
    expect(mailsTo(`dealer-${dealer.id}@example.test`).map((m) => m.subject.split(':')[0])).toEqual([
      '[alert] low-balance raised',
      '[alert] low-balance resolved',
      '[alert] low-balance raised',
    ]);
    const events = hooksOn(hook).map(bodyOf);
    expect(events.map((e) => e.event)).toEqual(['raised', 'resolved', 'raised']);
    expect(events[2].alert.id).not.toBe(events[0].alert.id);
    expect(events[2].alert.facts.available).toBe('2000');
    const deliveries = await sut.alertDeliveries.ofAlert(events[2].alert.id);
    expect(deliveries.map((d) => [d.channel, d.event, d.status, d.attempts])).toEqual(
      expect.arrayContaining([
        ['email', 'raised', 'delivered', 1],
        ['webhook', 'raised', 'delivered', 1],
      ]),
    );
  });

  it("raises limit-nearly-used on the day's payments past the rule's percent, and clears it the next day", async () => {
    const dealer = await sut.dealer({ creditLimit: 100_000n });
    const kiosk = await sut.child(dealer, { dailyLimit: 10_000n });
    await sut.alertRules.create({
      kind: 'limit-nearly-used',
      nodeId: kiosk.id,
      belowAvailable: null,
      creditUsedPercent: null,
      dailyUsedPercent: 80,
      recipients: [],
    });
    const now = new Date();
    await fund(kiosk, 20_000n);
    await pay(kiosk, 7_999n, now);
    await sut.balanceAlerts.runOnce(now);
    expect(await sut.alerts.openAbout(['limit-nearly-used'], [kiosk.id])).toEqual([]);

    await pay(kiosk, 1n, now);
    await sut.balanceAlerts.runOnce(now);
    const [alert] = await sut.alerts.openAbout(['limit-nearly-used'], [kiosk.id]);
    expect(alert.facts).toEqual({ currency: 'EUR', limit: 'daily', used: '8000', limitAmount: '10000', percent: 80 });

    await sut.balanceAlerts.runOnce(new Date(now.getTime() + 86_400_000));
    expect(await sut.alerts.openAbout(['limit-nearly-used'], [kiosk.id])).toEqual([]);
  });

  it('retries a webhook that failed, after the backoff, and records the attempts and the last error', async () => {
    const subjectId = `payee-${randomUUID()}`;
    await ruleEverywhere('payee-gateway-down', [{ type: 'webhook', url: `${web.url}/ops` }]);
    const { alert } = await sut.alerts.raise({ kind: 'payee-gateway-down', subjectId, summary: `the gateway of ${subjectId} does not answer` });
    const worker = sut.alertDelivery(senders, { retryBaseMs: 10_000 });
    const received = () => hooksOn('/ops').filter((h) => bodyOf(h).alert.id === alert.id);
    const t0 = new Date(Math.floor(Date.now() / 1000) * 1000);

    web.answers.push(503);
    await worker.runOnce(t0);
    expect(received()).toHaveLength(0);
    expect(await sut.alertDeliveries.ofAlert(alert.id)).toEqual([
      expect.objectContaining({
        channel: 'webhook',
        status: 'pending',
        attempts: 1,
        lastError: 'webhook answered HTTP 503',
        nextAttemptAt: new Date(t0.getTime() + 10_000),
      }),
    ]);

    await worker.runOnce(new Date(t0.getTime() + 9_000));
    expect(received()).toHaveLength(0);
    await worker.runOnce(new Date(t0.getTime() + 10_000));
    expect(received()).toHaveLength(1);
    expect(await sut.alertDeliveries.ofAlert(alert.id)).toEqual([
      expect.objectContaining({ status: 'delivered', attempts: 2, lastError: 'webhook answered HTTP 503', deliveredAt: new Date(t0.getTime() + 10_000) }),
    ]);

    const closed = await startWebhookReceiver();
    await closed.close();
    const port = new URL(closed.url).port;
    const unreachable = new WebhookAlertSender(SECRET).send({ deliveryId: 'd-1', recipient: `${closed.url}/hook`, alert, event: 'raised', sentAt: t0 });
    await expect(unreachable).rejects.toThrow(`webhook not reached: connect ECONNREFUSED 127.0.0.1:${port}`);
  });

  it('reminds once of an alert still open after the reminder period, then tells it resolved', async () => {
    const dealer = await sut.dealer();
    const hook = `/remind-${dealer.id}`;
    await sut.alertRules.create({
      kind: 'payee-gateway-down',
      nodeId: dealer.id,
      belowAvailable: null,
      creditUsedPercent: null,
      dailyUsedPercent: null,
      recipients: [{ type: 'webhook', url: `${web.url}${hook}` }],
    });
    const t0 = new Date(Math.floor(Date.now() / 1000) * 1000);
    const hour = 3_600_000;
    await sut.alerts.raise({ kind: 'payee-gateway-down', subjectId: `payee-of-${dealer.id}`, nodeId: dealer.id, summary: 'the gateway is down' }, t0);
    const worker = sut.alertDelivery(senders, { remindAfterMs: 24 * hour });
    const events = () => hooksOn(hook).map((h) => bodyOf(h).event);

    await worker.runOnce(t0);
    await worker.runOnce(new Date(t0.getTime() + 23 * hour));
    expect(events()).toEqual(['raised']);
    await worker.runOnce(new Date(t0.getTime() + 24 * hour));
    await worker.runOnce(new Date(t0.getTime() + 48 * hour));
    expect(events()).toEqual(['raised', 'reminder']);

    await sut.alerts.clear('payee-gateway-down', `payee-of-${dealer.id}`, new Date(t0.getTime() + 49 * hour));
    await worker.runOnce(new Date(t0.getTime() + 49 * hour));
    expect(events()).toEqual(['raised', 'reminder', 'resolved']);
  });

  it('sends a delivery that a stopped worker had taken once its lease ends, and plans nothing twice after a restart', async () => {
    const subjectId = `stock-${randomUUID()}`;
    await ruleEverywhere('voucher-stock-low', [{ type: 'webhook', url: `${web.url}/stock` }]);
    const { alert } = await sut.alerts.raise({ kind: 'voucher-stock-low', subjectId, summary: `${subjectId}: 2 left` });
    const received = () => hooksOn('/stock').filter((h) => bodyOf(h).alert.id === alert.id);
    const t0 = new Date(Math.floor(Date.now() / 1000) * 1000);
    // A worker plans, takes the delivery and stops before sending (its claim is all it wrote).
    const stopped = sut.alertDelivery({ email: { unavailable: 'stopped' }, webhook: { send: () => new Promise<void>(() => undefined) } });
    void stopped.runOnce(t0);
    for (let i = 0; i < 50 && (await sut.alertDeliveries.ofAlert(alert.id))[0]?.attempts !== 1; i++) await new Promise((r) => setTimeout(r, 20));

    const restarted = sut.alertDelivery(senders, { leaseMs: 60_000 });
    await restarted.runOnce(new Date(t0.getTime() + 59_000));
    expect(received()).toHaveLength(0);
    await restarted.runOnce(new Date(t0.getTime() + 60_000));
    await restarted.runOnce(new Date(t0.getTime() + 120_000));
    expect(received()).toHaveLength(1);
    expect(await sut.alertDeliveries.ofAlert(alert.id)).toEqual([expect.objectContaining({ status: 'delivered', attempts: 2 })]);
  });

  it('delivers once when two workers run at once, and records an email it cannot send as not deliverable without SMTP', async () => {
    const subjectId = `registry-${randomUUID()}`;
    await ruleEverywhere('registry-not-delivered', [
      { type: 'email', address: 'registries@example.test' },
      { type: 'webhook', url: `${web.url}/registries` },
    ]);
    const { alert } = await sut.alerts.raise({ kind: 'registry-not-delivered', subjectId, summary: `registry ${subjectId} not delivered` });

    await Promise.all([sut.alertDelivery(senders).runOnce(), sut.alertDelivery(senders).runOnce(), sut.alertDelivery(senders).runOnce()]);

    expect(mailsTo('registries@example.test').filter((m) => m.subject.includes(subjectId))).toHaveLength(1);
    expect(hooksOn('/registries').filter((h) => bodyOf(h).alert.id === alert.id)).toHaveLength(1);

    const noSmtp = sut.alertDelivery({ email: { unavailable: 'no SMTP server configured (AGENTS_BILLING_SMTP_HOST)' }, webhook: senders.webhook });
    const other = await sut.alerts.raise({ kind: 'registry-not-delivered', subjectId: `${subjectId}-2`, summary: 'another registry not delivered' });
    await noSmtp.runOnce();
    expect((await sut.alertDeliveries.ofAlert(other.alert.id)).map((d) => [d.channel, d.status, d.lastError])).toEqual([
      ['email', 'undeliverable', 'no SMTP server configured (AGENTS_BILLING_SMTP_HOST)'],
      ['webhook', 'delivered', null],
    ]);
  });
});
