import { Inject, Injectable, OnModuleInit } from '@nestjs/common';

import { TopicContract, transactionAuthorizedV1, transactionReversedV1 } from '@payments/contracts';
import { MessageBus } from '@payments/messaging';
import { MESSAGE_BUS } from '@payments/runtime';

import { BusinessDayCalendar } from '../business-day/business-day.calendar';
import { LineEvent, LineFields, linesOf } from '../lines/settlement-line';
import { SettlementLineRepository } from '../lines/settlement-line.repository';
import { CountedFields, Effect, incrementsOf } from '../totals/terminal-totals.increments';
import { countedIntoTotals, registerTotalsMetrics } from '../totals/terminal-totals.metrics';
import { TerminalTotalsRepository } from '../totals/terminal-totals.repository';

/**
 * Totals and lines are not on the register's path: transaction events are taken in batches of up
 * to 200, and after a short batch the consumer waits 80 ms for more, so what settlement keeps lags
 * its events by about that much at most.
 */
export const TRANSACTION_EVENT_BATCHES = { maxBatchSize: 200, lingerMs: 80 } as const;

/**
 * Settlement's one consumer of each transaction topic: a batch of events updates the terminals'
 * day totals and records the settlement lines, one statement each. Both are idempotent on their
 * own (the totals by the inbox of the group, the lines by their key), so a batch delivered again
 * after either was written changes nothing twice. One consumer group per topic, not one per topic
 * and purpose, halves what the broker serves settlement. Approvals add to the totals and are lines
 * as they are; reversals (sent only for what was announced as authorized) take them back out and
 * are lines the other way. A batch that keeps failing is split by the bus, so an event the
 * database refuses goes to the dead-letter topic and the others are kept.
 */
@Injectable()
export class TransactionEventsConsumer implements OnModuleInit {
  constructor(
    @Inject(MESSAGE_BUS) private readonly bus: MessageBus,
    private readonly totals: TerminalTotalsRepository,
    private readonly lines: SettlementLineRepository,
    private readonly calendar: BusinessDayCalendar,
  ) {}

  async onModuleInit(): Promise<void> {
    registerTotalsMetrics();
    // Each topic keeps the consumer group (and inbox name) the totals always had.
    await this.consume(transactionAuthorizedV1, 'settlement.terminal-totals', 'add', 'authorized');
    await this.consume(transactionReversedV1, 'settlement.terminal-totals-reversals', 'takeBack', 'reversed');
  }

  private consume<T extends CountedFields & LineFields>(topic: TopicContract<T>, group: string, effect: Effect, event: LineEvent): Promise<void> {
    return this.bus.subscribeBatch(
      topic,
      async (messages) => {
        // Counted as soon as the totals took them: a batch delivered again (the lines failed, say)
        // finds them in the inbox and counts 0.
        countedIntoTotals(effect, await this.totals.count(incrementsOf(messages, group, effect)));
        await this.lines.record(linesOf(messages, event, this.calendar));
      },
      { group, ...TRANSACTION_EVENT_BATCHES },
    );
  }
}
