import type { SqlConnection } from '@payments/persistence';
import { sqlConnectionProvider } from '@payments/runtime';

/** Settlement's own schema, in plain SQL: each event is one statement on its hot path. */
export const SETTLEMENT_DB = Symbol('SettlementDb');
export type SettlementDb = SqlConnection;

export const settlementDbProvider = sqlConnectionProvider(SETTLEMENT_DB, 'settlement');
