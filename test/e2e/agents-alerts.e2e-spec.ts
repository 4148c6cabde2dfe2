import { createHmac, randomUUID } from 'node:crypto';

import { startWebhookReceiver } from '@payments/agents-billing-app/src/alerts/testing/alert-inboxes';

import { agentsOperatorApi } from '../support/agents-operator.client';
import { PlatformUnderTest, startEmbedded } from '../support/platform-under-test';
import { eventually, HttpResult } from '../support/register.client';

const SECRET = 'e2e-alert-webhook-secret-0123456789';

/**
 * The agents' alerts through the operator API (embedded mode, no SMTP server): a rule for a dealer's
 * subtree, the dealer's contact, a kiosk run low; the balance pass raises it, the webhook gets it
 * signed and the email is recorded as not deliverable, saying why.
 */
describe('agents alerts end to end (embedded mode)', () => {
  let platform: PlatformUnderTest;
  let web: Awaited<ReturnType<typeof startWebhookReceiver>>;

  beforeAll(async () => {
    web = await startWebhookReceiver();
    platform = await startEmbedded({ env: { AGENTS_BILLING_ALERT_PASS_SECONDS: '1', AGENTS_BILLING_ALERT_WEBHOOK_SECRET: SECRET } });
  }, 120_000);

  afterAll(async () => {
    await platform?.stop();
    await web?.close();
  }, 60_000);

  const api = agentsOperatorApi(() => platform.settlementUrl);
  const ok = async (result: Promise<HttpResult>, status = 200) => {
    const answer = await result;
    expect([answer.status, answer.body.message]).toEqual([status, undefined]);
    return answer.body as { id: string } & Record<string, unknown>;
  };
  it('keeps rules as data, and delivers a low balance the pass finds by webhook while email, without SMTP, is not deliverable', async () => {
    const dealer = await ok(api('POST', '/dealers', { name: 'Dealer Alerts', currency: 'EUR', creditLimit: 100_000 }), 201);
    const kiosk = await ok(api('POST', `/nodes/${dealer.id}/children`, { name: 'Kiosk Alerts' }), 201);
    await ok(api('PUT', `/nodes/${dealer.id}/alert-contact`, { webhookUrl: `${web.url}/dealer` }));
    expect(await api('PUT', `/nodes/${randomUUID()}/alert-contact`, { email: 'x@example.com' })).toMatchObject({ status: 404 });

    const rule = {
      kind: 'low-balance',
      nodeId: dealer.id,
      belowAvailable: 5_000,
      recipients: [{ type: 'dealer' }, { type: 'email', address: 'ops@example.com' }],
    };
    const stored = await ok(api('POST', '/alert-rules', rule), 201);
    expect(stored).toMatchObject({ ...rule, belowAvailable: '5000', creditUsedPercent: null });
    expect(await api('POST', '/alert-rules', rule)).toMatchObject({
      status: 422,
      body: { message: `nodeId: a low-balance rule for the subtree of ${dealer.id} exists already` },
    });
    expect(await api('POST', '/alert-rules', { ...rule, nodeId: undefined, belowAvailable: undefined })).toMatchObject({
      status: 400,
      body: { message: 'belowAvailable: required for a low-balance rule (minor units)' },
    });
    const spare = await ok(api('POST', '/alert-rules', { kind: 'voucher-stock-low', recipients: [] }), 201);
    await ok(api('PUT', `/alert-rules/${spare.id}`, { kind: 'voucher-stock-low', recipients: [{ type: 'webhook', url: `${web.url}/vouchers` }] }));
    expect(await ok(api('GET', `/alert-rules/${spare.id}`))).toMatchObject({ recipients: [{ type: 'webhook', url: `${web.url}/vouchers` }] });
    expect(await api('DELETE', `/alert-rules/${spare.id}`)).toMatchObject({ status: 204 });
    expect(await api('GET', `/alert-rules/${spare.id}`)).toMatchObject({ status: 404 });
    expect(((await api('GET', '/alert-rules')).body as unknown as { id: string }[]).map((r) => r.id)).toEqual([stored.id]);

    await ok(api('POST', `/nodes/${kiosk.id}/fundings`, { id: randomUUID(), amount: 3_000 }), 201);

    const alert = (await eventually(
      async () => ((await api('GET', '/alerts')).body as unknown as { id: string; subjectId: string }[]).find((a) => a.subjectId === kiosk.id),
      (found) => found !== undefined,
    ))!;
    expect(alert).toMatchObject({ kind: 'low-balance', nodeId: kiosk.id, facts: { available: '3000', belowAvailable: '5000' } });
    const hook = (await eventually(
      () => Promise.resolve(web.hooks.find((h) => h.path === '/dealer')),
      (found) => found !== undefined,
    ))!;
    expect(hook.headers['x-alert-signature']).toBe(`sha256=${createHmac('sha256', SECRET).update(hook.body).digest('hex')}`);
    expect(JSON.parse(hook.body)).toMatchObject({ event: 'raised', alert: { id: alert.id, subjectId: kiosk.id } });

    const { deliveries } = (await ok(api('GET', `/alerts/${alert.id}/deliveries`))) as unknown as { deliveries: Record<string, unknown>[] };
    expect(deliveries.map((d) => [d.channel, d.recipient, d.status, d.lastError])).toEqual([
      ['email', 'ops@example.com', 'undeliverable', 'no SMTP server configured (AGENTS_BILLING_SMTP_HOST)'],
      ['webhook', `${web.url}/dealer`, 'delivered', null],
    ]);
    expect(await api('GET', `/alerts/${randomUUID()}/deliveries`)).toMatchObject({ status: 404 });
  }, 60_000);
});
