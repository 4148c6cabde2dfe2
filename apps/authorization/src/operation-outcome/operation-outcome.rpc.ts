import { Inject, Injectable, OnModuleInit } from '@nestjs/common';

import { operationOutcomeRpc } from '@payments/contracts';
import type { Rpc } from '@payments/rpc';
import { RPC } from '@payments/runtime';

import { OperationOutcomeUseCase } from './operation-outcome.usecase';

/** Serves AuthorizationService/GetOperationOutcome: thin, the rules are in the use case. */
@Injectable()
export class OperationOutcomeRpc implements OnModuleInit {
  constructor(
    @Inject(RPC) private readonly rpc: Rpc,
    private readonly outcomes: OperationOutcomeUseCase,
  ) {}

  onModuleInit(): void {
    this.rpc.serve(operationOutcomeRpc, (query) => this.outcomes.execute(query));
  }
}
