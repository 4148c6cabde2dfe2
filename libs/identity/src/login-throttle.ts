import type { Cache } from '@payments/cache';

import type { Realm } from './account';

export interface LockPolicy {
  /** Failed logins in a row that lock the account. */
  readonly maxFailures: number;
  /** How long the count (and so the lock) lasts from the first failure. */
  readonly lockMs: number;
}

export const DEFAULT_LOCK_POLICY: LockPolicy = { maxFailures: 5, lockMs: 15 * 60_000 };

/** Failed logins counted per account in the shared cache; at maxFailures the account is locked until the count expires. */
export class LoginThrottle {
  constructor(
    private readonly cache: Cache,
    readonly policy: LockPolicy = DEFAULT_LOCK_POLICY,
  ) {}

  async isLocked(realm: Realm, username: string): Promise<boolean> {
    return Number((await this.cache.get(this.key(realm, username))) ?? 0) >= this.policy.maxFailures;
  }

  /** Counts a failure; true when this one locked the account. */
  async failed(realm: Realm, username: string): Promise<boolean> {
    return (await this.cache.increment(this.key(realm, username), 1, this.policy.lockMs)) === this.policy.maxFailures;
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
