import fc from 'fast-check';

import type { Account, TransferRequest } from './ledger.types';
import { PostingBook, type TransferOutcome } from './posting.book';
import { hashTransferRequest } from './request.hash';
import { actionsOf, modelAccounts, modelCreditLimit, modelSteps, TransferModel } from './testing/transfer-model.fixture';

const NOW = new Date('2026-12-01T10:00:00.000Z');
let counter = 0;
const newId = (): string => `00000000-0000-4000-8000-${(++counter).toString(16).padStart(12, '0')}`;

function account(id: string, limits: Partial<Account> = {}): Account {
  return {
    id,
    currency: 'EUR',
    kind: 'agent',
    debitsMustNotExceedCredits: false,
    creditLimit: 0n,
    creditsMustNotExceedDebits: false,
    debitsPending: 0n,
    debitsPosted: 0n,
    creditsPending: 0n,
    creditsPosted: 0n,
    ...limits,
  };
}

const entry = (request: TransferRequest) => ({ request, hash: hashTransferRequest(request) });
const codes = (outcomes: TransferOutcome[]) => outcomes.map((o) => (o.ok ? 'ok' : o.error.code));

describe(PostingBook.name, () => {
  const [dealer, bank, agent] = ['00000000-0000-4000-8000-00000000000d', '00000000-0000-4000-8000-00000000000b', '00000000-0000-4000-8000-00000000000a'];
  const pay = (debitAccountId: string, creditAccountId: string, amount: bigint): TransferRequest => ({
    id: newId(),
    debitAccountId,
    creditAccountId,
    amount,
    currency: 'EUR',
  });

  it('decides requests in order against the balances the earlier ones left', () => {
    const sut = new PostingBook([account(dealer, { debitsMustNotExceedCredits: true, creditLimit: 5n }), account(bank), account(agent)], [], NOW);
    const decided = [pay(dealer, agent, 3n), pay(dealer, agent, 3n), pay(bank, dealer, 10n), pay(dealer, agent, 3n)].map((r) => sut.applyChain([entry(r)]));
    expect(decided.map(codes)).toEqual([['ok'], ['exceeds_credits'], ['ok'], ['ok']]);
    expect(sut.changedAccounts().find((a) => a.id === dealer)).toMatchObject({ debitsPosted: 6n, creditsPosted: 10n });
    const dealerAfter = sut.created.map((t) => (t.debitAccountId === dealer ? t.debitAfter : t.creditAfter));
    expect(dealerAfter.map((b) => [b.debitsPosted, b.creditsPosted])).toEqual([
      [3n, 0n],
      [3n, 10n],
      [6n, 10n],
    ]);
  });

  it('undoes a whole chain when one of its transfers fails, and marks the others as linked failures', () => {
    const sut = new PostingBook([account(dealer, { debitsMustNotExceedCredits: true }), account(bank), account(agent)], [], NOW);
    const outcomes = sut.applyChain([entry(pay(bank, dealer, 10n)), entry(pay(dealer, agent, 11n))]);
    expect(codes(outcomes)).toEqual(['linked_transfer_failed', 'exceeds_credits']);
    expect(sut.created).toEqual([]);
    expect(sut.changedAccounts()).toEqual([]);
  });
});

describe(`${PostingBook.name} against a reference model`, () => {
  it('makes the same decisions and leaves the same balances for any sequence of transfers', () => {
    fc.assert(
      fc.property(modelSteps, modelCreditLimit, (steps, creditLimit) => {
        const { accounts, slots } = modelAccounts(newId, creditLimit);
        const model = new TransferModel(accounts);
        const sut = new PostingBook(
          accounts.map((a) =>
            account(a.id, {
              ...a,
              creditLimit: a.creditLimit ?? 0n,
              debitsMustNotExceedCredits: !!a.debitsMustNotExceedCredits,
              creditsMustNotExceedDebits: !!a.creditsMustNotExceedDebits,
            }),
          ),
          [],
          NOW,
        );
        model.now = NOW.getTime();
        // One book is one batch, at one time: the clock ticks and sweeps are the int spec's part.
        for (const action of actionsOf(steps, slots, newId)) {
          if ('chain' in action) expect(codes(sut.applyChain(action.chain.map(entry)))).toEqual(model.applyChain(action.chain));
        }
        const changed = new Map(sut.changedAccounts().map((a) => [a.id, [a.debitsPending, a.debitsPosted, a.creditsPending, a.creditsPosted]]));
        for (const a of accounts) expect(changed.get(a.id) ?? [0n, 0n, 0n, 0n]).toEqual(model.balances(a.id));
      }),
      { numRuns: 300 },
    );
  });
});
