import { getOrCreateCollectedGauge, getOrCreateCounter, getOrCreateHistogram } from '@payments/observability';

const DURATION_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];

/** What became of one handler attempt on a message: handled, failed and tried again, or sent to `<topic>.DLT`. */
export type ConsumerOutcome = 'ok' | 'retried' | 'dead_lettered';

let metrics: ReturnType<typeof createConsumerMetrics> | undefined;

// Made on first use and kept: a message costs no registry lookup.
function consumerMetrics(): ReturnType<typeof createConsumerMetrics> {
  return (metrics ??= createConsumerMetrics());
}

function createConsumerMetrics() {
  return {
    messages: getOrCreateCounter(
      'messaging_consumer_messages_total',
      'Messages a consumer group settled or tried again, by topic, group and outcome (ok, retried, dead_lettered).',
      ['topic', 'group', 'outcome'],
    ),
    duration: getOrCreateHistogram(
      'messaging_consumer_handler_duration_seconds',
      'Duration in seconds of one handler call (one message, or one batch), by topic and group.',
      ['topic', 'group'],
      DURATION_BUCKETS,
    ),
    deadLetters: getOrCreateCounter('messaging_dead_letters_total', 'Messages sent to <topic>.DLT, by original topic and the group that gave up.', [
      'topic',
      'group',
    ]),
  };
}

/** Counts `count` messages of `topic` handled by `group` with `outcome`; a dead letter also counts in messaging_dead_letters_total. */
export function countConsumed(topic: string, group: string, outcome: ConsumerOutcome, count = 1): void {
  const { messages, deadLetters } = consumerMetrics();
  messages.inc({ topic, group, outcome }, count);
  if (outcome === 'dead_lettered') deadLetters.inc({ topic, group }, count);
}

/**
 * Shows a (topic, group)'s counters at 0 from the moment it subscribes: a series that first appears
 * at 1 is not an increase to Prometheus, so the first dead letter of a process would never alert.
 */
export function registerConsumer(topic: string, group: string): void {
  const { messages, deadLetters } = consumerMetrics();
  for (const outcome of ['ok', 'retried', 'dead_lettered'] as const) messages.inc({ topic, group, outcome }, 0);
  deadLetters.inc({ topic, group }, 0);
}

/** Times one handler call of `group` on `topic`. */
export function timeHandler(topic: string, group: string): () => void {
  const end = consumerMetrics().duration.startTimer({ topic, group });
  return () => void end();
}

/** One (topic, group) a bus consumes and how many of its messages wait. */
export interface ConsumerLag {
  readonly topic: string;
  readonly group: string;
  readonly lag: number;
}

/**
 * messaging_consumer_lag{topic,group}: messages of the topic the group has not consumed yet (Kafka:
 * end offsets minus committed offsets; in memory: queued messages). Read at each scrape from the
 * newest bus that registered it (one per process).
 */
export function registerConsumerLag(read: () => Promise<readonly ConsumerLag[]>): void {
  getOrCreateCollectedGauge(
    'messaging_consumer_lag',
    'Messages of a topic its consumer group has not consumed yet (Kafka: end minus committed offsets; embedded: queued).',
    ['topic', 'group'],
    async (gauge) => {
      const lags = await read();
      gauge.reset();
      for (const { topic, group, lag } of lags) gauge.set({ topic, group }, lag);
    },
  );
}
