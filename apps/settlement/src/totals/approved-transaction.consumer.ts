import { Inject, Injectable, OnModuleInit } from '@nestjs/common';

import { transactionAuthorizedV1 } from '@payments/contracts';
import { Inbox, MessageBus, runOnce } from '@payments/messaging';
import { MESSAGE_BUS } from '@payments/runtime';

import { TerminalTotalsRepository } from './terminal-totals.repository';

const CONSUMER = 'settlement.terminal-totals';

/** Adds each approved purchase to its terminal's day total, once, however often it is delivered. */
@Injectable()
export class ApprovedTransactionConsumer implements OnModuleInit {
  private readonly inbox = new Inbox('settlement');

  constructor(
    @Inject(MESSAGE_BUS) private readonly bus: MessageBus,
    private readonly totals: TerminalTotalsRepository,
  ) {}

  async onModuleInit(): Promise<void> {
    await this.bus.subscribe(
      transactionAuthorizedV1,
      async (message) => {
        await runOnce(this.totals.db, this.inbox, message, CONSUMER, (tx) =>
          this.totals.add(tx, message.value.businessDay, message.value.terminalId, message.value.currency, BigInt(message.value.amountMinor)),
        );
      },
      { group: CONSUMER },
    );
  }
}
