import { Controller, Get, Header, VERSION_NEUTRAL } from '@nestjs/common';

import { metricsRegistry } from './metrics.registry';

/** GET /metrics: Prometheus text exposition of the process registry, outside API versioning. */
@Controller({ version: VERSION_NEUTRAL })
export class MetricsController {
  @Get('metrics')
  @Header('Content-Type', metricsRegistry.contentType)
  @Header('Cache-Control', 'no-store')
  scrape(): Promise<string> {
    return metricsRegistry.metrics();
  }
}
