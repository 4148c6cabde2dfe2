import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';

import type { AuthorizationEnv } from '../config/authorization-env';
import { AUTHORIZATION_ENV } from '../config/authorization-env.provider';
import { CashierPromptRepository } from './cashier-prompt.repository';
import { PromptAnswerUseCase } from './prompt-answer.usecase';

const BATCH = 50;
const PASS_MS = 1_000;

/**
 * Prompts nobody answered in time: the register went away or the cashier walked off. Before the
 * host was asked, the operation is refused; after a partial approval, the approved part is given
 * back by a reversal. Only one of the answer and the expiry closes a prompt.
 */
@Injectable()
export class PromptExpiryWorker implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(PromptExpiryWorker.name);
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;

  constructor(
    private readonly prompts: CashierPromptRepository,
    private readonly answers: PromptAnswerUseCase,
    @Inject(AUTHORIZATION_ENV) private readonly env: AuthorizationEnv,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.runOnce(), PASS_MS);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }

  runOnce(now = new Date()): Promise<void> {
    this.running ??= this.expire(now)
      .catch((error: unknown) => this.logger.error(`prompt expiry pass failed: ${error instanceof Error ? error.message : String(error)}`))
      .finally(() => (this.running = undefined));
    return this.running;
  }

  /** Nothing expired (the idle platform): the pass is one plain statement. */
  private async expire(now: Date): Promise<void> {
    if (!(await this.prompts.hasExpired(now))) return;
    for (const prompt of await this.prompts.findExpired(now, BATCH)) {
      const reason = `the cashier did not answer "${prompt.text}" within ${this.env.AUTHORIZATION_PROMPT_TIMEOUT_MS} ms`;
      const resumed = await this.prompts.resume(prompt.id, '', reason, 'expired');
      if (resumed) await this.answers.goOn(resumed, '', reason);
    }
  }
}
