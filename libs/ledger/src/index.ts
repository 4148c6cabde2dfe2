export * from './ledger.types';
export * from './ledger.error';
export { Ledger, type LedgerOptions, type HistoryPage } from './ledger';
export { ledgerSchemaSql } from './ledger-schema.sql';
export { findLedgerViolations } from './ledger-invariants.query';
