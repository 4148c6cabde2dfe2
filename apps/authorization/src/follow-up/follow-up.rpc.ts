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
    // TODO(sync): pass deadlineAt (context.deadlineAt) once execute takes it, so the host is not asked after the caller gave up.
    this.rpc.serve(followUpRpc, (request) => this.followUps.execute(request));
  }
}
