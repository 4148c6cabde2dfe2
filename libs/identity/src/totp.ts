import { generateSecret, generateSync, generateURI, verifySync } from 'otplib';

import type { Cache } from '@payments/cache';

import { type Clock, systemClock } from './clock';

/** RFC 6238 as every authenticator app does it: SHA-1, 6 digits, 30 s steps from the epoch. */
const PERIOD_S = 30;
const DIGITS = 6;
/** One step of clock drift either way is accepted. */
const TOLERANCE_S = PERIOD_S;
/** A used step is remembered for longer than any window it could be accepted in. */
const USED_TTL_MS = 4 * PERIOD_S * 1000;

/**
 * TOTP second factors: secrets for enrolment, and verification that accepts a code once. A code
 * (its time step) already accepted for an account, or one older than the last accepted, is
 * refused: a code seen over a shoulder or in a log cannot be replayed within its window.
 */
export class TotpVerifier {
  constructor(
    private readonly cache: Cache,
    private readonly clock: Clock = systemClock,
    private readonly issuer = 'Payments',
  ) {}

  /** A new secret (160 random bits, base32), shown once at enrolment. */
  static newSecret(): string {
    return generateSecret({ length: 20 });
  }

  /** The otpauth:// URI an authenticator app scans (as a QR code) or takes typed in. */
  uri(label: string, secret: string): string {
    return generateURI({ issuer: this.issuer, label, secret, algorithm: 'sha1', digits: DIGITS, period: PERIOD_S });
  }

  /** The code of `secret` now (the embedded mode's and the tests' authenticator). */
  codeNow(secret: string): string {
    return generateSync({ secret, epoch: Math.floor(this.clock() / 1000), period: PERIOD_S, digits: DIGITS, algorithm: 'sha1' });
  }

  /** Whether `code` is the account's code of now (one step either way) and was not accepted before; marks it used. */
  async verify(accountId: string, secret: string, code: string): Promise<boolean> {
    if (!/^\d{6}$/.test(code)) return false;
    const last = Number((await this.cache.get(this.lastKey(accountId))) ?? -1);
    const epoch = Math.floor(this.clock() / 1000);
    const result = verifySync({
      secret,
      token: code,
      epoch,
      epochTolerance: TOLERANCE_S,
      period: PERIOD_S,
      digits: DIGITS,
      algorithm: 'sha1',
    });
    if (!result.valid) return false;
    // The step the code belongs to: now's, or one either side (delta).
    const timeStep = Math.floor(epoch / PERIOD_S) + result.delta;
    if (timeStep <= last) return false;
    // Atomic: of two logins racing with one code, one wins.
    if (!(await this.cache.setIfAbsent(`identity:totp-used:${accountId}:${timeStep}`, '1', USED_TTL_MS))) return false;
    await this.cache.set(this.lastKey(accountId), String(timeStep), USED_TTL_MS);
    return true;
  }

  private lastKey(accountId: string): string {
    return `identity:totp-last:${accountId}`;
  }
}
