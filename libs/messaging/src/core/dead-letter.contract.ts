import { z } from 'zod';

import { deadLetterTopicOf, TopicContract } from '@payments/contracts';

/** Extra header on a dead letter: the consumer group whose handler gave up (replays target it). */
export const DEAD_LETTER_GROUP_HEADER = 'consumer-group';

/**
 * The contract of `<topic>.DLT`: any value, since a dead letter may be the very message that
 * failed its schema. Subscribe to it to inspect, alert on or replay dead letters.
 */
export function deadLetterContractOf(topic: TopicContract<unknown> | { readonly name: string }): TopicContract<unknown> {
  return { name: deadLetterTopicOf(topic.name), schema: z.unknown() };
}
