import type { AuthorizeReply } from '@payments/contracts';

import type { Transaction } from '../generated/prisma/client';
import type { CashierPromptStep } from '../operation/cashier-prompt.step';
import type { OperationRepository } from '../operation/operation.repository';
import { OperationOutcomeUseCase } from './operation-outcome.usecase';

const ID = '1d2e3f4a-5b6c-4d7e-8f9a-0b1c2d3e4f5a';

describe(OperationOutcomeUseCase.name, () => {
  let row: Pick<Transaction, 'id' | 'status'> | null = null;
  const replied = { transactionId: ID, status: 'approved' } as AuthorizeReply;
  const operations = { findById: jest.fn(() => Promise.resolve(row)) };
  const prompts = { replyOf: jest.fn(() => Promise.resolve(replied)) };
  const sut = new OperationOutcomeUseCase(operations as unknown as OperationRepository, prompts as unknown as CashierPromptStep);

  it('says a transaction id never journaled was never received', async () => {
    row = null;
    expect(await sut.execute({ transactionId: ID })).toEqual({ transactionId: ID, state: 'not_journaled' });
  });

  it('says an attempt still running is pending, without its outcome', async () => {
    row = { id: ID, status: 'pending' };
    expect(await sut.execute({ transactionId: ID })).toEqual({ transactionId: ID, state: 'pending' });
  });

  it.each(['approved', 'declined', 'unknown', 'awaiting_cashier'])('gives a %s transaction the reply its register would have had', async (status) => {
    row = { id: ID, status };
    expect(await sut.execute({ transactionId: ID })).toEqual({ transactionId: ID, state: 'final', outcome: replied });
    expect(prompts.replyOf).toHaveBeenLastCalledWith(row);
  });
});
