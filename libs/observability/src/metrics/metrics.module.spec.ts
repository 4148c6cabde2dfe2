import { BadRequestException, Controller, Get, type INestApplication, Module, Param } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';

import { HTTP_REQUEST_DURATION_SECONDS, HTTP_REQUESTS_TOTAL } from './http-metrics.interceptor';
import { MetricsModule } from './metrics.module';
import { metricsRegistry } from './metrics.registry';

@Controller('v1/payments')
class PaymentsTestController {
  @Get(':id')
  find(@Param('id') id: string): { id: string } {
    return { id };
  }

  @Get(':id/refund')
  refund(): never {
    throw new BadRequestException('refund not allowed');
  }

  @Get(':id/capture')
  capture(): never {
    throw new Error('database went away');
  }
}

@Module({ imports: [MetricsModule.forRoot({ service: 'gateway' })], controllers: [PaymentsTestController] })
class MetricsTestModule {}

interface Sample {
  labels: Record<string, string | number>;
  value: number;
}

async function samples(name: string): Promise<Sample[]> {
  const metric = metricsRegistry.getSingleMetric(name);
  if (metric === undefined) throw new Error(`metric ${name} is not registered`);
  return (await metric.get()).values as Sample[];
}

async function requestCount(route: string, status: string): Promise<number> {
  const all = await samples(HTTP_REQUESTS_TOTAL);
  return all.filter((sample) => sample.labels.route === route && sample.labels.status === status).reduce((sum, s) => sum + s.value, 0);
}

describe(MetricsModule.name, () => {
  let app: INestApplication;
  let baseUrl: string;

  beforeAll(async () => {
    app = await NestFactory.create(MetricsTestModule, { logger: false });
    await app.listen(0, '127.0.0.1');
    baseUrl = (await app.getUrl()).replace('[::1]', '127.0.0.1');
  });
  afterAll(() => app.close());
  beforeEach(() => metricsRegistry.resetMetrics());

  it('counts a request under its route pattern, not its raw URL, and times it', async () => {
    const response = await fetch(`${baseUrl}/v1/payments/pay_123`);
    expect(response.status).toBe(200);

    expect(await requestCount('/v1/payments/:id', '200')).toBe(1);
    const all = await samples(HTTP_REQUESTS_TOTAL);
    expect(all.some((sample) => String(sample.labels.route).includes('pay_123'))).toBe(false);
    const durationCount = (await samples(HTTP_REQUEST_DURATION_SECONDS)).find(
      (sample) => sample.labels.route === '/v1/payments/:id' && (sample as { metricName?: string }).metricName?.endsWith('_count'),
    );
    expect(durationCount?.value).toBe(1);
  });

  it('counts an HttpException with its status and an unexpected error as 500', async () => {
    expect((await fetch(`${baseUrl}/v1/payments/pay_1/refund`)).status).toBe(400);
    expect((await fetch(`${baseUrl}/v1/payments/pay_1/capture`)).status).toBe(500);
    expect((await fetch(`${baseUrl}/v1/payments/pay_2/capture`)).status).toBe(500);

    expect(await requestCount('/v1/payments/:id/refund', '400')).toBe(1);
    expect(await requestCount('/v1/payments/:id/capture', '500')).toBe(2);
  });

  it('serves the exposition format on GET /metrics, with the service label, without counting itself', async () => {
    await fetch(`${baseUrl}/v1/payments/pay_9`);
    const first = await fetch(`${baseUrl}/metrics`);
    const second = await fetch(`${baseUrl}/metrics`);
    const body = await second.text();

    expect(first.status).toBe(200);
    // Express reorders the parameters (charset first); Prometheus reads them in any order.
    const contentType = (second.headers.get('content-type') ?? '').split(/;\s*/).sort();
    expect(contentType).toEqual(metricsRegistry.contentType.split(/;\s*/).sort());
    expect(body).toMatch(
      /^http_server_requests_total\{(?=[^}]*method="GET")(?=[^}]*route="\/v1\/payments\/:id")(?=[^}]*status="200")(?=[^}]*service="gateway")[^}]*\} 1$/m,
    );
    expect(body).toMatch(/^process_cpu_user_seconds_total\{service="gateway"\} /m);
    expect(body).not.toContain('route="/metrics"');
  });
});
