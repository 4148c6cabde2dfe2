import { assertPasswordRule, hashPassword, MIN_PASSWORD_LENGTH, UNUSABLE_PASSWORD_HASH, verifyPassword } from './password';

describe('passwords', () => {
  const password = 'correct horse battery staple';

  it('verifies the password a hash was made from, and no other', async () => {
    const stored = await hashPassword(password);

    expect(await verifyPassword(password, stored)).toBe(true);
    expect(await verifyPassword('correct horse battery stapl', stored)).toBe(false);
    expect(
      await verifyPassword(
        password,
        stored.replace(/.$/, (c) => (c === 'A' ? 'B' : 'A')),
      ),
    ).toBe(false);
  });

  it('salts each hash and keeps the cost in the stored string, never the password', async () => {
    const [one, two] = [await hashPassword(password), await hashPassword(password)];

    expect(one).not.toBe(two);
    expect(one).toMatch(/^scrypt\$32768\$8\$1\$[A-Za-z0-9+/=]{24}\$[A-Za-z0-9+/=]{44}$/);
    expect(one).not.toContain(password);
  });

  it('verifies a hash made with other cost parameters, read from the stored string', async () => {
    const cheap = await hashPassword(password, { N: 1024, r: 8, p: 1 });
    expect(cheap.startsWith('scrypt$1024$8$1$')).toBe(true);
    expect(await verifyPassword(password, cheap)).toBe(true);
  });

  it('refuses a short password with the rule, not the password', async () => {
    await expect(hashPassword('short-pass')).rejects.toThrow(`the password must have at least ${MIN_PASSWORD_LENGTH} characters`);
    expect(() => assertPasswordRule('x'.repeat(300))).toThrow('at most 256');
  });

  it('answers false, not an error, for anything that is not a stored hash', async () => {
    expect(await verifyPassword(password, '')).toBe(false);
    expect(await verifyPassword(password, 'bcrypt$whatever')).toBe(false);
    expect(await verifyPassword(password, UNUSABLE_PASSWORD_HASH)).toBe(false);
  });
});
