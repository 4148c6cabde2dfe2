import { type DynamicModule, Module } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';

import { HttpMetricsInterceptor } from './http-metrics.interceptor';
import { MetricsController } from './metrics.controller';
import { setMetricsServiceLabel } from './metrics.registry';

export interface MetricsModuleOptions {
  /** Value of the `service` label on every metric of the process. */
  service: string;
}

/**
 * GET /metrics and RED metrics for every HTTP route of the application. Import it once, in the
 * process's root module (a second import would register the interceptor twice and double-count).
 * If the app sets a global prefix, exclude `metrics` from it so Prometheus finds /metrics.
 */
@Module({})
export class MetricsModule {
  static forRoot(options: MetricsModuleOptions): DynamicModule {
    setMetricsServiceLabel(options.service);
    return {
      module: MetricsModule,
      controllers: [MetricsController],
      providers: [{ provide: APP_INTERCEPTOR, useClass: HttpMetricsInterceptor }],
    };
  }
}
