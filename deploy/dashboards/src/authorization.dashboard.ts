import { DashboardBuilder } from '@grafana/grafana-foundation-sdk/dashboard';

import { dashboard, query, row, timeseries } from './panels';

const quantile = (q: number, metric: string, by: string, selector = ''): string =>
  `histogram_quantile(${q}, sum by (le, ${by}) (rate(${metric}_bucket${selector}[$__rate_interval])))`;

/** The authorization path: outcomes by response code, acquirer and channel, the calls on the way, the reversals. */
export function authorizationDashboard(): DashboardBuilder {
  return dashboard(
    'payments-authorization',
    'Payments / Authorization',
    'Outcomes of the operations, the gateway and internal gRPC calls, and the reversal queue.',
  )
    .withRow(row('Outcomes'))
    .withPanel(
      timeseries('Operations per second by status', 'Final outcomes: approved, declined, failed (the host did not answer), reversed...', 'ops', [
        query('sum by (status) (rate(authorization_operations_total[$__rate_interval]))', '{{status}}'),
      ]),
    )
    .withPanel(
      timeseries(
        'Operations per second by operation and channel',
        'Purchases, refunds, reversals... by entry mode (chip, contactless, e-commerce) or follow_up.',
        'ops',
        [query('sum by (operation, channel) (rate(authorization_operations_total[$__rate_interval]))', '{{operation}} {{channel}}')],
      ),
    )
    .withPanel(
      timeseries('Response codes by acquirer', 'Final outcomes per acquirer and ISO 8583 response code.', 'ops', [
        query('sum by (acquirer, response_code) (rate(authorization_operations_total[$__rate_interval]))', '{{acquirer}} {{response_code}}'),
      ]),
    )
    .withPanel(
      timeseries('Approval ratio by acquirer (15 min)', "Approved share of the final outcomes (the ApprovalRateDrop alert's recording rule).", 'percentunit', [
        query('acquirer:authorization_approval_ratio:rate15m', '{{acquirer}}'),
      ]).max(1),
    )
    .withRow(row('Calls'))
    .withPanel(
      timeseries('Gateway requests by route and status', 'HTTP requests of registers and shops, by route pattern and status.', 'reqps', [
        query('sum by (method, route, status) (rate(http_server_requests_total{service="gateway"}[$__rate_interval]))', '{{method}} {{route}} {{status}}'),
      ]),
    )
    .withPanel(
      timeseries('Gateway latency by route (p50, p99)', "Duration of the gateway's HTTP requests.", 's', [
        query(quantile(0.5, 'http_server_request_duration_seconds', 'method, route', '{service="gateway"}'), 'p50 {{method}} {{route}}'),
        query(quantile(0.99, 'http_server_request_duration_seconds', 'method, route', '{service="gateway"}'), 'p99 {{method}} {{route}}'),
      ]),
    )
    .withPanel(
      timeseries('gRPC calls served by method and code', "Calls each service served (the registers' gRPC API, authorization and antifraud inside).", 'reqps', [
        query('sum by (service, rpc_method, code) (rate(rpc_server_requests_total[$__rate_interval]))', '{{service}} {{rpc_method}} {{code}}'),
      ]),
    )
    .withPanel(
      timeseries('gRPC latency served by method (p50, p99)', 'Duration of the calls each service served.', 's', [
        query(quantile(0.5, 'rpc_server_request_duration_seconds', 'service, rpc_method'), 'p50 {{service}} {{rpc_method}}'),
        query(quantile(0.99, 'rpc_server_request_duration_seconds', 'service, rpc_method'), 'p99 {{service}} {{rpc_method}}'),
      ]),
    )
    .withPanel(
      timeseries(
        'gRPC calls made by service and code',
        'Calls a service made to another (gateway to authorization, authorization to antifraud), by outcome.',
        'reqps',
        [query('sum by (service, rpc_service, code) (rate(rpc_client_requests_total[$__rate_interval]))', '{{service}} to {{rpc_service}} {{code}}')],
      ),
    )
    .withRow(row('Reversals'))
    .withPanel(
      timeseries('Reversal queue depth', 'Reversals queued and not yet acknowledged by the acquirer host (store and forward).', 'short', [
        query('max(authorization_reversal_queue_depth)', 'queued'),
      ]),
    )
    .withPanel(
      timeseries('Oldest queued reversal', 'Age of the oldest reversal not yet acknowledged (0 when none).', 's', [
        query('max(authorization_reversal_oldest_age_seconds)', 'oldest'),
      ]),
    );
}
