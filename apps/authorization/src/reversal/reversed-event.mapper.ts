import { TransactionReversed, transactionReversedV1 } from '@payments/contracts';

import { eventBaseOf } from '../operation/operation-reply.mapper';
import type { Transaction } from '../generated/prisma/client';
import type { OutboxEvent } from '../operation/operation.repository';
import { profileOf } from '../operations/operation-profile';

/**
 * A reversed transaction as settlement must take it back: the fields and direction its
 * authorization carried (a completion debits, a refund credits, as when approved), the host's
 * answer to the reversal and why it was reversed.
 */
export function reversedEventOf(row: Transaction, responseCode: string, reason: string, at: Date): OutboxEvent<TransactionReversed> {
  return {
    topic: transactionReversedV1,
    key: row.terminalId,
    value: {
      ...eventBaseOf(row),
      direction: profileOf(row.operation).money,
      responseCode,
      rrn: row.rrn ?? undefined,
      approvalCode: row.approvalCode ?? undefined,
      reason,
      occurredAt: at.toISOString(),
    },
  };
}
