import { type CallHandler, type ExecutionContext, Injectable, type NestInterceptor } from '@nestjs/common';
import type { Observable } from 'rxjs';

import { nameHttpServerSpan } from '../tracing/http-server-span.util';
import { MetricsController } from './metrics.controller';
import { getOrCreateCounter, getOrCreateHistogram } from './metrics.registry';

export const HTTP_REQUESTS_TOTAL = 'http_server_requests_total';
export const HTTP_REQUEST_DURATION_SECONDS = 'http_server_request_duration_seconds';
const LABELS = ['method', 'route', 'status'] as const;
const DURATION_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];
// nginx's code for a client that went away before the response was complete.
const CLIENT_CLOSED_REQUEST = 499;

interface RoutedRequest {
  method: string;
  baseUrl?: string;
  route?: { path?: unknown };
  routeOptions?: { url?: string };
}

interface ServerResponseLike {
  statusCode: number;
  writableFinished?: boolean;
  once(event: 'finish' | 'close', listener: () => void): unknown;
}

/**
 * RED metrics for every HTTP handler: requests by method, matched route pattern and final status
 * (so an HttpException's status, or the 500 of an unexpected error, is counted as sent), and their
 * duration. The route label is the pattern (`/v1/payments/:id`), never the raw URL: ids and card
 * numbers in paths would leak into labels and blow up cardinality. /metrics itself is not counted.
 * The same pattern names the request's HTTP server span (`POST /v1/purchases`).
 */
@Injectable()
export class HttpMetricsInterceptor implements NestInterceptor {
  private readonly requests = getOrCreateCounter(HTTP_REQUESTS_TOTAL, 'HTTP requests handled, by method, route pattern and status.', LABELS);
  private readonly duration = getOrCreateHistogram(
    HTTP_REQUEST_DURATION_SECONDS,
    'HTTP request duration in seconds, by method, route pattern and status.',
    LABELS,
    DURATION_BUCKETS,
  );

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'http' || context.getClass() === MetricsController) return next.handle();
    const http = context.switchToHttp();
    const request = http.getRequest<RoutedRequest>();
    const response = responseOf(http.getResponse<ServerResponseLike | { raw: ServerResponseLike }>());
    const method = request.method;
    const route = routePattern(request);
    if (route !== 'unmatched') nameHttpServerSpan(method, route);
    const stopTimer = this.duration.startTimer();
    let recorded = false;
    // Recorded when the response is done, so the status is the one exception filters finally sent.
    const record = (): void => {
      if (recorded) return;
      recorded = true;
      const status = String(response.writableFinished === false ? CLIENT_CLOSED_REQUEST : response.statusCode);
      this.requests.inc({ method, route, status });
      stopTimer({ method, route, status });
    };
    response.once('finish', record);
    response.once('close', record);
    return next.handle();
  }
}

function responseOf(response: ServerResponseLike | { raw: ServerResponseLike }): ServerResponseLike {
  return 'raw' in response ? response.raw : response;
}

// Express (Nest's default platform) exposes the matched Route; Fastify its routeOptions.url.
function routePattern(request: RoutedRequest): string {
  if (typeof request.routeOptions?.url === 'string') return request.routeOptions.url;
  const path = request.route?.path;
  return typeof path === 'string' ? `${request.baseUrl ?? ''}${path}` : 'unmatched';
}
