export * from './core/topic.contract';
export * from './core/schema-violation.error';
export * from './common/fields.schema';
export * from './authorization/authorize.v1';
export * from './authorization/follow-up.v1';
export * from './authorization/terminal-service.v1';
export * from './antifraud/assess.v1';
export * from './payments/transaction-events.v1';
