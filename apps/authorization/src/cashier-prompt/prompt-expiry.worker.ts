import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';

import { PassScheduler } from '@payments/runtime';

import type { AuthorizationEnv } from '../config/authorization-env';
import { AUTHORIZATION_ENV } from '../config/authorization-env.provider';
import { CashierPromptRepository } from './cashier-prompt.repository';
import { PromptAnswerUseCase } from './prompt-answer.usecase';

const BATCH = 50;
/** The shortest gap between two passes, and how soon a failed pass is tried again. */
const PASS_MS = 1_000;
/**
 * The longest: a prompt this process opens wakes the worker for its expiry, and each pass sleeps
 * until the first open prompt expires; only one another instance opened after the last pass
 * waits for this.
 */
const SAFETY_MS = 30_000;

/**
 * Prompts nobody answered in time: the register went away or the cashier walked off. Before the
 * host was asked, the operation is refused; after a partial approval, the approved part is given
 * back by a reversal. Only one of the answer and the expiry closes a prompt.
 */
@Injectable()
export class PromptExpiryWorker implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(PromptExpiryWorker.name);
  private readonly passes = new PassScheduler(() => this.runOnce(), { minGapMs: PASS_MS, maxGapMs: SAFETY_MS });
  private running?: Promise<Date | undefined>;

  constructor(
    private readonly prompts: CashierPromptRepository,
    private readonly answers: PromptAnswerUseCase,
    @Inject(AUTHORIZATION_ENV) private readonly env: AuthorizationEnv,
  ) {}

  onApplicationBootstrap(): void {
    this.prompts.onOpened((expiresAt) => this.passes.wakeBy(expiresAt));
    this.passes.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.passes.stop();
    await this.running;
  }

  /** One pass; resolves to when the next one is due (undefined: no prompt is open). */
  runOnce(now = new Date()): Promise<Date | undefined> {
    this.running ??= this.expire(now)
      .catch((error: unknown) => {
        this.logger.error(`prompt expiry pass failed: ${error instanceof Error ? error.message : String(error)}`);
        return new Date(Date.now() + PASS_MS);
      })
      .finally(() => (this.running = undefined));
    return this.running;
  }

  /** Nothing expired (the idle platform): the pass is one plain statement. */
  private async expire(now: Date): Promise<Date | undefined> {
    const first = await this.prompts.firstExpiry();
    if (!first) return undefined;
    if (first > now) return first;
    for (const prompt of await this.prompts.findExpired(now, BATCH)) {
      const reason = `the cashier did not answer "${prompt.text}" within ${this.env.AUTHORIZATION_PROMPT_TIMEOUT_MS} ms`;
      const resumed = await this.prompts.resume(prompt.id, '', reason, 'expired');
      if (resumed) await this.answers.goOn(resumed, '', reason);
    }
    return new Date(now.getTime() + PASS_MS);
  }
}
