import { Inject, Injectable, OnModuleInit } from '@nestjs/common';

import { authorizeRpc } from '@payments/contracts';
import type { Rpc } from '@payments/rpc';
import { RPC } from '@payments/runtime';

import { AuthorizeCardOperationUseCase } from './authorize-card-operation.usecase';

/** Serves AuthorizationService/Authorize: thin, the rules are in the use case. */
@Injectable()
export class AuthorizeRpc implements OnModuleInit {
  constructor(
    @Inject(RPC) private readonly rpc: Rpc,
    private readonly cardOperations: AuthorizeCardOperationUseCase,
  ) {}

  onModuleInit(): void {
    // TODO(sync): pass deadlineAt (context.deadlineAt) once execute takes it, so the host is not asked after the caller gave up.
    this.rpc.serve(authorizeRpc, (request) => this.cardOperations.execute(request));
  }
}
