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
    // The caller's deadline goes to the core: past it the host is not asked (the caller has given up).
    this.rpc.serve(authorizeRpc, (request, context) => this.cardOperations.execute(request, { deadlineAt: context.deadlineAt }));
  }
}
