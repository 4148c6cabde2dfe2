import { LedgerError, type LedgerErrorCode } from './ledger.error';
import type { AccountRequest, TransferRequest } from './ledger.types';
import { validateAccountRequest, validateTransferRequest } from './request.validator';

const A = '00000000-0000-4000-8000-00000000000a';
const B = '00000000-0000-4000-8000-00000000000b';
const ID = '00000000-0000-4000-8000-000000000001';

function refusal(check: () => void): [LedgerErrorCode, string] | 'accepted' {
  try {
    check();
    return 'accepted';
  } catch (error) {
    if (!(error instanceof LedgerError)) throw error;
    return [error.code, error.message];
  }
}

describe(validateTransferRequest.name, () => {
  const posted: TransferRequest = { id: ID, debitAccountId: A, creditAccountId: B, amount: 100n, currency: 'EUR' };
  const check = (request: object) => refusal(() => validateTransferRequest(request as TransferRequest));

  it('accepts a well-formed transfer, pending transfer, post and void', () => {
    expect(check(posted)).toBe('accepted');
    expect(check({ ...posted, type: 'pending', timeoutSeconds: 30 })).toBe('accepted');
    expect(check({ type: 'post', id: ID, pendingId: A })).toBe('accepted');
    expect(check({ type: 'void', id: ID, pendingId: A })).toBe('accepted');
  });

  it.each([
    ['a zero amount', { amount: 0n }, 'amount_not_positive_integer', 'amount'],
    ['a negative amount', { amount: -1n }, 'amount_not_positive_integer', 'amount'],
    ['a fractional number', { amount: 1.5 }, 'amount_not_positive_integer', 'amount'],
    ['a number instead of a bigint', { amount: 100 }, 'amount_not_positive_integer', 'amount'],
    ['an amount past BIGINT', { amount: 2n ** 63n }, 'amount_not_positive_integer', 'amount'],
    ['the same account on both sides', { creditAccountId: A }, 'same_account_both_sides', 'same account'],
    ['an id that is not a UUID', { id: 'T-1' }, 'invalid_field', 'id must be'],
    ['an upper-case account id', { debitAccountId: A.toUpperCase() }, 'invalid_field', 'debitAccountId'],
    ['an unknown currency', { currency: 'EURO' }, 'invalid_field', 'currency'],
    ['a reference too long', { reference: 'x'.repeat(129) }, 'invalid_field', 'reference'],
    ['a timeout that is not whole seconds', { type: 'pending', timeoutSeconds: 0.5 }, 'invalid_field', 'timeoutSeconds'],
  ])('refuses %s, naming the field', (_, change, code, words) => {
    const [refusedCode, message] = check({ ...posted, ...change }) as [LedgerErrorCode, string];
    expect(refusedCode).toBe(code);
    expect(message).toContain(words);
  });

  it('refuses a post of a non-positive amount and a post without a pending id', () => {
    expect(check({ type: 'post', id: ID, pendingId: A, amount: 0n })).toEqual(['amount_not_positive_integer', expect.any(String)]);
    expect(check({ type: 'void', id: ID })).toEqual(['invalid_field', expect.stringContaining('pendingId')]);
  });
});

describe(validateAccountRequest.name, () => {
  const dealer: AccountRequest = { id: A, currency: 'EUR', kind: 'dealer', debitsMustNotExceedCredits: true, creditLimit: 500n };
  const check = (request: object) => refusal(() => validateAccountRequest(request as AccountRequest));

  it('accepts an account with a credit limit, and one capped on credits', () => {
    expect(check(dealer)).toBe('accepted');
    expect(check({ id: B, currency: 'USD', kind: 'payee', creditsMustNotExceedDebits: true })).toBe('accepted');
  });

  it.each([
    ['a negative credit limit', { creditLimit: -1n }, 'creditLimit'],
    ['a credit limit without the debit limit flag', { debitsMustNotExceedCredits: false }, 'creditLimit'],
    ['both limit flags', { creditsMustNotExceedDebits: true }, 'exclude each other'],
    ['a kind with spaces', { kind: 'big dealer' }, 'kind'],
    ['an unknown currency', { currency: 'ZZZ' }, 'currency'],
  ])('refuses %s', (_, change, words) => {
    expect(check({ ...dealer, ...change })).toEqual(['invalid_field', expect.stringContaining(words)]);
  });
});
