import { SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';

import type { Iso8583Message } from '@payments/iso8583';
import { startTestTelemetry, type TestTelemetry } from '@payments/observability';
import { AcquirerHostSimulator } from '@payments/testing';

import { HostLink } from './host-link';

const PAN = '4761739001010119';
const TRACK2 = `${PAN}=2512201000000000`;

function purchase(stan: string, amount: string): Iso8583Message {
  return {
    mti: '0200',
    fields: { 2: PAN, 3: '000000', 4: amount, 7: '1122054730', 11: stan, 22: '051', 35: TRACK2, 41: 'TERM0001', 42: 'MERCHANT0000001', 49: '417' },
  };
}

describe('host exchange spans', () => {
  const host = new AcquirerHostSimulator();
  let telemetry: TestTelemetry;
  let sut: HostLink;

  beforeAll(async () => {
    await host.start();
  });
  afterAll(async () => {
    await host.stop();
  });
  beforeEach(async () => {
    host.reset();
    telemetry = startTestTelemetry('authorization');
    sut = new HostLink({ host: '127.0.0.1', port: host.port, spec: 'iso87ascii', header: 'binary2', responseTimeoutMs: 300, connectTimeoutMs: 500 });
    await sut.connect();
  });
  afterEach(async () => {
    await sut.close();
    await telemetry.shutdown();
  });

  const exchanges = () => telemetry.exporter.getFinishedSpans().filter((span) => span.name.startsWith('iso8583 '));

  it('records one CLIENT span per exchange, under the caller, with MTIs, STAN and response code and no card field', async () => {
    const parent = await trace.getTracer('spec').startActiveSpan('authorize', async (span) => {
      await sut.send(purchase('000001', '000000001234'));
      await sut.send(purchase('000002', '000000001051'));
      span.end();
      return span.spanContext();
    });

    const spans = exchanges();
    expect(spans.map((span) => span.name)).toEqual(['iso8583 0200', 'iso8583 0200']);
    expect(spans.map((span) => span.kind)).toEqual([SpanKind.CLIENT, SpanKind.CLIENT]);
    expect(spans.map((span) => span.parentSpanContext?.spanId)).toEqual([parent.spanId, parent.spanId]);
    expect(spans[0].attributes).toEqual({
      'iso8583.mti': '0200',
      'iso8583.stan': '000001',
      'iso8583.response.mti': '0210',
      'iso8583.response_code': '00',
      'server.address': '127.0.0.1',
      'server.port': host.port,
    });
    expect(spans[1].attributes['iso8583.response_code']).toBe('51');
    expect(JSON.stringify(spans.map((span) => span.attributes))).not.toContain(PAN.slice(6));
  });

  it('ends the span of an unanswered request with an error status naming the MTI and STAN only', async () => {
    host.setDefault({ kind: 'silent' });

    await expect(sut.send(purchase('000003', '000000001234'))).rejects.toThrow(/STAN 000003/);

    const [span] = exchanges();
    expect(span.status.code).toBe(SpanStatusCode.ERROR);
    expect(span.status.message).toMatch(/0200.*000003/);
    expect(span.attributes).not.toHaveProperty('iso8583.response_code');
  });
});
