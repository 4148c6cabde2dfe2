export * from './amount/statement-amount.parser';
export * from './checks/bank-profile.table';
export * from './checks/expected-account.check';
export * from './checks/statement-sequence.check';
export * from './model/bank-statement.model';
export * from './model/statement-format.error';
export * from './statement.parser';
