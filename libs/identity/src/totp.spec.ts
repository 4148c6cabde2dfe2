import { generateSync } from 'otplib';

import { InMemoryCache } from '@payments/cache';

import { TotpVerifier } from './totp';

/** RFC 6238 appendix B: the SHA-1 seed "12345678901234567890" (base32 below) and its 8-digit codes. */
const RFC_SECRET = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';
const RFC_VECTORS: readonly [number, string][] = [
  [59, '94287082'],
  [1_111_111_109, '07081804'],
  [1_111_111_111, '14050471'],
  [1_234_567_890, '89005924'],
  [2_000_000_000, '69279037'],
  [20_000_000_000, '65353130'],
];

describe(TotpVerifier.name, () => {
  let cache: InMemoryCache;
  let now: number;
  const sutAt = () => new TotpVerifier(cache, () => now);

  beforeEach(() => {
    cache = new InMemoryCache();
    now = 1_234_567_890_000;
  });
  afterEach(() => cache.close());

  it.each(RFC_VECTORS)('computes the RFC 6238 SHA-1 code at %i s (8 digits as in the RFC, 6 as it verifies)', async (seconds, code) => {
    expect(generateSync({ secret: RFC_SECRET, epoch: seconds, digits: 8, algorithm: 'sha1', period: 30 })).toBe(code);
    now = seconds * 1000;
    expect(sutAt().codeNow(RFC_SECRET)).toBe(code.slice(2));
    expect(await sutAt().verify(`rfc-${seconds}`, RFC_SECRET, code.slice(2))).toBe(true);
  });

  it('accepts the code of one step before or after, not two', async () => {
    const secret = TotpVerifier.newSecret();
    const codeAt = (offsetS: number) => {
      const saved = now;
      now += offsetS * 1000;
      const code = sutAt().codeNow(secret);
      now = saved;
      return code;
    };
    const [previous, next, twoBefore, twoAfter] = [codeAt(-30), codeAt(30), codeAt(-60), codeAt(60)];

    expect(await sutAt().verify('a1', secret, twoBefore)).toBe(false);
    expect(await sutAt().verify('a2', secret, twoAfter)).toBe(false);
    expect(await sutAt().verify('a3', secret, previous)).toBe(true);
    expect(await sutAt().verify('a4', secret, next)).toBe(true);
  });

  it('refuses a code already used, and an older code once a newer one was used', async () => {
    const secret = TotpVerifier.newSecret();
    const sut = sutAt();
    now -= 30_000;
    const older = sut.codeNow(secret);
    now += 30_000;
    const current = sut.codeNow(secret);

    expect(await sut.verify('acc', secret, current)).toBe(true);
    expect(await sut.verify('acc', secret, current)).toBe(false);
    expect(await sut.verify('acc', secret, older)).toBe(false);
    expect(await sut.verify('other-account', secret, current)).toBe(true);
  });

  it('lets one of two logins racing with the same code through', async () => {
    const secret = TotpVerifier.newSecret();
    const code = sutAt().codeNow(secret);
    const results = await Promise.all(Array.from({ length: 5 }, () => sutAt().verify('race', secret, code)));
    expect(results.filter(Boolean)).toHaveLength(1);
  });

  it('refuses what is not six digits and a wrong code', async () => {
    const secret = TotpVerifier.newSecret();
    const code = sutAt().codeNow(secret);
    const wrong = String((Number(code) + 1) % 1_000_000).padStart(6, '0');
    expect(await sutAt().verify('x', secret, wrong)).toBe(false);
    expect(await sutAt().verify('x', secret, ` ${code}`)).toBe(false);
    expect(await sutAt().verify('x', secret, '')).toBe(false);
  });

  it('writes an otpauth URI with the issuer, label and parameters', () => {
    const uri = new TotpVerifier(cache, () => now, 'Payments').uri('night-duty', 'JBSWY3DPEHPK3PXP');
    expect(uri).toContain('otpauth://totp/Payments:night-duty?');
    expect(uri).toContain('secret=JBSWY3DPEHPK3PXP');
    expect(uri).toContain('issuer=Payments');
  });
});
