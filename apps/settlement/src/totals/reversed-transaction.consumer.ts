import { Inject, Injectable, OnModuleInit } from '@nestjs/common';

import { transactionReversedV1 } from '@payments/contracts';
import { Inbox, MessageBus, runOnce } from '@payments/messaging';
import { MESSAGE_BUS } from '@payments/runtime';

import { TerminalTotalsRepository } from './terminal-totals.repository';

const CONSUMER = 'settlement.terminal-totals-reversals';

/**
 * Takes a reversed operation back out of its terminal's day total (count and amount), once,
 * however often it is delivered: the mirror of ApprovedTransactionConsumer. Authorization sends
 * it only for operations it had announced as authorized, so only what was counted is taken out.
 */
@Injectable()
export class ReversedTransactionConsumer implements OnModuleInit {
  private readonly inbox = new Inbox('settlement');

  constructor(
    @Inject(MESSAGE_BUS) private readonly bus: MessageBus,
    private readonly totals: TerminalTotalsRepository,
  ) {}

  async onModuleInit(): Promise<void> {
    await this.bus.subscribe(
      transactionReversedV1,
      async (message) => {
        const direction = message.value.direction ?? 'debit';
        if (direction === 'none') return;
        const amount = BigInt(message.value.amountMinor);
        await runOnce(this.totals.db, this.inbox, message, CONSUMER, (tx) =>
          this.totals.takeBack(tx, message.value.businessDay, message.value.terminalId, message.value.currency, direction === 'debit' ? amount : -amount),
        );
      },
      { group: CONSUMER },
    );
  }
}
