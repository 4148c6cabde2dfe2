import { generateKeyPairSync } from 'node:crypto';

import { type Payee, payeeProblem } from './payee';
import { feeOf, payeeCheck, payeeRefusalMessage } from './payee-check';

const payee = (overrides: Partial<Payee> = {}): Payee => ({
  id: 'cz-mobile',
  name: 'CZ Mobile',
  currency: 'CZK',
  status: 'active',
  accountPattern: '\\+420[0-9]{9}',
  accountChecksum: 'none',
  minAmount: 100n,
  maxAmount: 500_000n,
  fee: { percentBasisPoints: 150n, fixed: 500n },
  createdAt: new Date(0),
  updatedAt: new Date(0),
  ...overrides,
});

describe('the payee check', () => {
  it("is payable with the payer's fee: basis points of the amount rounded half up, plus the fixed part", () => {
    // 1.5 % of 123.45 = 1.85175 -> 1.85, plus 5.00.
    expect(payeeCheck(payee(), { account: '+420777123456', amount: 12_345n, currency: 'CZK' })).toEqual({ payable: true, fee: 685n });
    // 1.5 % of 1.00 = 0.015 -> 0.02 (half up).
    expect(feeOf({ percentBasisPoints: 150n, fixed: 0n }, 100n)).toBe(2n);
    expect(feeOf({ percentBasisPoints: 0n, fixed: 0n }, 10n ** 18n)).toBe(0n);
  });

  it('answers an account alone without a fee, the amount limits left for the payment', () => {
    expect(payeeCheck(payee(), { account: '+420777123456' })).toEqual({ payable: true, fee: null });
  });

  it('takes the amount limits inclusive and names the one passed', () => {
    const check = (amount: bigint) => payeeCheck(payee(), { account: '+420777123456', amount });
    expect(check(100n)).toMatchObject({ payable: true });
    expect(check(500_000n)).toMatchObject({ payable: true });
    expect(check(99n)).toEqual({ payable: false, refusal: { reason: 'amount_below_min', min: 100n } });
    expect(check(500_001n)).toEqual({ payable: false, refusal: { reason: 'amount_above_max', max: 500_000n } });
    expect(payeeCheck(payee({ minAmount: null, maxAmount: null }), { account: '+420777123456', amount: 1n })).toMatchObject({ payable: true });
  });

  it('matches the pattern against the whole account, never a part of it', () => {
    expect(payeeCheck(payee(), { account: 'x+420777123456' })).toEqual({ payable: false, refusal: { reason: 'account_pattern', pattern: '\\+420[0-9]{9}' } });
    expect(payeeCheck(payee(), { account: '+4207771234567' })).toMatchObject({ refusal: { reason: 'account_pattern' } });
    expect(payeeCheck(payee({ accountPattern: 'a|b' }), { account: 'ab' })).toMatchObject({ refusal: { reason: 'account_pattern' } });
    expect(payeeCheck(payee({ accountPattern: '.*' }), { account: '1'.repeat(65) })).toMatchObject({ refusal: { reason: 'account_pattern' } });
  });

  it("checks the account's check digits with the payee's algorithm", () => {
    const bank = payee({ accountPattern: '[A-Z]{2}[0-9]{2}[A-Z0-9]{11,30}', accountChecksum: 'mod97' });
    expect(payeeCheck(bank, { account: 'GB82WEST12345698765432' })).toMatchObject({ payable: true });
    expect(payeeCheck(bank, { account: 'GB82WEST12345698765431' })).toEqual({ payable: false, refusal: { reason: 'account_checksum', checksum: 'mod97' } });
    const loans = payee({ accountPattern: '[0-9]{16}', accountChecksum: 'luhn' });
    expect(payeeCheck(loans, { account: '4242424242424242' })).toMatchObject({ payable: true });
    expect(payeeCheck(loans, { account: '4242424242424241' })).toMatchObject({ refusal: { reason: 'account_checksum' } });
  });

  it('refuses a suspended payee first, then another currency, before looking at the account', () => {
    expect(payeeCheck(payee({ status: 'suspended' }), { account: 'bad', currency: 'EUR' })).toEqual({ payable: false, refusal: { reason: 'suspended' } });
    expect(payeeCheck(payee(), { account: 'bad', currency: 'EUR' })).toEqual({
      payable: false,
      refusal: { reason: 'currency_mismatch', payeeCurrency: 'CZK' },
    });
  });

  it('names the field and what is wrong, never repeating the account', () => {
    const account = '4242424242424241';
    const refusal = payeeCheck(payee({ accountPattern: '[0-9]{16}', accountChecksum: 'luhn' }), { account });
    if (refusal.payable) throw new Error('expected a refusal');
    const message = payeeRefusalMessage('loans', refusal.refusal, {});
    expect(message).toBe("account: fails payee loans's luhn check digits");
    expect(message).not.toContain(account);
    expect(payeeRefusalMessage('cz-mobile', { reason: 'amount_above_max', max: 500_000n }, { amount: 500_001n })).toBe(
      "amount: 500001 is above payee cz-mobile's maximum of 500000",
    );
  });

  it('matches a pattern that would backtrack for ever in a backtracking engine at once, and refuses what RE2 cannot match in linear time', () => {
    // (a+)+x against 64 a's: 2^64 paths for a backtracking engine; RE2 answers in linear time.
    expect(payeeCheck(payee({ accountPattern: '(a+)+x' }), { account: 'a'.repeat(64) })).toMatchObject({ refusal: { reason: 'account_pattern' } });
    expect(payeeProblem(payee({ accountPattern: '(?=[0-9])[0-9]{9}' }))).toMatch(/^account\.pattern: not a regular expression/);
    expect(payeeProblem(payee({ accountPattern: '([0-9])\\1' }))).toMatch(/^account\.pattern: not a regular expression/);
  });

  it('refuses a definition with a pattern that does not compile or a max below the min', () => {
    expect(payeeProblem(payee())).toBeUndefined();
    expect(payeeProblem(payee({ accountPattern: '[0-9' }))).toMatch(/^account\.pattern: not a regular expression/);
    expect(payeeProblem(payee({ minAmount: 10n, maxAmount: 9n }))).toBe('limits.max: 9 is below min 10');
  });

  it('refuses a gateway whose key is not an Ed25519 public key or whose URL carries credentials, and a card-shaped account for it', () => {
    const publicKey = generateKeyPairSync('ed25519').publicKey.export({ type: 'spki', format: 'pem' }).toString();
    const gateway = { baseUrl: 'https://payee.example/gw', publicKey, deadlineMs: 5_000 };
    expect(payeeProblem(payee({ gateway }))).toBeUndefined();
    expect(payeeProblem(payee({ gateway: { ...gateway, publicKey: 'nope' } }))).toMatch(/^gateway\.publicKey: not an Ed25519 public key in PEM/);
    expect(payeeProblem(payee({ gateway: { ...gateway, baseUrl: 'https://user:secret@payee.example' } }))).toBe(
      'gateway.baseUrl: must not carry a user or password (the messages are signed instead)',
    );
    const plain = { ...gateway, baseUrl: 'http://payee.example/gw' };
    expect(payeeProblem(payee({ gateway: plain }))).toBeUndefined();
    expect(payeeProblem(payee({ gateway: plain }), { production: true })).toBe('gateway.baseUrl: must be an https URL when NODE_ENV=production');
    expect(payeeProblem(payee({ gateway }), { production: true })).toBeUndefined();
    const loans = payee({ accountPattern: '[0-9]{16}', accountChecksum: 'luhn', gateway });
    const refusal = payeeCheck(loans, { account: '4242424242424242' });
    expect(refusal).toEqual({ payable: false, refusal: { reason: 'card_account_not_forwardable' } });
    expect(payeeRefusalMessage('loans', { reason: 'card_account_not_forwardable' }, {})).not.toContain('4242424242424242');
    expect(payeeCheck({ ...loans, gateway: null }, { account: '4242424242424242' })).toMatchObject({ payable: true });
  });
});
