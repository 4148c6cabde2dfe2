import type { AuthorizationDb, AuthorizationSql, AuthorizationTx } from '../database/authorization-db.provider';
import { isAllowedTransition, OPERATION_STATUSES } from './operation-status';
import { OperationRepository } from './operation.repository';
import { StatusTransitionError } from './status-transition.error';

/** Every change the journal makes today (README, journal, prompts, follow-ups, reversals, abandonment, recovery). */
const ALLOWED = new Set([
  'pending -> awaiting_cashier',
  'pending -> approved',
  'pending -> declined',
  'pending -> rejected',
  'pending -> failed',
  'pending -> unknown',
  'awaiting_cashier -> pending',
  'approved -> unknown',
  'approved -> expired',
  'approved -> cancelled',
  'approved -> refunded',
  'approved -> completed',
  'unknown -> reversed',
  'unknown -> approved',
  'unknown -> declined',
  'declined -> reversed',
  'expired -> expired',
  'completed -> approved',
  'refunded -> approved',
]);

const ID = '3f2a1b0c-9d8e-4f7a-8b6c-5d4e3f2a1b0c';
const pairs = OPERATION_STATUSES.flatMap((from) => OPERATION_STATUSES.map((to) => [from, to] as const));

describe('operation status transitions', () => {
  const tx = {
    transaction: { update: jest.fn((args: { data: object }) => Promise.resolve({ id: ID, ...args.data })) },
    transactionStatusChange: { create: jest.fn(() => Promise.resolve({})) },
  };
  const sut = new OperationRepository({} as AuthorizationDb, {} as AuthorizationSql);
  const change = (from: string, to: (typeof OPERATION_STATUSES)[number]) =>
    sut.changeStatus(tx as unknown as AuthorizationTx, ID, from, { to, reason: 'test', fields: { statusReason: 'test' } });

  beforeEach(() => jest.clearAllMocks());

  it('walks all 144 pairs', () => {
    expect(pairs).toHaveLength(144);
    expect(
      pairs
        .filter(([from, to]) => isAllowedTransition(from, to))
        .map(([from, to]) => `${from} -> ${to}`)
        .sort(),
    ).toEqual([...ALLOWED].sort());
  });

  it.each(pairs.filter(([from, to]) => ALLOWED.has(`${from} -> ${to}`)))(
    'writes %s -> %s only where the row still is %s, with its history row',
    async (from, to) => {
      await change(from, to);

      expect(tx.transaction.update).toHaveBeenCalledWith({ where: { id: ID, status: from }, data: expect.objectContaining({ status: to }) });
      expect(tx.transactionStatusChange.create).toHaveBeenCalledWith({ data: { transactionId: ID, status: to, reason: 'test', responseCode: undefined } });
    },
  );

  it.each(pairs.filter(([from, to]) => !ALLOWED.has(`${from} -> ${to}`)))('refuses %s -> %s and writes nothing', async (from, to) => {
    await expect(change(from, to)).rejects.toThrow(new StatusTransitionError(ID, from, to));
    expect(tx.transaction.update).not.toHaveBeenCalled();
    expect(tx.transactionStatusChange.create).not.toHaveBeenCalled();
  });

  it('refuses a status the journal does not know', async () => {
    await expect(change('settled', 'approved')).rejects.toThrow(
      'transaction 3f2a1b0c-9d8e-4f7a-8b6c-5d4e3f2a1b0c: a change from settled to approved is not allowed',
    );
  });
});
