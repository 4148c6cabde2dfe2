import { DashboardBuilder } from '@grafana/grafana-foundation-sdk/dashboard';

import { dashboard, query, row, timeseries } from './panels';

const roundTrip = (q: number): string =>
  `histogram_quantile(${q}, sum by (le, acquirer) (rate(host_link_round_trip_seconds_bucket{outcome="answered"}[$__rate_interval])))`;

/** The ISO 8583 links of the authorization replicas to the acquirer hosts. */
export function hostLinksDashboard(): DashboardBuilder {
  return dashboard('payments-host-links', 'Payments / Host links', 'State, connections, round trip and outcomes of the links to the acquirer hosts.')
    .withRow(row('State'))
    .withPanel(
      timeseries('Link up by acquirer', '1 while at least one authorization replica has its link up (the HostLinkDown alert fires at 0).', 'short', [
        query('max by (acquirer) (host_link_up)', '{{acquirer}}'),
      ]).max(1),
    )
    .withPanel(
      timeseries('TCP connections up by acquirer', 'Connections up to each acquirer host, all replicas together.', 'short', [
        query('sum by (acquirer) (host_link_connections_up)', '{{acquirer}}'),
      ]),
    )
    .withPanel(
      timeseries('Link state by acquirer', 'Replicas in each state (up, connecting, signing_on, down...) per acquirer.', 'short', [
        query('sum by (acquirer, state) (host_link_state)', '{{acquirer}} {{state}}'),
      ]),
    )
    .withPanel(
      timeseries('Reconnects per minute by acquirer', 'Connection attempts after the first one: a flapping link.', 'short', [
        query('sum by (acquirer) (rate(host_link_reconnects_total[$__rate_interval])) * 60', '{{acquirer}}'),
      ]),
    )
    .withRow(row('Exchanges'))
    .withPanel(
      timeseries('Round trip by acquirer (p50, p99)', 'Seconds from a request sent to the acquirer host to its answer.', 's', [
        query(roundTrip(0.5), 'p50 {{acquirer}}'),
        query(roundTrip(0.99), 'p99 {{acquirer}}'),
      ]),
    )
    .withPanel(
      timeseries(
        'Exchanges per second by outcome',
        'Requests to each acquirer host that were answered, timed out (an unknown outcome, reversed) or failed.',
        'ops',
        [query('sum by (acquirer, outcome) (rate(host_link_round_trip_seconds_count[$__rate_interval]))', '{{acquirer}} {{outcome}}')],
      ),
    );
}
