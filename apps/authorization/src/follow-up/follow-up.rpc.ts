import { Inject, Injectable, OnModuleInit } from '@nestjs/common';

import { followUpRpc } from '@payments/contracts';
import type { Rpc } from '@payments/rpc';
import { RPC } from '@payments/runtime';

import { FollowUpUseCase } from './follow-up.usecase';

/** Serves AuthorizationService/FollowUp: thin, the rules are in the use case. */
@Injectable()
export class FollowUpRpc implements OnModuleInit {
  constructor(
    @Inject(RPC) private readonly rpc: Rpc,
    private readonly followUps: FollowUpUseCase,
  ) {}

  onModuleInit(): void {
    // The caller's deadline goes to the core: past it the host is not asked (the caller has given up).
    this.rpc.serve(followUpRpc, (request, context) => this.followUps.execute(request, { deadlineAt: context.deadlineAt }));
  }
}
