import { createHash, randomBytes } from 'node:crypto';

import type { Cache } from '@payments/cache';

import type { Realm } from './account';
import { type Clock, systemClock } from './clock';
import type { Role } from './roles';

export interface SessionPolicy {
  /** A session unused this long ends. */
  readonly idleMs: number;
  /** A session ends this long after login, used or not. */
  readonly absoluteMs: number;
}

export const DEFAULT_SESSION_POLICY: SessionPolicy = { idleMs: 15 * 60_000, absoluteMs: 8 * 60 * 60_000 };

export interface Session {
  readonly accountId: string;
  readonly realm: Realm;
  readonly username: string;
  readonly role: Role;
  readonly createdAt: number;
  readonly lastSeenAt: number;
  /** The account's session generation at login: closeAllOf moves it on, ending older sessions. */
  readonly generation: number;
}

/** Why a token does not open a session: a 401 says which. */
export type SessionRefusal = 'malformed' | 'unknown' | 'expired';

export type SessionLookup = { readonly ok: true; readonly session: Session } | { readonly ok: false; readonly reason: SessionRefusal };

const TOKEN = /^[A-Za-z0-9_-]{43}$/;

/**
 * Sessions in the platform's cache (Redis when distributed, so every service checks the same
 * ones): the token is 32 random bytes (base64url) given to the client only; the cache keys hold
 * its SHA-256, so a cache dump opens no session. Idle and absolute lifetimes are checked on the
 * injected clock; the cache TTL only cleans up.
 */
export class SessionStore {
  constructor(
    private readonly cache: Cache,
    readonly policy: SessionPolicy = DEFAULT_SESSION_POLICY,
    private readonly clock: Clock = systemClock,
  ) {}

  async open(account: { id: string; realm: Realm; username: string; role: Role }): Promise<{ token: string; session: Session; expiresAt: number }> {
    const token = randomBytes(32).toString('base64url');
    const now = this.clock();
    const generation = await this.generationOf(account.realm, account.id);
    const session: Session = {
      accountId: account.id,
      realm: account.realm,
      username: account.username,
      role: account.role,
      createdAt: now,
      lastSeenAt: now,
      generation,
    };
    await this.cache.set(this.key(token), JSON.stringify(session), this.policy.absoluteMs);
    return { token, session, expiresAt: Math.min(now + this.policy.idleMs, now + this.policy.absoluteMs) };
  }

  /** The session of `token` in `realm`, its idle time restarted; why not, otherwise. */
  async resolve(token: string, realm: Realm): Promise<SessionLookup> {
    if (!TOKEN.test(token)) return { ok: false, reason: 'malformed' };
    const stored = await this.cache.get(this.key(token));
    if (stored === null) return { ok: false, reason: 'unknown' };
    const session = JSON.parse(stored) as Session;
    if (session.realm !== realm) return { ok: false, reason: 'unknown' };
    const now = this.clock();
    if (session.generation !== (await this.generationOf(session.realm, session.accountId))) return { ok: false, reason: 'unknown' };
    if (now - session.lastSeenAt >= this.policy.idleMs || now - session.createdAt >= this.policy.absoluteMs) {
      await this.cache.del(this.key(token));
      return { ok: false, reason: 'expired' };
    }
    const touched = { ...session, lastSeenAt: now };
    await this.cache.set(this.key(token), JSON.stringify(touched), Math.max(1, session.createdAt + this.policy.absoluteMs - now));
    return { ok: true, session: touched };
  }

  /** Logout. */
  async close(token: string): Promise<void> {
    if (TOKEN.test(token)) await this.cache.del(this.key(token));
  }

  /** Ends every session of an account opened until now (blocked, role changed, TOTP reset). */
  async closeAllOf(realm: Realm, accountId: string): Promise<void> {
    // Kept without a TTL (one small key per account that ever had its sessions ended): two racing
    // calls may move it on once, which ends the same sessions.
    await this.cache.set(this.generationKey(realm, accountId), String((await this.generationOf(realm, accountId)) + 1));
  }

  private async generationOf(realm: Realm, accountId: string): Promise<number> {
    return Number((await this.cache.get(this.generationKey(realm, accountId))) ?? 0);
  }

  private key(token: string): string {
    return `identity:session:${createHash('sha256').update(token).digest('hex')}`;
  }

  private generationKey(realm: Realm, accountId: string): string {
    return `identity:session-generation:${realm}:${accountId}`;
  }
}
