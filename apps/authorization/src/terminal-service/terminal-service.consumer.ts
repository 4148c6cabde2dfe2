import { Inject, Injectable, OnModuleInit } from '@nestjs/common';

import { terminalServiceV1 } from '@payments/contracts';
import { MessageBus } from '@payments/messaging';
import { MESSAGE_BUS } from '@payments/runtime';

import { TerminalServiceUseCase } from './terminal-service.usecase';

/** Serves `authorization.terminal-service.v1`. */
@Injectable()
export class TerminalServiceConsumer implements OnModuleInit {
  constructor(
    @Inject(MESSAGE_BUS) private readonly bus: MessageBus,
    private readonly services: TerminalServiceUseCase,
  ) {}

  async onModuleInit(): Promise<void> {
    await this.bus.serve(terminalServiceV1, (message) => this.services.execute(message.value), { group: 'authorization.terminal-service', maxAttempts: 1 });
  }
}
