import { Inject, Injectable, OnModuleInit } from '@nestjs/common';

import { actionAuditedV1 } from '@payments/contracts';
import { MessageBus } from '@payments/messaging';
import { MESSAGE_BUS } from '@payments/runtime';

import { AuditLogRepository } from './audit-log.repository';

/** Appends the audit lines other services publish; a line delivered again is kept once (by its id). */
@Injectable()
export class OperatorAuditConsumer implements OnModuleInit {
  constructor(
    @Inject(MESSAGE_BUS) private readonly bus: MessageBus,
    private readonly log: AuditLogRepository,
  ) {}

  async onModuleInit(): Promise<void> {
    await this.bus.subscribe(actionAuditedV1, ({ value }) => this.log.record({ ...value, before: value.before ?? null, after: value.after ?? null }), {
      group: 'gateway.operator-audit',
    });
  }
}
