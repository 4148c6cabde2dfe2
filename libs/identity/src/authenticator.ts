import type { Account, Realm } from './account';
import type { LoginThrottle } from './login-throttle';
import { UNUSABLE_PASSWORD_HASH, verifyPassword } from './password';
import type { Session, SessionStore } from './session.store';
import type { TotpVerifier } from './totp';

/** Where accounts are kept (the gateway's database for operators). */
export interface AccountDirectory {
  findByUsername(realm: Realm, username: string): Promise<Account | null>;
}

/** Why a login failed: for the audit log only; the caller is told the same for each. */
export type LoginFailure = 'unknown_account' | 'wrong_password' | 'wrong_totp' | 'blocked' | 'locked';

export type LoginResult =
  | { readonly ok: true; readonly account: Account; readonly token: string; readonly session: Session; readonly expiresAt: number }
  | { readonly ok: false; readonly reason: LoginFailure; readonly account?: Account; readonly lockedNow: boolean };

/**
 * Password and TOTP, then a session. Every mismatch counts toward the account's lock; an unknown
 * username costs the same scrypt as a known one. The TOTP code is checked (and spent) only after
 * the password matched, so a wrong password never burns a code.
 */
export class Authenticator {
  constructor(
    private readonly accounts: AccountDirectory,
    private readonly totp: TotpVerifier,
    private readonly sessions: SessionStore,
    private readonly throttle: LoginThrottle,
  ) {}

  async login(realm: Realm, username: string, password: string, code: string): Promise<LoginResult> {
    const name = username.trim().toLowerCase();
    const attempt = await this.throttle.attempt(realm, name);
    if (attempt.locked) {
      return { ok: false, reason: 'locked', account: (await this.accounts.findByUsername(realm, name)) ?? undefined, lockedNow: false };
    }
    const account = await this.accounts.findByUsername(realm, name);
    const passwordOk = await verifyPassword(password, account?.passwordHash ?? UNUSABLE_PASSWORD_HASH);
    const reason: LoginFailure | undefined = !account
      ? 'unknown_account'
      : !passwordOk
        ? 'wrong_password'
        : !(await this.totp.verify(account.id, account.totpSecret, code))
          ? 'wrong_totp'
          : account.status !== 'active'
            ? 'blocked'
            : undefined;
    if (reason !== undefined || !account) {
      return { ok: false, reason: reason ?? 'unknown_account', account: account ?? undefined, lockedNow: attempt.lockingNow };
    }
    await this.throttle.succeeded(realm, name);
    const opened = await this.sessions.open(account);
    return { ok: true, account, ...opened };
  }
}
