import { randomBytes, scrypt, type ScryptOptions, timingSafeEqual } from 'node:crypto';

/** The shortest password accepted (NIST SP 800-63B: length over composition rules). */
export const MIN_PASSWORD_LENGTH = 12;
const MAX_PASSWORD_LENGTH = 256;

/** Cost N=2^15, r=8, p=1 (32 MiB): OWASP's scrypt baseline. Stored with each hash, so it can grow. */
const DEFAULT_PARAMS = { N: 32_768, r: 8, p: 1 } as const;
const KEY_LENGTH = 32;
const SALT_LENGTH = 16;

export class PasswordRuleError extends Error {}

/** Refuses a password too short or too long, saying the rule (never echoing the password). */
export function assertPasswordRule(password: string): void {
  if ([...password].length < MIN_PASSWORD_LENGTH) throw new PasswordRuleError(`the password must have at least ${MIN_PASSWORD_LENGTH} characters`);
  if (password.length > MAX_PASSWORD_LENGTH) throw new PasswordRuleError(`the password must have at most ${MAX_PASSWORD_LENGTH} characters`);
}

const derive = (password: string, salt: Buffer, params: { N: number; r: number; p: number }): Promise<Buffer> =>
  new Promise((resolve, reject) => {
    const options: ScryptOptions = { ...params, maxmem: 128 * params.N * params.r * 2 };
    scrypt(password.normalize('NFKC'), salt, KEY_LENGTH, options, (error, key) => (error ? reject(error) : resolve(key)));
  });

/** `scrypt$N$r$p$<salt base64>$<key base64>`: a random salt per password and the cost it was made with. */
export async function hashPassword(password: string, params: { N: number; r: number; p: number } = DEFAULT_PARAMS): Promise<string> {
  assertPasswordRule(password);
  const salt = randomBytes(SALT_LENGTH);
  const key = await derive(password, salt, params);
  return ['scrypt', params.N, params.r, params.p, salt.toString('base64'), key.toString('base64')].join('$');
}

/** Whether `password` made `stored`; compares in constant time; false for anything not a stored hash. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parts = stored.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return false;
  const [N, r, p] = parts.slice(1, 4).map(Number);
  if (![N, r, p].every((n) => Number.isSafeInteger(n) && n > 0)) return false;
  const salt = Buffer.from(parts[4], 'base64');
  const expected = Buffer.from(parts[5], 'base64');
  if (expected.length !== KEY_LENGTH || password.length > MAX_PASSWORD_LENGTH) return false;
  return timingSafeEqual(await derive(password, salt, { N, r, p }), expected);
}

/** A hash of a password nobody has: verify against it when the account is unknown, so the answer takes as long. */
export const UNUSABLE_PASSWORD_HASH = `scrypt$${DEFAULT_PARAMS.N}$${DEFAULT_PARAMS.r}$${DEFAULT_PARAMS.p}$${Buffer.alloc(SALT_LENGTH).toString('base64')}$${Buffer.alloc(KEY_LENGTH).toString('base64')}`;
