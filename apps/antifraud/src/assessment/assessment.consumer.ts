import { Inject, Injectable, OnModuleInit } from '@nestjs/common';

import { assessV1 } from '@payments/contracts';
import { MessageBus } from '@payments/messaging';
import { MESSAGE_BUS } from '@payments/runtime';

import { AssessTransactionUseCase } from './assess-transaction.usecase';

/** Serves `antifraud.assess.v1`. */
@Injectable()
export class AssessmentConsumer implements OnModuleInit {
  constructor(
    @Inject(MESSAGE_BUS) private readonly bus: MessageBus,
    private readonly assess: AssessTransactionUseCase,
  ) {}

  async onModuleInit(): Promise<void> {
    await this.bus.serve(assessV1, (message) => this.assess.execute(message.value), { group: 'antifraud.assess', maxAttempts: 1 });
  }
}
