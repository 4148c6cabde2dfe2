import type { CashierPrompt as PromptRow, Transaction } from '../generated/prisma/client';
import type { AuthorizationEnv } from '../config/authorization-env';
import type { CashierPromptRepository, ResumedPrompt } from './cashier-prompt.repository';
import type { PromptAnswerUseCase } from './prompt-answer.usecase';
import { PromptExpiryWorker } from './prompt-expiry.worker';

const prompt = { id: '5b4a3928-1706-4f5e-8d4c-3b2a19080706', text: 'Confirm the partial amount?' } as PromptRow;
const resumed = { prompt, transaction: { id: '0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d' } as Transaction, context: null } as ResumedPrompt;

describe(PromptExpiryWorker.name, () => {
  let expired: boolean;
  const prompts = {
    hasExpired: jest.fn(() => Promise.resolve(expired)),
    findExpired: jest.fn(() => Promise.resolve(expired ? [prompt] : [])),
    resume: jest.fn(() => Promise.resolve(resumed)),
  };
  const answers = { goOn: jest.fn(() => Promise.resolve()) };
  const sut = new PromptExpiryWorker(
    prompts as unknown as CashierPromptRepository,
    answers as unknown as PromptAnswerUseCase,
    { AUTHORIZATION_PROMPT_TIMEOUT_MS: 30_000 } as AuthorizationEnv,
  );

  beforeEach(() => jest.clearAllMocks());

  it('asks one question and reads no prompt when none has expired', async () => {
    expired = false;

    await sut.runOnce(new Date('2026-12-06T10:00:00Z'));

    expect(prompts.hasExpired).toHaveBeenCalledWith(new Date('2026-12-06T10:00:00Z'));
    expect(prompts.findExpired).not.toHaveBeenCalled();
    expect(answers.goOn).not.toHaveBeenCalled();
  });

  it('closes an expired prompt as unanswered and lets its operation go on', async () => {
    expired = true;

    await sut.runOnce(new Date('2026-12-06T10:00:00Z'));

    const reason = 'the cashier did not answer "Confirm the partial amount?" within 30000 ms';
    expect(prompts.resume).toHaveBeenCalledWith(prompt.id, '', reason, 'expired');
    expect(answers.goOn).toHaveBeenCalledWith(resumed, '', reason);
  });
});
