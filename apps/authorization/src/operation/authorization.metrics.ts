import { AsyncLocalStorage } from 'node:async_hooks';

import type { EntryMode } from '@payments/contracts';
import { getOrCreateCounter } from '@payments/observability';

import type { Transaction } from '../generated/prisma/client';

/**
 * How an operation reached the core: the card's entry mode at the register for an operation that
 * reads a card, `follow_up` for one on an earlier operation (cancel, refund, completion), `unknown`
 * for an outcome recorded outside a register's call (a prompt that lapsed, a partial approval
 * answered later).
 */
export type OperationChannel = EntryMode | 'follow_up' | 'unknown';

const channelScope = new AsyncLocalStorage<OperationChannel>();
let outcomes: ReturnType<typeof outcomesCounter> | undefined;

/** Runs `work` with its outcomes counted under `channel`. */
export function inChannel<T>(channel: OperationChannel, work: () => Promise<T>): Promise<T> {
  return channelScope.run(channel, work);
}

/**
 * authorization_operations_total{operation,channel,acquirer,response_code,status}: each final
 * outcome the journal records, once. Every label is bounded: the operation and status enums, the
 * channel above, the configured acquirer ids (`none` when none was asked: refused before routing)
 * and the two-character ISO 8583 response code. Never a terminal, merchant, card or amount.
 */
export function countOperationOutcome(row: Pick<Transaction, 'operation' | 'acquirerId' | 'responseCode' | 'status'>): void {
  outcomes ??= outcomesCounter();
  outcomes.inc({
    operation: row.operation,
    channel: channelScope.getStore() ?? 'unknown',
    acquirer: row.acquirerId ?? 'none',
    response_code: row.responseCode ?? 'none',
    status: row.status,
  });
}

function outcomesCounter() {
  return getOrCreateCounter(
    'authorization_operations_total',
    'Final outcomes of operations, by operation, channel (entry mode or follow_up), acquirer, ISO 8583 response code and status.',
    ['operation', 'channel', 'acquirer', 'response_code', 'status'],
  );
}
