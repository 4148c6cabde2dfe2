import type { Role } from './roles';

/**
 * Who an account is for: the platform's operators, or a later audience (an e-shop's staff). The
 * same identity code serves each realm; accounts, sessions and locks never cross realms.
 */
export type Realm = 'operator' | 'staff';

export type AccountStatus = 'active' | 'blocked';

export interface Account {
  readonly id: string;
  readonly realm: Realm;
  readonly username: string;
  readonly displayName: string;
  readonly role: Role;
  readonly status: AccountStatus;
  readonly passwordHash: string;
  /** Base32 TOTP secret. */
  readonly totpSecret: string;
}

/** Lower-case letters, digits, dot, dash, underscore; 3 to 64. */
export const USERNAME_PATTERN = /^[a-z0-9][a-z0-9._-]{2,63}$/;

/** Who did something, as an audit line and a 403 name it: an account, or an operator key. */
export interface Actor {
  readonly realm: Realm;
  /** The account id, or `key:<first 12 hex of the key's SHA-256>`. */
  readonly id: string;
  /** The username, or the key id again. */
  readonly name: string;
  readonly role: Role;
  readonly kind: 'session' | 'key';
}
