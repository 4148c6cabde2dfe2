import { assertSchemaName } from '@payments/persistence';

/** The LISTEN/NOTIFY channel on which a service's outbox writes wake its relay. */
export function outboxChannelOf(schema: string): string {
  return `outbox_${assertSchemaName(schema)}`;
}
