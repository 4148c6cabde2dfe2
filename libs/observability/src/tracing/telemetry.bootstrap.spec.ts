import { execFile } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { promisify } from 'node:util';

import { context, propagation, trace } from '@opentelemetry/api';

import { startTelemetry } from './telemetry.bootstrap';
import { isUntracedRequestPath } from './untraced-request.filter';

const PAN = '4242424242424242';
const execFileAsync = promisify(execFile);

interface ReceivedExport {
  path: string;
  body: string;
}

// A stand-in OTLP/HTTP collector on loopback that records what the exporter posts.
async function startCollector(received: ReceivedExport[]): Promise<{ server: Server; url: string }> {
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      received.push({ path: request.url ?? '', body: Buffer.concat(chunks).toString('utf8') });
      response.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

describe(startTelemetry.name, () => {
  it('creates real spans and W3C traceparent headers without an exporter', async () => {
    const sut = startTelemetry({ serviceName: 'gateway', serviceVersion: '1.2.3' });
    try {
      const headers: Record<string, string> = {};
      const ids = trace.getTracer('spec').startActiveSpan('publish', (span) => {
        propagation.inject(context.active(), headers);
        span.end();
        return span.spanContext();
      });
      expect(ids.traceId).toMatch(/^(?!0{32})[0-9a-f]{32}$/);
      expect(headers.traceparent).toBe(`00-${ids.traceId}-${ids.spanId}-01`);
    } finally {
      await sut.shutdown();
    }
  });

  it('exports spans over OTLP/HTTP to <endpoint>/v1/traces, with card data redacted', async () => {
    const received: ReceivedExport[] = [];
    const collector = await startCollector(received);
    try {
      // A real Node process (see otlp-export.probe.js for why not in-band), bounded to 20 s.
      await execFileAsync(process.execPath, [join(__dirname, 'otlp-export.probe.js'), collector.url, `card ${PAN}`], {
        timeout: 20_000,
      });

      const exported = received.filter((entry) => entry.path === '/v1/traces');
      expect(exported).toHaveLength(1);
      const body = exported[0]?.body ?? '';
      expect(body).toContain('authorize');
      expect(body).toContain('424242******4242');
      expect(body).not.toContain(PAN);
    } finally {
      collector.server.closeAllConnections();
      await new Promise((resolve) => collector.server.close(resolve));
    }
  }, 30_000);

  it('returns the running instance when called twice', async () => {
    const first = startTelemetry({ serviceName: 'a' });
    const second = startTelemetry({ serviceName: 'b' });
    expect(second).toBe(first);
    await first.shutdown();
  });
});

describe(isUntracedRequestPath.name, () => {
  it.each(['/health', '/health/ready', '/health?full=1', '/metrics', '/metrics?x'])('does not trace %s', (url) => {
    expect(isUntracedRequestPath(url)).toBe(true);
  });

  it.each(['/v1/payments', '/healthcheck-report', '/v1/metrics', undefined])('traces %s', (url) => {
    expect(isUntracedRequestPath(url)).toBe(false);
  });
});
