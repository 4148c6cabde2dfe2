import { actionAuditedV1 } from '@payments/contracts';
import type { AuditLine, AuditSink } from '@payments/identity';
import type { MessageBus } from '@payments/messaging';

/** A service's audit lines, published for the gateway to append (operator.action.audited.v1, keyed by actor). */
export class BusAuditSink implements AuditSink {
  constructor(private readonly bus: MessageBus) {}

  async record(line: AuditLine): Promise<void> {
    await this.bus.publish(actionAuditedV1, line, { key: line.actorId, id: line.id });
  }
}
