import { DashboardBuilder } from '@grafana/grafana-foundation-sdk/dashboard';

import { dashboard, query, row, stat, timeseries } from './panels';

// A share of the operations that fell into the window: 0 (not "no data") when there were
// operations but none of the kind, because an outage is exactly when nothing is approved.
const approvedPerMinute =
  'sum(rate(authorization_operations_total{status="approved"}[$__rate_interval])) * 60 or 0 * sum(rate(authorization_operations_total[$__rate_interval]))';

/** What the duty engineer opens first: are payments approved, fast, and is anything piling up. */
export function overviewDashboard(): DashboardBuilder {
  return dashboard('payments-overview', 'Payments / Overview', 'Approvals, latency, errors and backlogs of the whole platform, for the duty engineer.')
    .withRow(row('Now'))
    .withPanel(stat('Approvals per minute', 'Operations approved per minute, every acquirer and channel.', 'short', [query(approvedPerMinute, 'approved')]))
    .withPanel(
      stat(
        'Lowest approval ratio (15 min)',
        'The approval ratio of the acquirer doing worst over 15 minutes (the ApprovalRateDrop alert watches it).',
        'percentunit',
        [query('min(acquirer:authorization_approval_ratio:rate15m)', 'lowest')],
      ),
    )
    .withPanel(
      stat('Acquirers with a host link up', 'Acquirers reachable from at least one authorization replica, out of those configured.', 'short', [
        query('sum(max by (acquirer) (host_link_up))', 'up'),
        query('count(max by (acquirer) (host_link_up))', 'configured'),
      ]),
    )
    .withPanel(
      stat('Reversals queued', "Reversals the acquirer hosts have not acknowledged yet (the cardholders' funds stay held).", 'short', [
        query('max(authorization_reversal_queue_depth)', 'queued'),
      ]),
    )
    .withRow(row('Authorizations'))
    .withPanel(
      timeseries(
        'Operations per minute by response code',
        'Final outcomes per ISO 8583 response code (00 approved, 51 insufficient funds, 91 host unavailable...).',
        'short',
        [query('sum by (response_code) (rate(authorization_operations_total[$__rate_interval])) * 60', '{{response_code}}')],
      ),
    )
    .withPanel(
      timeseries(
        'Approval ratio by acquirer (15 min)',
        "Approved share of the final outcomes per acquirer (recording rule of the chart's alerts).",
        'percentunit',
        [query('acquirer:authorization_approval_ratio:rate15m', '{{acquirer}}')],
      ).max(1),
    )
    .withPanel(
      timeseries('Gateway latency per endpoint (p50, p99)', 'Duration of the register- and shop-facing HTTP requests, by route.', 's', [
        query(
          'histogram_quantile(0.5, sum by (le, method, route) (rate(http_server_request_duration_seconds_bucket{service="gateway"}[$__rate_interval])))',
          'p50 {{method}} {{route}}',
        ),
        query(
          'histogram_quantile(0.99, sum by (le, method, route) (rate(http_server_request_duration_seconds_bucket{service="gateway"}[$__rate_interval])))',
          'p99 {{method}} {{route}}',
        ),
      ]),
    )
    .withPanel(
      timeseries(
        'Error rate by service',
        "Share of HTTP requests answered 5xx and of RPC calls served that ended UNAVAILABLE or INTERNAL (the SLO's errors).",
        'percentunit',
        [
          query(
            '(sum by (service) (rate(http_server_requests_total{status=~"5.."}[$__rate_interval])) or 0 * sum by (service) (rate(http_server_requests_total[$__rate_interval]))) / sum by (service) (rate(http_server_requests_total[$__rate_interval]))',
            'HTTP {{service}}',
          ),
          query(
            '(sum by (service) (rate(rpc_server_requests_total{code=~"UNAVAILABLE|INTERNAL"}[$__rate_interval])) or 0 * sum by (service) (rate(rpc_server_requests_total[$__rate_interval]))) / sum by (service) (rate(rpc_server_requests_total[$__rate_interval]))',
            'RPC {{service}}',
          ),
        ],
      ),
    )
    .withRow(row('Links and backlogs'))
    .withPanel(
      timeseries('Host link up by acquirer', '1 while at least one authorization replica has its link to the acquirer up.', 'short', [
        query('max by (acquirer) (host_link_up)', '{{acquirer}}'),
      ]).max(1),
    )
    .withPanel(
      timeseries('Reversal queue', 'Queued reversals and how long the oldest has waited.', 'short', [
        query('max(authorization_reversal_queue_depth)', 'queued'),
        query('max(authorization_reversal_oldest_age_seconds)', 'oldest (s)'),
      ]),
    )
    .withPanel(
      timeseries(
        'Oldest unpublished outbox event by service',
        "How long the oldest event written to a service's outbox has waited for the bus (0 when none).",
        's',
        [query('max by (service) (outbox_oldest_age_seconds)', '{{service}}')],
      ),
    )
    .withPanel(
      timeseries('Consumer lag by group', 'Messages of a topic its consumer group has not consumed yet.', 'short', [
        query('max by (topic, group) (messaging_consumer_lag)', '{{group}} on {{topic}}'),
      ]),
    );
}
