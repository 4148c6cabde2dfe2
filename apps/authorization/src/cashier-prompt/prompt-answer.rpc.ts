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
    // TODO(sync): pass deadlineAt (context.deadlineAt) once execute takes it, so the host is not asked after the caller gave up.
    this.rpc.serve(answerPromptRpc, (request) => this.answers.execute(request));
  }
}
