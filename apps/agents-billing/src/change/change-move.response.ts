import type { ChangeOutcome } from './move-change.usecase';

/** A change move as the APIs answer it: the phone masked to its last four digits, amounts as decimal text. */
export function changeMoveResponseOf(move: string, outcome: Extract<ChangeOutcome, { kind: 'moved' }>) {
  return {
    moveId: outcome.transfer.id,
    move,
    phone: outcome.maskedPhone,
    amount: outcome.transfer.amount.toString(),
    currency: outcome.transfer.currency,
    changeBalance: outcome.changeBalance.toString(),
    postedAt: outcome.transfer.createdAt.toISOString(),
  };
}
