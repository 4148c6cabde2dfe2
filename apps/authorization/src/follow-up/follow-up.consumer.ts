import { Inject, Injectable, OnModuleInit } from '@nestjs/common';

import { followUpV1 } from '@payments/contracts';
import { MessageBus } from '@payments/messaging';
import { MESSAGE_BUS } from '@payments/runtime';

import { FollowUpUseCase } from './follow-up.usecase';

/** Serves `authorization.follow-up.v1`: thin, the rules are in the use case. */
@Injectable()
export class FollowUpConsumer implements OnModuleInit {
  constructor(
    @Inject(MESSAGE_BUS) private readonly bus: MessageBus,
    private readonly followUps: FollowUpUseCase,
  ) {}

  async onModuleInit(): Promise<void> {
    await this.bus.serve(followUpV1, (message) => this.followUps.execute(message.value), { group: 'authorization.follow-up', maxAttempts: 1 });
  }
}
