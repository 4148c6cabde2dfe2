import type { CashierPrompt as PromptRow, Transaction } from '../generated/prisma/client';
import type { AuthorizationEnv } from '../config/authorization-env';
import type { CashierPromptRepository, ResumedPrompt } from './cashier-prompt.repository';
import type { PromptAnswerUseCase } from './prompt-answer.usecase';
import { PromptExpiryWorker } from './prompt-expiry.worker';

const prompt = { id: '5b4a3928-1706-4f5e-8d4c-3b2a19080706', text: 'Confirm the partial amount?' } as PromptRow;
const resumed = { prompt, transaction: { id: '0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d' } as Transaction, context: null } as ResumedPrompt;

describe(PromptExpiryWorker.name, () => {
  let firstExpiry: Date | null;
  const NOW = new Date('2026-12-06T10:00:00Z');
  const openedListeners: ((expiresAt: Date) => void)[] = [];
  const prompts = {
    firstExpiry: jest.fn(() => Promise.resolve(firstExpiry)),
    findExpired: jest.fn(() => Promise.resolve(firstExpiry && firstExpiry <= NOW ? [prompt] : [])),
    resume: jest.fn(() => Promise.resolve(resumed)),
    onOpened: (listener: (expiresAt: Date) => void) => openedListeners.push(listener),
  };
  const answers = { goOn: jest.fn(() => Promise.resolve()) };
  const sut = new PromptExpiryWorker(
    prompts as unknown as CashierPromptRepository,
    answers as unknown as PromptAnswerUseCase,
    { AUTHORIZATION_PROMPT_TIMEOUT_MS: 30_000 } as AuthorizationEnv,
  );

  beforeEach(() => jest.clearAllMocks());

  it('asks one question and reads no prompt when none has expired, to look again when the first one expires', async () => {
    firstExpiry = new Date('2026-12-06T10:00:40Z');

    expect(await sut.runOnce(NOW)).toEqual(new Date('2026-12-06T10:00:40Z'));

    expect(prompts.firstExpiry).toHaveBeenCalledTimes(1);
    expect(prompts.findExpired).not.toHaveBeenCalled();
    expect(answers.goOn).not.toHaveBeenCalled();
  });

  it('closes an expired prompt as unanswered and lets its operation go on', async () => {
    firstExpiry = new Date('2026-12-06T09:59:59Z');

    await sut.runOnce(NOW);

    const reason = 'the cashier did not answer "Confirm the partial amount?" within 30000 ms';
    expect(prompts.resume).toHaveBeenCalledWith(prompt.id, '', reason, 'expired');
    expect(answers.goOn).toHaveBeenCalledWith(resumed, '', reason);
  });

  describe('when to look next', () => {
    beforeEach(() => {
      jest.useFakeTimers({ now: NOW });
      firstExpiry = null;
    });
    afterEach(async () => {
      await sut.onApplicationShutdown();
      jest.useRealTimers();
    });

    it('expires a prompt this process opened when its time is up, with no pass in between', async () => {
      sut.onApplicationBootstrap();
      await jest.advanceTimersByTimeAsync(1_000);
      firstExpiry = new Date(NOW.getTime() + 20_000);
      for (const listener of openedListeners) listener(firstExpiry);
      await jest.advanceTimersByTimeAsync(18_999);
      expect(prompts.firstExpiry).toHaveBeenCalledTimes(1);

      await jest.advanceTimersByTimeAsync(1);
      expect(prompts.firstExpiry).toHaveBeenCalledTimes(2);
    });

    it('looks every 30 s while no prompt is open (one another instance opens is found then)', async () => {
      sut.onApplicationBootstrap();
      await jest.advanceTimersByTimeAsync(61_000);

      expect(prompts.firstExpiry).toHaveBeenCalledTimes(3);
    });
  });
});
