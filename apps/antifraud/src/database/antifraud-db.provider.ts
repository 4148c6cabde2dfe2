import type { SqlConnection } from '@payments/persistence';
import { sqlConnectionProvider } from '@payments/runtime';

/** Antifraud's own schema, in plain SQL: one decision per transaction is all it stores. */
export const ANTIFRAUD_DB = Symbol('AntifraudDb');
export type AntifraudDb = SqlConnection;

export const antifraudDbProvider = sqlConnectionProvider(ANTIFRAUD_DB, 'antifraud');
