import { trace } from '@opentelemetry/api';

import { maskedPan, PUBLIC_TEST_PANS } from '../redaction/public-test-pans.fixture';
import { startTestTelemetry } from '../tracing/test-telemetry.bootstrap';
import { createLogCapture } from './log-capture.destination';
import { createLogger } from './json-logger.factory';

const PAN = '4242424242424242';
const MASKED = '424242******4242';

describe(createLogger.name, () => {
  function setup() {
    const capture = createLogCapture();
    const sut = createLogger({ service: 'gateway', destination: capture.destination });
    return { sut, capture };
  }

  it('writes one JSON line per entry with time, level, service and msg', () => {
    const { sut, capture } = setup();
    sut.info({ terminalId: 'T1' }, 'payment accepted');
    sut.warn('slow host');

    const [first, second] = capture.entries();
    expect(first).toEqual(expect.objectContaining({ level: 'info', service: 'gateway', msg: 'payment accepted', terminalId: 'T1' }));
    expect(first?.time).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
    expect(second).toEqual(expect.objectContaining({ level: 'warn', msg: 'slow host' }));
    expect(capture.text().trim().split('\n')).toHaveLength(2);
  });

  it('respects the level', () => {
    const capture = createLogCapture();
    const sut = createLogger({ service: 's', level: 'warn', destination: capture.destination });
    sut.info('hidden');
    sut.error('shown');
    expect(capture.entries().map((entry) => entry.msg)).toEqual(['shown']);
  });

  it('censors card-data keys at any depth', () => {
    const { sut, capture } = setup();
    sut.info({
      pan: PAN,
      cardNumber: PAN,
      request: { card: { track2: ';4761739001010010=2512?', cvv: '737', expiryDate: '2512', pinBlock: '0412AC89ABCDEF67' } },
      deep: { a: { b: { c: { ciphertext: 'AAECAw==', pin: '1234', cardData: { any: 'thing' } } } } },
    });

    const [entry] = capture.entries();
    expect(entry?.pan).toBe('[REDACTED]');
    expect(entry?.cardNumber).toBe('[REDACTED]');
    expect(entry?.request).toEqual({
      card: { track2: '[REDACTED]', cvv: '[REDACTED]', expiryDate: '[REDACTED]', pinBlock: '[REDACTED]' },
    });
    expect(entry?.deep).toEqual({ a: { b: { c: { ciphertext: '[REDACTED]', pin: '[REDACTED]', cardData: '[REDACTED]' } } } });
    // Everything but the timestamp, whose digits may happen to spell a short secret (e.g. .737Z).
    const logged = JSON.stringify({ ...entry, time: undefined });
    for (const secret of ['4761739001010010', '737', '2512', '0412AC89ABCDEF67', 'AAECAw==', '1234']) {
      expect(logged).not.toContain(secret);
    }
  });

  it.each(PUBLIC_TEST_PANS)('keeps only the first 6 and last 4 digits of %s in messages and values', (pan) => {
    const { sut, capture } = setup();
    sut.info({ note: `card ${pan}`, list: [`x ${pan}`], numeric: BigInt(pan) }, `declined ${pan}`);
    sut.info('interpolated %s and %j', pan, { text: pan });

    const [plain, interpolated] = capture.entries();
    expect(plain?.msg).toBe(`declined ${maskedPan(pan)}`);
    expect(plain?.note).toBe(`card ${maskedPan(pan)}`);
    expect(plain?.list).toEqual([`x ${maskedPan(pan)}`]);
    expect(plain?.numeric).toBe('[REDACTED]');
    expect(interpolated?.msg).toBe(`interpolated ${maskedPan(pan)} and {"text":"${maskedPan(pan)}"}`);
    expect(capture.text()).not.toContain(pan);
  });

  it('scrubs the PAN from an error message, stack and cause', () => {
    const { sut, capture } = setup();
    const error = new Error(`host rejected ${PAN}`, { cause: new Error(`socket said ${PAN}`) });
    sut.error(error);
    sut.error({ err: error }, 'authorization failed');
    sut.warn({ failure: error }, 'nested error');

    const [direct, wrapped, nested] = capture.entries();
    expect(direct?.msg).toBe(`host rejected ${MASKED}`);
    const err = direct?.err as Record<string, unknown>;
    expect(err.type).toBe('Error');
    expect(err.message).toContain(`host rejected ${MASKED}`);
    expect(err.stack).toEqual(expect.stringContaining(`Error: host rejected ${MASKED}\n    at `));
    expect(wrapped?.msg).toBe('authorization failed');
    expect((nested?.failure as Record<string, unknown>).message).toContain(MASKED);
    expect(capture.text()).not.toContain(PAN);
    expect(capture.text()).toContain(MASKED);
  });

  it('scrubs child logger bindings', () => {
    const { sut, capture } = setup();
    sut
      .child({ pan: PAN, note: `for ${PAN}` })
      .child({ grandchild: PAN })
      .info('child line');
    const [entry] = capture.entries();
    expect(entry).toEqual(expect.objectContaining({ pan: '[REDACTED]', note: `for ${MASKED}`, grandchild: MASKED, msg: 'child line' }));
    expect(capture.text()).not.toContain(PAN);
  });

  describe('with tracing', () => {
    const telemetry = startTestTelemetry('gateway');
    afterAll(() => telemetry.shutdown());

    it('adds trace_id and span_id of the active span, and none outside a span', () => {
      const { sut, capture } = setup();
      const tracer = trace.getTracer('spec');
      const ids = tracer.startActiveSpan('purchase', (span) => {
        sut.info('inside');
        span.end();
        return span.spanContext();
      });
      sut.info('outside');

      const [inside, outside] = capture.entries();
      expect(inside).toEqual(expect.objectContaining({ trace_id: ids.traceId, span_id: ids.spanId }));
      expect(ids.traceId).toMatch(/^[0-9a-f]{32}$/);
      expect(outside).not.toHaveProperty('trace_id');
      expect(outside).not.toHaveProperty('span_id');
    });

    it('scrubs a caller-supplied trace_id that is not a trace id', () => {
      const { sut, capture } = setup();
      sut.info({ trace_id: PAN }, 'odd');
      expect(capture.entries()[0]?.trace_id).toBe(MASKED);
    });
  });
});
