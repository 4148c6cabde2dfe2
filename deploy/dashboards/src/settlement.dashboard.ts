import { DashboardBuilder } from '@grafana/grafana-foundation-sdk/dashboard';

import { dashboard, query, row, stat, timeseries } from './panels';

const SETTLEMENT = 'service="settlement"';

/** Settlement taking in the transaction events, its own outbox, its operators' requests and the reconciliation. */
export function settlementDashboard(): DashboardBuilder {
  return dashboard(
    'payments-settlement',
    'Payments / Settlement',
    "Transaction events reaching the day totals and lines, the operators' requests and open reconciliation breaks.",
  )
    .withRow(row('Transaction events'))
    .withPanel(
      timeseries(
        'Operations counted into the day totals per minute',
        "Approvals added to the terminals' day totals and reversals taken back out, each once however often delivered.",
        'short',
        [query('sum by (effect) (rate(settlement_totals_operations_total[$__rate_interval])) * 60', '{{effect}}')],
        24,
      ),
    )
    .withPanel(
      timeseries(
        'Events taken in per second by topic and outcome',
        "Authorized and reversed transactions counted in the terminals' day totals and settlement lines.",
        'short',
        [query(`sum by (topic, outcome) (rate(messaging_consumer_messages_total{${SETTLEMENT}}[$__rate_interval]))`, '{{topic}} {{outcome}}')],
      ),
    )
    .withPanel(
      timeseries('Lag of the totals by topic', 'Transaction events not yet in the totals: how far behind what settlement shows is.', 'short', [
        query(`max by (topic, group) (messaging_consumer_lag{${SETTLEMENT}})`, '{{group}} on {{topic}}'),
      ]),
    )
    .withPanel(
      timeseries('Batch duration (p50, p99)', 'Duration of one batch of events written to the totals and lines.', 's', [
        query(
          `histogram_quantile(0.5, sum by (le, group) (rate(messaging_consumer_handler_duration_seconds_bucket{${SETTLEMENT}}[$__rate_interval])))`,
          'p50 {{group}}',
        ),
        query(
          `histogram_quantile(0.99, sum by (le, group) (rate(messaging_consumer_handler_duration_seconds_bucket{${SETTLEMENT}}[$__rate_interval])))`,
          'p99 {{group}}',
        ),
      ]),
    )
    .withPanel(
      timeseries('Settlement outbox', "Events settlement wrote (closed days, files) and has not published yet, and the oldest one's age.", 'short', [
        query(`max(outbox_backlog{${SETTLEMENT}})`, 'backlog'),
        query(`max(outbox_oldest_age_seconds{${SETTLEMENT}})`, 'oldest (s)'),
      ]),
    )
    .withRow(row('Operators and reconciliation'))
    .withPanel(
      timeseries(
        'Requests by route and status',
        'Totals, batches, files and reconciliation requests of the operators and the CLI.',
        'reqps',
        [query(`sum by (method, route, status) (rate(http_server_requests_total{${SETTLEMENT}}[$__rate_interval]))`, '{{method}} {{route}} {{status}}')],
        18,
      ),
    )
    .withPanel(
      // 0 while settlement is scraped and has no open break (the gauge has no series then); no data
      // only when settlement itself is not scraped.
      stat('Open reconciliation breaks', "Breaks between the acquirer's report and the settlement lines no operator has resolved.", 'short', [
        query(`sum(settlement_reconciliation_breaks_open) or 0 * max(process_start_time_seconds{${SETTLEMENT}})`, 'open'),
      ]),
    );
}
