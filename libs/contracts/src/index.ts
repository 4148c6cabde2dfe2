export * from './core/topic.contract';
export * from './core/schema-violation.error';
