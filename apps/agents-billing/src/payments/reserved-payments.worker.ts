import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';

import { PassScheduler } from '@payments/runtime';

import { AgentPaymentRepository } from './agent-payment.repository';
import { PayPayeeUseCase } from './pay-payee.usecase';

const BATCH = 100;
/** A reservation this old was left by a process that stopped: a live payment posts within milliseconds. */
export const STALE_AFTER_MS = 30_000;
const PASS_MS = 10_000;
const SAFETY_MS = 60_000;

/**
 * Finishes the payments a stopped process reserved but did not mark posted (killed between the
 * reservation and the ledger, or between the ledger and the mark): their stored chain is posted,
 * or held and forwarded for a payee with a gateway (the ledger answers a chain it already wrote
 * with what it wrote; the payee pays a payment id once) or, refused, released, so no
 * reservation holds a node's daily limit for good and every posted chain gets its events.
 */
@Injectable()
export class ReservedPaymentsWorker implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(ReservedPaymentsWorker.name);
  private readonly passes = new PassScheduler(() => this.runOnce(), { minGapMs: PASS_MS, maxGapMs: SAFETY_MS });

  constructor(
    private readonly payments: AgentPaymentRepository,
    private readonly payPayee: PayPayeeUseCase,
  ) {}

  onApplicationBootstrap(): void {
    this.passes.start();
  }

  onApplicationShutdown(): Promise<void> {
    return this.passes.stop();
  }

  /** One pass; resolves to when the next is due (soon again while a full batch was found). */
  async runOnce(now = new Date()): Promise<Date | undefined> {
    try {
      const stale = await this.payments.staleReservations(new Date(now.getTime() - STALE_AFTER_MS), BATCH);
      for (const payment of stale) {
        const outcome = await this.payPayee.post(payment, now);
        const state = 'payment' in outcome ? outcome.payment.status : `refused (${outcome.kind})`;
        this.logger.warn(`payment ${payment.id} of node ${payment.nodeId}, left reserved, is now ${state}`);
      }
      return stale.length === BATCH ? new Date(now.getTime() + PASS_MS) : undefined;
    } catch (error) {
      this.logger.error(`reserved payments pass failed: ${error instanceof Error ? error.message : String(error)}`);
      return new Date(Date.now() + PASS_MS);
    }
  }
}
