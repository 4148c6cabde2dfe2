import { Inject, Injectable, OnModuleInit } from '@nestjs/common';

import { authorizeV1 } from '@payments/contracts';
import { MessageBus } from '@payments/messaging';
import { MESSAGE_BUS } from '@payments/runtime';

import { AuthorizeCardOperationUseCase } from './authorize-card-operation.usecase';

/** Serves `authorization.authorize.v1`: thin, the rules are in the use case. */
@Injectable()
export class AuthorizeConsumer implements OnModuleInit {
  constructor(
    @Inject(MESSAGE_BUS) private readonly bus: MessageBus,
    private readonly cardOperations: AuthorizeCardOperationUseCase,
  ) {}

  async onModuleInit(): Promise<void> {
    await this.bus.serve(authorizeV1, (message) => this.cardOperations.execute(message.value), { group: 'authorization.authorize', maxAttempts: 1 });
  }
}
