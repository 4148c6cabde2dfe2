import { Inject, Injectable, OnModuleInit } from '@nestjs/common';

import { TopicContract, transactionAuthorizedV1, transactionReversedV1 } from '@payments/contracts';
import { MessageBus } from '@payments/messaging';
import { MESSAGE_BUS } from '@payments/runtime';

import { TRANSACTION_EVENT_BATCHES } from '../events/transaction-event.batches';
import { CountedFields, Effect, incrementsOf } from './terminal-totals.increments';
import { TerminalTotalsRepository } from './terminal-totals.repository';

/**
 * Keeps each terminal's day total, once per event however often it is delivered. An approved
 * operation that moves money is added: debits (purchase, cash, completion) add, credits (refund,
 * top-up, the cancel of a debit) subtract; preauthorizations, balances and card reads move
 * nothing. A reversed one (authorization sends it only for what it had announced as authorized)
 * is taken back out, count and amount. A batch that keeps failing is split by the bus, so an event
 * the database refuses goes to the dead-letter topic and the others are counted.
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

  private count<T extends CountedFields>(topic: TopicContract<T>, group: string, effect: Effect): Promise<void> {
    return this.bus.subscribeBatch(
      topic,
      async (messages) => {
        await this.totals.count(incrementsOf(messages, group, effect));
      },
      { group, ...TRANSACTION_EVENT_BATCHES },
    );
  }
}
