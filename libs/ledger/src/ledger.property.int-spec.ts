import fc from 'fast-check';

import { findLedgerViolations } from './ledger-invariants.query';
import { Ledger } from './ledger';
import { LedgerError } from './ledger.error';
import { type LedgerDatabase, newId, openLedgerDatabase } from './testing/ledger-database.fixture';
import { actionsOf, modelAccounts, modelCreditLimit, type ModelOutcome, modelSteps, TransferModel } from './testing/transfer-model.fixture';

jest.setTimeout(120_000);

const DAY_MS = 24 * 3600 * 1_000;

/** The code of the transfer that made a chain fail (the others only failed with it). */
function chainOutcome(outcomes: readonly ModelOutcome[]): ModelOutcome {
  return outcomes.find((o) => o !== 'ok' && o !== 'linked_transfer_failed') ?? outcomes.find((o) => o !== 'ok') ?? 'ok';
}

/**
 * Random sequences of transfers, pending transfers (some with a timeout), posts, voids, replays,
 * linked chains, clock ticks and expiry sweeps, through the ledger on a real database and through
 * a plain reference model: the same decisions, the same balances (the accounts' and the end of
 * their histories), and the invariants hold after each sequence.
 */
describe.each(['pglite', 'postgres'] as const)(`${Ledger.name} against a reference model (%s)`, (kind) => {
  let database: LedgerDatabase;
  let ledger: Ledger;
  let now = new Date('2026-12-01T00:00:00.000Z');

  beforeAll(async () => {
    database = await openLedgerDatabase(kind);
    ledger = database.openLedger({ clock: () => now });
  });
  afterAll(() => database?.close());

  it('decides like the model and leaves the same balances', async () => {
    await fc.assert(
      fc.asyncProperty(modelSteps, modelCreditLimit, async (steps, creditLimit) => {
        const { accounts, slots } = modelAccounts(newId, creditLimit);
        await ledger.createAccounts(accounts);
        const model = new TransferModel(accounts);
        // A day after the last run, with what that run left open expired: each run sweeps its own.
        now = new Date(now.getTime() + DAY_MS);
        await ledger.expirePending(now);
        model.now = now.getTime();
        for (const action of actionsOf(steps, slots, newId)) {
          if ('tick' in action) {
            now = new Date(now.getTime() + action.tick * 1_000);
            model.now = now.getTime();
          } else if ('sweep' in action) {
            expect(await ledger.expirePending(now)).toBe(model.expire(now.getTime()));
          } else {
            const decided = await ledger.transferChain(action.chain).then(
              () => 'ok',
              (error: unknown) => (error instanceof LedgerError ? error.code : String(error)),
            );
            expect(decided).toBe(chainOutcome(model.applyChain(action.chain)));
          }
        }
        for (const a of accounts) {
          const stored = await ledger.account(a.id);
          expect([stored.debitsPending, stored.debitsPosted, stored.creditsPending, stored.creditsPosted]).toEqual(model.balances(a.id));
          // The history ends on the same balances.
          const last = (await ledger.history(a.id, { limit: 1_000 })).entries.at(-1)?.balancesAfter;
          const ended = last ? [last.debitsPending, last.debitsPosted, last.creditsPending, last.creditsPosted] : [0n, 0n, 0n, 0n];
          expect(ended).toEqual(model.balances(a.id));
        }
        expect(await findLedgerViolations(database.db.connection)).toEqual([]);
      }),
      { numRuns: 60 },
    );
  });
});
