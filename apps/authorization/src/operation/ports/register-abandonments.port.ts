import type { AuthorizationTx } from '../../database/authorization-db.provider';

/** Nest token of the RegisterAbandonments port. */
export const REGISTER_ABANDONMENTS = Symbol('RegisterAbandonments');

/** A register's report that it never learned an operation's outcome (its deadline passed, it hung up). */
export interface RegisterAbandonment {
  readonly terminalId: string;
  readonly reason: string;
}

/**
 * What the core asks before it records an approval: did the register give up meanwhile? Locks
 * the operation against a report arriving at the same time, until the caller's transaction ends.
 */
export interface RegisterAbandonments {
  /**
   * The reports are the journal's own `abandonment` table: an approval may then be recorded in one
   * call of the journal that takes the same lock and checks the table itself.
   */
  readonly checkedByJournal: boolean;
  lockedAbandonmentOf(tx: AuthorizationTx, transactionId: string): Promise<RegisterAbandonment | null>;
}
