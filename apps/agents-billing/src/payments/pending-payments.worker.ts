import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';

import { PassScheduler } from '@payments/runtime';

import { AgentPaymentRepository } from './agent-payment.repository';
import { PaymentForwarding } from './payment-forwarding';

const BATCH = 50;
const PASS_MS = 5_000;
const SAFETY_MS = 30_000;

/**
 * Resolves the payments whose payee's answer is unknown (no answer by the deadline, the gateway
 * down, a badly signed answer): asks the payee's gateway for each one's status when it is due
 * (5 s after the first unknown, doubling up to every 5 minutes) and posts or voids its held chain
 * by the answer; a payment the payee never received is sent again under the same id.
 */
@Injectable()
export class PendingPaymentsWorker implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(PendingPaymentsWorker.name);
  private readonly passes = new PassScheduler(() => this.runOnce(), { minGapMs: PASS_MS, maxGapMs: SAFETY_MS });

  constructor(
    private readonly payments: AgentPaymentRepository,
    private readonly forwarding: PaymentForwarding,
  ) {}

  onApplicationBootstrap(): void {
    this.passes.start();
  }

  onApplicationShutdown(): Promise<void> {
    return this.passes.stop();
  }

  /** One pass over the due payments; resolves to when the next is due (soon again while a full batch was found). */
  async runOnce(now = new Date()): Promise<Date | undefined> {
    try {
      const due = await this.payments.duePending(now, BATCH);
      for (const payment of due) {
        const resolved = await this.forwarding.resolve(payment, now);
        if (resolved.status !== 'pending')
          this.logger.log(`payment ${payment.id} to ${payment.payeeId}, unknown after ${payment.gatewayAttempts} call(s), is now ${resolved.status}`);
      }
      return due.length === BATCH ? new Date(now.getTime() + PASS_MS) : undefined;
    } catch (error) {
      this.logger.error(`pending payments pass failed: ${error instanceof Error ? error.message : String(error)}`);
      return new Date(Date.now() + PASS_MS);
    }
  }
}
