import type { Terminal } from '../terminals/terminal';
import { AbandonOperationUseCase } from './abandon-operation.usecase';
import type { AbandonmentRepository } from './abandonment.repository';

const ID = '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d';
const terminal: Terminal = { clientId: 'c1', name: 'Register 7', terminalId: 'DEMO0007', merchantId: 'DEMOSHOP0000001', currencies: ['EUR'] };
const reason = 'the register did not receive the outcome within 8000 ms';

describe(AbandonOperationUseCase.name, () => {
  const abandonments = { abandon: jest.fn(), report: jest.fn(() => Promise.resolve()) };
  const sut = new AbandonOperationUseCase(abandonments as unknown as AbandonmentRepository);

  beforeEach(() => jest.clearAllMocks());

  it('asks authorization to reverse a purchase, and its key replays "being reversed, start a new operation"', async () => {
    abandonments.abandon.mockResolvedValue(null);

    const response = await sut.execute(terminal, { transactionId: ID, operation: 'purchase', reason });

    const message = `${reason}; this purchase is being reversed and moves no money: start a new operation with a new Idempotency-Key`;
    expect(response).toEqual({ kind: 'outcome_unknown', transactionId: ID, message });
    expect(abandonments.abandon).toHaveBeenCalledWith({ transactionId: ID, terminalId: 'DEMO0007', reason, abandonedAt: expect.any(String) }, response);
  });

  it('answers with the outcome when it was stored before the abandonment (the reply won the race)', async () => {
    const approved = { kind: 'approved', reply: { transactionId: ID, status: 'approved' } };
    abandonments.abandon.mockResolvedValue(approved);

    expect(await sut.execute(terminal, { transactionId: ID, operation: 'cash_withdrawal', reason })).toBe(approved);
  });

  it('reports an abandoned cancel but leaves its key waiting for the outcome: a cancel is not reversed', async () => {
    const response = await sut.execute(terminal, { transactionId: ID, operation: 'cancel', reason });

    expect(response).toEqual({
      kind: 'outcome_unknown',
      transactionId: ID,
      message: `${reason}; this cancel is not reversed: retry with the same Idempotency-Key for its outcome`,
    });
    expect(abandonments.report).toHaveBeenCalledWith(expect.objectContaining({ transactionId: ID, terminalId: 'DEMO0007' }));
    expect(abandonments.abandon).not.toHaveBeenCalled();
  });
});
