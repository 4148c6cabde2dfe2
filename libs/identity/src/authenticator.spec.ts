import { InMemoryCache } from '@payments/cache';

import type { Account } from './account';
import { Authenticator } from './authenticator';
import { LoginThrottle } from './login-throttle';
import { hashPassword } from './password';
import { SessionStore } from './session.store';
import { TotpVerifier } from './totp';

describe(Authenticator.name, () => {
  const password = 'a long enough password';
  let cache: InMemoryCache;
  let now: number;
  let totp: TotpVerifier;
  let account: Account;
  let sut: Authenticator;

  beforeAll(async () => {
    account = {
      id: 'acc-1',
      realm: 'operator',
      username: 'risk-desk',
      displayName: 'Risk desk',
      role: 'risk',
      status: 'active',
      passwordHash: await hashPassword(password, { N: 1024, r: 8, p: 1 }),
      totpSecret: TotpVerifier.newSecret(),
    };
  });

  beforeEach(() => {
    cache = new InMemoryCache();
    now = Date.UTC(2026, 11, 7, 20, 0);
    totp = new TotpVerifier(cache, () => now);
    const accounts = {
      findByUsername: (realm: string, name: string) => Promise.resolve(realm === account.realm && name === account.username ? account : null),
    };
    sut = new Authenticator(accounts, totp, new SessionStore(cache, undefined, () => now), new LoginThrottle(cache, { maxFailures: 3, lockMs: 60_000 }));
  });
  afterEach(() => cache.close());

  const nextCode = () => {
    now += 30_000;
    return totp.codeNow(account.totpSecret);
  };

  it('opens a session for the right password and code, the username in any case', async () => {
    expect(await sut.login('operator', 'Risk-Desk', password, nextCode())).toMatchObject({ ok: true, session: { accountId: 'acc-1', role: 'risk' } });
  });

  it('tells apart, for the audit log only, an unknown name, a wrong password, a wrong code and a replayed code', async () => {
    const code = nextCode();
    expect(await sut.login('operator', 'nobody', password, code)).toMatchObject({ ok: false, reason: 'unknown_account' });
    expect(await sut.login('operator', 'risk-desk', 'the wrong password', code)).toMatchObject({ ok: false, reason: 'wrong_password' });
    expect(await sut.login('operator', 'risk-desk', password, '000000' === code ? '111111' : '000000')).toMatchObject({ ok: false, reason: 'wrong_totp' });
    expect((await sut.login('operator', 'risk-desk', password, code)).ok).toBe(true);
    expect(await sut.login('operator', 'risk-desk', password, code)).toMatchObject({ ok: false, reason: 'wrong_totp' });
  });

  it('locks the account after 3 failures in a row, even for the right password and code, until the lock expires', async () => {
    for (let i = 0; i < 2; i += 1) expect(await sut.login('operator', 'risk-desk', 'the wrong password', nextCode())).toMatchObject({ lockedNow: false });
    expect(await sut.login('operator', 'risk-desk', 'the wrong password', nextCode())).toMatchObject({ lockedNow: true });

    expect(await sut.login('operator', 'risk-desk', password, nextCode())).toMatchObject({ ok: false, reason: 'locked' });
  });

  it('lets no more than the limit of parallel wrong attempts reach the password check', async () => {
    const results = await Promise.all(Array.from({ length: 10 }, () => sut.login('operator', 'risk-desk', 'the wrong password', nextCode())));
    expect(results.filter((result) => !result.ok && result.reason === 'wrong_password')).toHaveLength(3);
    expect(results.filter((result) => !result.ok && result.reason === 'locked')).toHaveLength(7);
    expect(results.filter((result) => !result.ok && result.lockedNow)).toHaveLength(1);
  });

  it('refuses a blocked account whose password and code are right', async () => {
    const blocked = { ...account, status: 'blocked' as const };
    const accounts = { findByUsername: () => Promise.resolve(blocked) };
    const blockedSut = new Authenticator(accounts, totp, new SessionStore(cache), new LoginThrottle(cache));
    expect(await blockedSut.login('operator', 'risk-desk', password, nextCode())).toMatchObject({ ok: false, reason: 'blocked' });
  });
});
