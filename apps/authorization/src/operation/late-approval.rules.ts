import { isReversedOnAbandonment } from '@payments/contracts';

import type { Transaction } from '../generated/prisma/client';
import type { RegisterAbandonment } from './ports/register-abandonments.port';

/** An approval arriving for a transaction its register gave up on is recorded as unknown and reversed. */
export function reversesApproval(abandonment: Pick<RegisterAbandonment, 'terminalId'> | null, row: Pick<Transaction, 'operation' | 'terminalId'>): boolean {
  return abandonment !== null && abandonment.terminalId === row.terminalId && isReversedOnAbandonment(row.operation);
}

/** Why an approval that came after the register gave up is unknown (the journal's history keeps it). */
export function lateApprovalReason(approvalCode: string | undefined, abandonmentReason: string): string {
  return `host approved${approvalCode ? ` (approval code ${approvalCode})` : ''}, but ${abandonmentReason}: reversal queued`;
}
