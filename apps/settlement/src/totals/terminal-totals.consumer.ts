import { Inject, Injectable, OnModuleInit } from '@nestjs/common';

import { TopicContract, TransactionAuthorized, transactionAuthorizedV1, transactionReversedV1 } from '@payments/contracts';
import { MessageBus } from '@payments/messaging';
import { MESSAGE_BUS } from '@payments/runtime';

import { TerminalTotalsRepository } from './terminal-totals.repository';

type Effect = 'add' | 'takeBack';

/**
 * Keeps each terminal's day total, once per event however often it is delivered. An approved
 * operation that moves money is added: debits (purchase, cash, completion) add, credits (refund,
 * top-up, the cancel of a debit) subtract; preauthorizations, balances and card reads move
 * nothing. A reversed one (authorization sends it only for what it had announced as authorized)
 * is taken back out, count and amount.
 */
@Injectable()
export class TerminalTotalsConsumer implements OnModuleInit {
  constructor(
    @Inject(MESSAGE_BUS) private readonly bus: MessageBus,
    private readonly totals: TerminalTotalsRepository,
  ) {}

  async onModuleInit(): Promise<void> {
    // Each topic keeps the consumer group (and inbox name) it always had.
    await this.count(transactionAuthorizedV1, 'settlement.terminal-totals', 'add');
    await this.count(transactionReversedV1, 'settlement.terminal-totals-reversals', 'takeBack');
  }

  private count<T extends Pick<TransactionAuthorized, 'direction' | 'amountMinor' | 'businessDay' | 'terminalId' | 'currency'>>(
    topic: TopicContract<T>,
    group: string,
    effect: Effect,
  ): Promise<void> {
    return this.bus.subscribe(
      topic,
      async (message) => {
        const { direction = 'debit', amountMinor, businessDay, terminalId, currency } = message.value;
        if (direction === 'none') return;
        const amount = BigInt(amountMinor);
        await this.totals[effect]({ messageId: message.id, consumer: group }, businessDay, terminalId, currency, direction === 'debit' ? amount : -amount);
      },
      { group },
    );
  }
}
