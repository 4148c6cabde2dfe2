import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { startJaeger, type JaegerSpan, type JaegerTrace, type JaegerUnderTest } from '../support/jaeger.process';
import { PlatformUnderTest, startDistributed } from '../support/platform-under-test';
import { eventually, RegisterClient } from '../support/register.client';
import { repoRoot } from '../support/repo-root.util';

const PAN = '4242424242424242';
const AUTHORIZE = 'payments.internal.v1.AuthorizationService/Authorize';
const ASSESS = 'payments.internal.v1.AntifraudService/Assess';
const AUTHORIZED_TOPIC = 'payments.transaction.authorized.v1';

/** Every hop of one card-present purchase, in the order it happens: [service, span name, span kind]. */
const HOPS = [
  ['gateway', 'POST /v1/purchases', 'server'],
  ['gateway', AUTHORIZE, 'client'],
  ['authorization', AUTHORIZE, 'server'],
  ['authorization', ASSESS, 'client'],
  ['antifraud', ASSESS, 'server'],
  ['authorization', 'iso8583 0200', 'client'],
  ['authorization', `send ${AUTHORIZED_TOPIC}`, 'producer'],
  ['settlement', `process ${AUTHORIZED_TOPIC}`, 'consumer'],
] as const;

const tag = (span: JaegerSpan, key: string): unknown => span.tags.find((t) => t.key === key)?.value;
const parentOf = (span: JaegerSpan): string | undefined => span.references.find((r) => r.refType === 'CHILD_OF')?.spanID;

describe('one trace per payment, in a real Jaeger (distributed mode)', () => {
  const logDir = join(repoRoot(), '.infra/logs/e2e');
  let jaeger: JaegerUnderTest;
  let platform: PlatformUnderTest;

  beforeAll(async () => {
    jaeger = await startJaeger(repoRoot(), logDir);
    // A short batch delay: the spans reach Jaeger a fraction of a second after they end.
    platform = await startDistributed({ env: { OTEL_EXPORTER_OTLP_ENDPOINT: jaeger.otlpUrl, OTEL_BSP_SCHEDULE_DELAY: '200' } });
  }, 120_000);

  afterAll(async () => {
    await platform?.stop();
    await jaeger?.stop();
  }, 60_000);

  it('follows a purchase from the register call to settlement in one trace, every hop in order, without card data', async () => {
    const register = new RegisterClient(platform.gatewayUrl);
    const result = await register.purchase({ amount: 1250, currency: 'EUR', card: register.card(PAN) });
    expect(result.body).toMatchObject({ status: 'approved', responseCode: '00' });

    // Each process sends its spans on its own schedule: wait until every hop's name has arrived.
    const complete = (traces: JaegerTrace[]) => traces.some((t) => HOPS.every(([, name]) => t.spans.some((s) => s.operationName === name)));
    const traces = await eventually(() => jaeger.traces('gateway', 'POST /v1/purchases'), complete, 20_000);
    expect(traces).toHaveLength(1);
    const [trace] = traces;

    const serviceOf = (span: JaegerSpan) => trace.processes[span.processID]?.serviceName;
    const hops = HOPS.map(([service, name, kind]) => {
      const span = trace.spans.find((s) => serviceOf(s) === service && s.operationName === name && tag(s, 'span.kind') === kind);
      if (!span)
        throw new Error(
          `no ${kind} span "${name}" of ${service} in the trace; it has: ${trace.spans.map((s) => `${serviceOf(s)}:${s.operationName}`).join(', ')}`,
        );
      return span;
    });
    const [httpServer, authorizeClient, authorizeServer, assessClient, assessServer, hostExchange, send, consume] = hops;

    // Each call continues its caller: directly across processes, within a process under its handler.
    const byId = new Map(trace.spans.map((s) => [s.spanID, s]));
    const descends = (span: JaegerSpan, ancestor: JaegerSpan): boolean => {
      for (let parent = parentOf(span); parent !== undefined; parent = parentOf(byId.get(parent) ?? span)) {
        if (parent === ancestor.spanID) return true;
        if (!byId.has(parent)) return false;
      }
      return false;
    };
    expect(parentOf(httpServer)).toBeUndefined();
    expect(descends(authorizeClient, httpServer)).toBe(true);
    expect(parentOf(authorizeServer)).toBe(authorizeClient.spanID);
    expect(descends(assessClient, authorizeServer)).toBe(true);
    expect(parentOf(assessServer)).toBe(assessClient.spanID);
    expect(descends(hostExchange, authorizeServer)).toBe(true);
    expect(descends(send, authorizeServer)).toBe(true);
    // A child, not only a link (a batch mixing other traces' events links its own batch span too).
    expect(consume.references).toContainEqual({ refType: 'CHILD_OF', traceID: trace.traceID, spanID: send.spanID });
    // In the order the purchase went through them.
    const starts = hops.map((s) => s.startTime);
    expect(starts).toEqual([...starts].sort((a, b) => a - b));

    expect(trace.spans.filter((s) => s.operationName.startsWith('iso8583 '))).toHaveLength(1);
    expect(tag(hostExchange, 'iso8583.mti')).toBe('0200');
    expect(tag(hostExchange, 'iso8583.response.mti')).toBe('0210');
    expect(tag(hostExchange, 'iso8583.response_code')).toBe('00');
    expect(tag(hostExchange, 'iso8583.stan')).toMatch(/^[0-9]{6}$/);
    expect(tag(httpServer, 'http.route')).toBe('/v1/purchases');
    expect(tag(consume, 'messaging.destination.name')).toBe(AUTHORIZED_TOPIC);

    // No card number anywhere: names, attributes, events, process tags; not even its middle digits.
    const text = JSON.stringify(trace);
    expect(text).not.toContain(PAN);
    expect(text).not.toContain(PAN.slice(4, 12));
  });

  it("writes the trace id of the payment on its log lines: a host timeout's warning opens that purchase's trace", async () => {
    platform.simulator.addRule((m) => (m.mti === '0200' ? { kind: 'silent' } : undefined));
    const register = new RegisterClient(platform.gatewayUrl);
    const result = await register.purchase({ amount: 4100, currency: 'EUR', card: register.card(PAN) });
    expect(result.body).toMatchObject({ status: 'failed', responseCode: '91' });
    const transactionId = result.body.transactionId as string;

    // The service logs append across runs: only this transaction's line counts.
    const warning = readFileSync(join(logDir, 'authorization.log'), 'utf8')
      .split('\n')
      .filter((line) => line.includes(transactionId))
      .map((line) => JSON.parse(line) as { msg: string; trace_id?: string; span_id?: string })
      .find((entry) => entry.msg.includes('reversal queued'));
    expect(warning?.trace_id).toMatch(/^[0-9a-f]{32}$/);
    expect(warning?.span_id).toMatch(/^[0-9a-f]{16}$/);

    const response = await eventually(
      () =>
        fetch(`${jaeger.queryUrl}/api/traces/${warning?.trace_id}`).then(async (r) =>
          r.ok ? ((await r.json()) as { data: JaegerTrace[] }).data[0] : undefined,
        ),
      // Each process sends its spans on its own schedule: wait for both ends of the purchase.
      (found) => ['POST /v1/purchases', 'iso8583 0200'].every((name) => found?.spans.some((span) => span.operationName === name)),
    );
    const names = response?.spans.map((span) => `${response.processes[span.processID]?.serviceName} ${span.operationName}`);
    expect(names).toEqual(expect.arrayContaining(['gateway POST /v1/purchases', 'authorization iso8583 0200']));
    const exchange = response?.spans.find((span) => span.operationName === 'iso8583 0200');
    expect(exchange && tag(exchange, 'error')).toBe(true);
    expect(JSON.stringify(response)).not.toContain(PAN);
  });
});
