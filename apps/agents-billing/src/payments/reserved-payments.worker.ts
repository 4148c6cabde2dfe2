import { Injectable } from '@nestjs/common';

import { ScheduledPass } from '@payments/runtime';

import type { AgentPayment } from './agent-payment';
import { AgentPaymentRepository } from './agent-payment.repository';
import { PayPayeeUseCase } from './pay-payee.usecase';
import { nextCheckAfterMs } from './payment-forwarding';

const BATCH = 100;
/** A reservation this old was left by a process that stopped: a live payment posts within milliseconds. */
export const STALE_AFTER_MS = 30_000;
const PASS_MS = 10_000;
const SAFETY_MS = 60_000;

/**
 * Finishes the payments a stopped process reserved but did not mark posted (killed between the
 * reservation and the ledger, or between the ledger and the mark): their stored chain is posted,
 * or held and forwarded for a payee with a gateway (the ledger answers a chain it already wrote
 * with what it wrote; the payee pays a payment id once) or, refused, released, so no reservation
 * holds a node's daily limit for good and every posted chain gets its events. In the same pass,
 * resolves the payments whose payee's answer is unknown (no answer by the deadline, the gateway
 * down, a badly signed answer) when they are due: their status asked, their held chain posted or
 * voided by the answer, one the payee never received sent again under its id.
 */
@Injectable()
export class ReservedPaymentsWorker extends ScheduledPass {
  constructor(
    private readonly payments: AgentPaymentRepository,
    private readonly payPayee: PayPayeeUseCase,
  ) {
    super({ name: 'reserved payments', minGapMs: PASS_MS, maxGapMs: SAFETY_MS, retryAfterMs: PASS_MS });
  }

  /** One pass; resolves to when the next is due (soon again while a full batch was found, else the next unknown payment's status query). */
  protected async pass(now: Date): Promise<Date | undefined> {
    const stale = await this.payments.staleReservations(new Date(now.getTime() - STALE_AFTER_MS), BATCH);
    for (const payment of stale) {
      await this.each(payment, undefined, async () => {
        const outcome = await this.payPayee.post(payment, now);
        const state = 'payment' in outcome ? outcome.payment.status : `refused (${outcome.kind})`;
        this.logger.warn(`payment ${payment.id} of node ${payment.nodeId}, left reserved, is now ${state}`);
      });
    }
    const unknown = await this.payments.duePending(now, BATCH);
    for (const payment of unknown) {
      await this.each(payment, now, async () => {
        const resolved = await this.payPayee.resolve(payment, now);
        if (resolved.status !== 'pending')
          this.logger.log(`payment ${payment.id} to ${payment.payeeId}, unknown after ${payment.gatewayAttempts} call(s), is now ${resolved.status}`);
      });
    }
    if (stale.length === BATCH || unknown.length === BATCH) return new Date(now.getTime() + PASS_MS);
    return await this.payments.nextGatewayCheckAt(); // within the scheduler's gaps: 10 s at the least, a minute at the most
  }

  /**
   * One payment's step: one that fails is logged and never blocks the others of the pass. A pending
   * one (`recheckFrom`) is asked again later, its cause `ledger_error`; a reservation stays as it is
   * (its hold may not be written: it is not made pending) for the next pass.
   */
  private async each(payment: AgentPayment, recheckFrom: Date | undefined, step: () => Promise<void>): Promise<void> {
    try {
      await step();
    } catch (error) {
      this.logger.error(`payment ${payment.id} of node ${payment.nodeId} not settled in this pass: ${error instanceof Error ? error.message : String(error)}`);
      if (!recheckFrom) return;
      try {
        await this.payments.markUnknown(payment.id, 'ledger_error', new Date(recheckFrom.getTime() + nextCheckAfterMs(payment.gatewayAttempts)));
      } catch (markError) {
        this.logger.error(`payment ${payment.id}: its next check not pushed back: ${markError instanceof Error ? markError.message : String(markError)}`);
      }
    }
  }
}
