import { Inject, Injectable, OnModuleInit } from '@nestjs/common';

import { TopicContract, transactionAuthorizedV1, transactionReversedV1 } from '@payments/contracts';
import { MessageBus } from '@payments/messaging';
import { MESSAGE_BUS } from '@payments/runtime';

import { BusinessDayCalendar } from '../business-day/business-day.calendar';
import { TRANSACTION_EVENT_BATCHES } from '../events/transaction-event.batches';
import { LineEvent, LineFields, linesOf } from './settlement-line';
import { SettlementLineRepository } from './settlement-line.repository';

/**
 * Turns each money-moving transaction event into one settlement line: approvals as they are,
 * reversals the other way. A batch the database refuses is split by the bus, so one bad event
 * goes to the dead-letter topic and the others are recorded.
 */
@Injectable()
export class SettlementLinesConsumer implements OnModuleInit {
  constructor(
    @Inject(MESSAGE_BUS) private readonly bus: MessageBus,
    private readonly lines: SettlementLineRepository,
    private readonly calendar: BusinessDayCalendar,
  ) {}

  async onModuleInit(): Promise<void> {
    await this.record(transactionAuthorizedV1, 'settlement.lines', 'authorized');
    await this.record(transactionReversedV1, 'settlement.lines-reversals', 'reversed');
  }

  private record<T extends LineFields>(topic: TopicContract<T>, group: string, event: LineEvent): Promise<void> {
    return this.bus.subscribeBatch(
      topic,
      async (messages) => {
        await this.lines.record(linesOf(messages, event, this.calendar));
      },
      { group, ...TRANSACTION_EVENT_BATCHES },
    );
  }
}
