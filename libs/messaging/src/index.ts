export * from './message-bus.port';

export { type BusLogger, consoleBusLogger } from './core/bus-logger';
export { DEAD_LETTER_GROUP_HEADER, deadLetterContractOf } from './core/dead-letter.contract';

export { InMemoryMessageBus, type InMemoryMessageBusOptions } from './in-memory/in-memory-message-bus';
export { KafkaMessageBus, type KafkaMessageBusConfig } from './kafka/kafka-message-bus';

export { OUTBOX_INBOX_DDL, outboxInboxDdl } from './outbox/outbox-inbox.ddl';
export { OutboxWriter, type OutboxRow } from './outbox/outbox.writer';
export { outboxChannelOf } from './outbox/outbox-channel.util';
export { OutboxRelay, type OutboxRelayOptions } from './outbox/outbox.relay';
export { TopicRegistry, UnknownTopicError } from './outbox/topic.registry';
export { Inbox, runOnce } from './inbox/inbox';
