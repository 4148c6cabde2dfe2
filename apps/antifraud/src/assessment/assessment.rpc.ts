import { Inject, Injectable, OnModuleInit } from '@nestjs/common';

import { assessRpc } from '@payments/contracts';
import type { Rpc } from '@payments/rpc';
import { RPC } from '@payments/runtime';

import { AssessTransactionUseCase } from './assess-transaction.usecase';

/** Serves AntifraudService/Assess: thin, the rules are in the use case. */
@Injectable()
export class AssessmentRpc implements OnModuleInit {
  constructor(
    @Inject(RPC) private readonly rpc: Rpc,
    private readonly assess: AssessTransactionUseCase,
  ) {}

  onModuleInit(): void {
    this.rpc.serve(assessRpc, (request) => this.assess.execute(request));
  }
}
