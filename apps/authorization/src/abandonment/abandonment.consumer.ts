import { Inject, Injectable, OnModuleInit } from '@nestjs/common';

import { abandonV1 } from '@payments/contracts';
import { MessageBus } from '@payments/messaging';
import { MESSAGE_BUS } from '@payments/runtime';

import { ABANDONMENT_CONSUMER, AbandonTransactionUseCase } from './abandon-transaction.usecase';

/** Serves `authorization.abandon.v1`: thin, the rules are in the use case. */
@Injectable()
export class AbandonmentConsumer implements OnModuleInit {
  constructor(
    @Inject(MESSAGE_BUS) private readonly bus: MessageBus,
    private readonly abandon: AbandonTransactionUseCase,
  ) {}

  async onModuleInit(): Promise<void> {
    await this.bus.subscribe(
      abandonV1,
      async (message) => {
        await this.abandon.execute(message);
      },
      { group: ABANDONMENT_CONSUMER },
    );
  }
}
