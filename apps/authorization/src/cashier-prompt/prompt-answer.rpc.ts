import { Inject, Injectable, OnModuleInit } from '@nestjs/common';

import { answerPromptRpc } from '@payments/contracts';
import type { Rpc } from '@payments/rpc';
import { RPC } from '@payments/runtime';

import { PromptAnswerUseCase } from './prompt-answer.usecase';

/** Serves AuthorizationService/AnswerPrompt: thin, the rules are in the use case. */
@Injectable()
export class PromptAnswerRpc implements OnModuleInit {
  constructor(
    @Inject(RPC) private readonly rpc: Rpc,
    private readonly answers: PromptAnswerUseCase,
  ) {}

  onModuleInit(): void {
    // The caller's deadline goes to the core: past it the host is not asked (the caller has given up).
    this.rpc.serve(answerPromptRpc, (request, context) => this.answers.execute(request, { deadlineAt: context.deadlineAt }));
  }
}
