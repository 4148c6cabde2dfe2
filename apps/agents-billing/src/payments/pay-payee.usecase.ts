import { createHash } from 'node:crypto';

import { Injectable } from '@nestjs/common';

import { Ledger, LedgerError } from '@payments/ledger';

import { type PlatformAccountIds, PlatformAccounts, platformAccountIdsOf } from '../accounts/platform-accounts';
import type { PostedTransferEvent } from '../events/transfer-posted.outbox';
import { blockedBy } from '../tree/agent-node';
import { availableOf } from '../tree/node-balance';
import type { AgentPayment } from './agent-payment';
import { AgentPaymentRepository, type ReservationContext, type ReservationDecision } from './agent-payment.repository';
import { paymentChainOf } from './payment-chain';
import { businessDayOf, type LimitRefusal, paymentLimitRefusal } from './payment-limits';

export interface PayPayeeCommand {
  /** The caller's id: the same id and body again returns the first payment; another body is refused. */
  readonly paymentId: string;
  readonly nodeId: string;
  readonly payeeId: string;
  readonly amount: bigint;
  readonly currency: string;
  readonly now: Date;
}

/** Why a payment was refused before anything was posted. */
export type PaymentRefusal =
  | { readonly kind: 'blocked'; readonly blockedNodeId: string }
  | { readonly kind: 'unknown_payee' }
  | { readonly kind: 'currency_mismatch'; readonly nodeCurrency: string }
  | ({ readonly kind: 'limit_exceeded' } & LimitRefusal);

export type PayPayeeOutcome =
  { readonly kind: 'posted'; readonly payment: AgentPayment } | { readonly kind: 'not_found' } | { readonly kind: 'id_reused' } | PaymentRefusal;

/**
 * An agent's payment for a payee. 1. Reserve, under the node's row lock: the node and its ancestors
 * active, the payee known, the per-payment and daily limits, and the chain decided (payment and
 * every level's commission). 2. Post the chain as ONE linked ledger transfer: the agent's balance
 * plus credit limit is the ledger's atomic check; refused, nothing is posted and the reservation is
 * dropped. 3. Mark it posted with one event per transfer. A crash after 1 leaves a reservation that
 * a retry with the same id posts (the same chain: the ledger returns what it wrote).
 */
@Injectable()
export class PayPayeeUseCase {
  constructor(
    private readonly payments: AgentPaymentRepository,
    private readonly accounts: PlatformAccounts,
    private readonly ledger: Ledger,
  ) {}

  async execute(command: PayPayeeCommand): Promise<PayPayeeOutcome> {
    const accounts = platformAccountIdsOf(command.payeeId, command.currency);
    const request = { ...command, id: command.paymentId, requestHash: requestHashOf(command), businessDay: businessDayOf(command.now) };
    const reservation = await this.payments.reserve<PaymentRefusal>(request, (context) => this.decide(command, context, accounts));
    switch (reservation.kind) {
      case 'node_not_found':
        return { kind: 'not_found' };
      case 'refused':
        return reservation.refusal;
      case 'existing':
        if (!reservation.sameBody) return { kind: 'id_reused' };
        if (reservation.payment.status === 'posted') return { kind: 'posted', payment: reservation.payment };
        return this.post(reservation.payment, command.now);
      case 'reserved':
        return this.post(reservation.payment, command.now);
    }
  }

  private decide(
    command: PayPayeeCommand,
    { ancestry, plan, spentToday }: ReservationContext,
    accounts: PlatformAccountIds,
  ): ReservationDecision<PaymentRefusal> {
    const refuse = (refused: PaymentRefusal): ReservationDecision<PaymentRefusal> => ({ refused });
    const [payer] = ancestry;
    if (!payer) throw new Error(`node ${command.nodeId} was locked but has no row`);
    const blocked = blockedBy(ancestry);
    if (blocked) return refuse({ kind: 'blocked', blockedNodeId: blocked.id });
    if (payer.currency !== command.currency) return refuse({ kind: 'currency_mismatch', nodeCurrency: payer.currency });
    if (!plan) return refuse({ kind: 'unknown_payee' });
    const overLimit = paymentLimitRefusal(payer, command.amount, spentToday);
    if (overLimit) return refuse({ kind: 'limit_exceeded', ...overLimit });
    return { transfers: paymentChainOf({ paymentId: command.paymentId, ancestry, amount: command.amount, rules: plan.rules, accounts }) };
  }

  /**
   * Posts a reserved payment's stored chain (a reservation its process left behind): posted, or
   * refused by the ledger and released. The same as the caller's retry with the same id.
   */
  async post(payment: AgentPayment, now: Date): Promise<PayPayeeOutcome> {
    const reference = `payment ${payment.id}`;
    await this.accounts.ensure(payment.payeeId, payment.currency);
    try {
      await this.ledger.transferChain(
        payment.transfers.map(({ id, debitAccountId, creditAccountId, amount }) => ({
          id,
          debitAccountId,
          creditAccountId,
          amount,
          currency: payment.currency,
          reference,
        })),
      );
    } catch (error) {
      if (!(error instanceof LedgerError)) throw error; // unknown outcome: the reservation stays for a retry
      await this.payments.release(payment.id);
      if (error.code !== 'exceeds_credits') throw error;
      // Only the paying node's account has a limit in the chain.
      const payer = payment.transfers[0];
      return { kind: 'limit_exceeded', limit: 'credit', available: availableOf(await this.ledger.account(payer.debitAccountId)) };
    }
    const posted = await this.payments.markPosted(payment.id, now, (p) =>
      p.transfers.map((t): PostedTransferEvent => ({
        transferId: t.id,
        kind: t.kind,
        nodeId: t.nodeId,
        paymentId: p.id,
        debitAccountId: t.debitAccountId,
        creditAccountId: t.creditAccountId,
        amount: t.amount,
        currency: p.currency,
        postedAt: now,
      })),
    );
    return { kind: 'posted', payment: posted };
  }
}

/** The body a payment id stands for: the same id with another body is refused. */
function requestHashOf({ nodeId, payeeId, amount, currency }: PayPayeeCommand): string {
  return createHash('sha256')
    .update(JSON.stringify([nodeId, payeeId, amount.toString(), currency]))
    .digest('hex');
}
