import { DashboardBuilder } from '@grafana/grafana-foundation-sdk/dashboard';

import { dashboard, query, row, timeseries } from './panels';

/** Events on their way: each service's outbox to the bus, and each consumer group taking them. */
export function kafkaOutboxDashboard(): DashboardBuilder {
  return dashboard('payments-kafka-outbox', 'Payments / Kafka and outbox', 'Outbox backlogs, consumer throughput, handler latency, lag and dead letters.')
    .withRow(row('Outbox'))
    .withPanel(
      timeseries('Outbox backlog by service', "Events written in a service's transaction but not yet published to the bus.", 'short', [
        query('max by (service) (outbox_backlog)', '{{service}}'),
      ]),
    )
    .withPanel(
      timeseries(
        'Oldest unpublished event by service',
        'How long the oldest event of the outbox has waited (the OutboxStuck alert fires over 5 minutes).',
        's',
        [query('max by (service) (outbox_oldest_age_seconds)', '{{service}}')],
      ),
    )
    .withRow(row('Consumers'))
    .withPanel(
      timeseries(
        'Messages per second by group and outcome',
        'Messages each consumer group settled (ok), tried again (retried) or gave up on (dead_lettered).',
        'short',
        [query('sum by (group, outcome) (rate(messaging_consumer_messages_total[$__rate_interval]))', '{{group}} {{outcome}}')],
      ),
    )
    .withPanel(
      timeseries('Handler duration by group (p50, p99)', 'Duration of one handler call (one message or one batch).', 's', [
        query('histogram_quantile(0.5, sum by (le, group) (rate(messaging_consumer_handler_duration_seconds_bucket[$__rate_interval])))', 'p50 {{group}}'),
        query('histogram_quantile(0.99, sum by (le, group) (rate(messaging_consumer_handler_duration_seconds_bucket[$__rate_interval])))', 'p99 {{group}}'),
      ]),
    )
    .withPanel(
      timeseries('Consumer lag by topic and group', "Messages not consumed yet: Kafka end offsets minus the group's committed offsets.", 'short', [
        query('max by (topic, group) (messaging_consumer_lag)', '{{group}} on {{topic}}'),
      ]),
    )
    .withPanel(
      timeseries(
        'Dead letters per minute by topic and group',
        'Messages sent to <topic>.DLT: their effect (a total, a posting) is missing until replayed.',
        'short',
        [query('sum by (topic, group) (rate(messaging_dead_letters_total[$__rate_interval])) * 60', '{{group}} on {{topic}}')],
      ),
    );
}
