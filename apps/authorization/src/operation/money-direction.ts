import type { FollowUpOperation } from '@payments/contracts';

import { profileOf } from '../operations/operation-profile';

export type Direction = 'debit' | 'credit' | 'none';

/** A cancel moves the money back the other way; a refund credits; a completion debits. */
export function directionOf(operation: FollowUpOperation, originalOperation: string): Direction {
  if (operation === 'refund') return 'credit';
  if (operation === 'completion') return 'debit';
  const money = profileOf(originalOperation).money;
  return money === 'debit' ? 'credit' : money === 'credit' ? 'debit' : 'none';
}
