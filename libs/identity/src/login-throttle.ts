import type { Cache } from '@payments/cache';

import type { Realm } from './account';

export interface LockPolicy {
  /** Failed logins in a row that lock the account. */
  readonly maxFailures: number;
  /** How long the count (and so the lock) lasts from the first failure. */
  readonly lockMs: number;
}

export const DEFAULT_LOCK_POLICY: LockPolicy = { maxFailures: 5, lockMs: 15 * 60_000 };

/** Login attempts counted per account in the shared cache (a success resets the count); past maxFailures the account is locked until the count expires. */
export class LoginThrottle {
  constructor(
    private readonly cache: Cache,
    readonly policy: LockPolicy = DEFAULT_LOCK_POLICY,
  ) {}

  /**
   * Counts this login attempt before its password is checked, in one atomic step, so parallel
   * attempts cannot slip past the limit: `locked` when earlier failures reached maxFailures;
   * `lockingNow` when this attempt, if it fails, is the one that locks the account.
   */
  async attempt(realm: Realm, username: string): Promise<{ locked: boolean; lockingNow: boolean }> {
    const count = await this.cache.increment(this.key(realm, username), 1, this.policy.lockMs);
    return { locked: count > this.policy.maxFailures, lockingNow: count === this.policy.maxFailures };
  }

  async succeeded(realm: Realm, username: string): Promise<void> {
    await this.cache.del(this.key(realm, username));
  }

  /** An admin's unblock also lifts a lock. */
  async unlock(realm: Realm, username: string): Promise<void> {
    await this.cache.del(this.key(realm, username));
  }

  private key(realm: Realm, username: string): string {
    return `identity:login-failures:${realm}:${username}`;
  }
}
