import type { Provider } from '@nestjs/common';

import { Ledger } from '@payments/ledger';
import type { SqlConnection } from '@payments/persistence';
import { sqlConnectionProvider } from '@payments/runtime';

/** The service's own schema in plain SQL, the same on PostgreSQL (distributed) and PGlite (embedded). */
export const AGENTS_BILLING_DB = Symbol('AgentsBillingDb');
export type AgentsBillingDb = SqlConnection;

export const agentsBillingDbProvider = sqlConnectionProvider(AGENTS_BILLING_DB, 'agents-billing');

/** One ledger (one writer that batches every posting of this process) over the service's schema. */
export const agentsLedgerProvider: Provider = {
  provide: Ledger,
  inject: [AGENTS_BILLING_DB],
  useFactory: (db: AgentsBillingDb) => new Ledger(db),
};
