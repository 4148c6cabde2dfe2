import { Inject, Injectable, OnModuleInit } from '@nestjs/common';

import { transactionAuthorizedV1 } from '@payments/contracts';
import { Inbox, MessageBus, runOnce } from '@payments/messaging';
import { MESSAGE_BUS } from '@payments/runtime';

import { TerminalTotalsRepository } from './terminal-totals.repository';

const CONSUMER = 'settlement.terminal-totals';

/**
 * Adds each approved operation that moves money to its terminal's day total, once, however often
 * it is delivered: debits (purchase, cash, completion) add, credits (refund, top-up, the cancel
 * of a debit) subtract. Preauthorizations, balances and card reads move nothing.
 */
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
        const direction = message.value.direction ?? 'debit';
        if (direction === 'none') return;
        const amount = BigInt(message.value.amountMinor);
        await runOnce(this.totals.db, this.inbox, message, CONSUMER, (tx) =>
          this.totals.add(tx, message.value.businessDay, message.value.terminalId, message.value.currency, direction === 'debit' ? amount : -amount),
        );
      },
      { group: CONSUMER },
    );
  }
}
