import { Inject, Injectable, OnModuleInit } from '@nestjs/common';

import { promptAnswerV1 } from '@payments/contracts';
import { MessageBus } from '@payments/messaging';
import { MESSAGE_BUS } from '@payments/runtime';

import { PromptAnswerUseCase } from './prompt-answer.usecase';

/** Serves `authorization.prompt-answer.v1`: thin, the rules are in the use case. */
@Injectable()
export class PromptAnswerConsumer implements OnModuleInit {
  constructor(
    @Inject(MESSAGE_BUS) private readonly bus: MessageBus,
    private readonly answers: PromptAnswerUseCase,
  ) {}

  async onModuleInit(): Promise<void> {
    await this.bus.serve(promptAnswerV1, (message) => this.answers.execute(message.value), { group: 'authorization.prompt-answer', maxAttempts: 1 });
  }
}
