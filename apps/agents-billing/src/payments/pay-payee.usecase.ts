import { createHash } from 'node:crypto';

import { Injectable } from '@nestjs/common';

import { Ledger, LedgerError } from '@payments/ledger';

import { type PlatformAccountIds, PlatformAccounts, platformAccountIdsOf } from '../accounts/platform-accounts';
import { payeeCheck, type PayeeRefusal } from '../payees/payee-check';
import { storedPayerAccount } from '../payees/payer-account';
import { blockedBy } from '../tree/agent-node';
import { availableOf } from '../tree/node-balance';
import type { AgentPayment } from './agent-payment';
import { AgentPaymentRepository, type ReservationContext, type ReservationDecision } from './agent-payment.repository';
import { chainEventsOf } from './chain-events';
import { paymentChainOf } from './payment-chain';
import { PaymentForwarding } from './payment-forwarding';
import { businessDayOf, type LimitRefusal, paymentLimitRefusal } from './payment-limits';

export interface PayPayeeCommand {
  /** The caller's id: the same id and body again returns the first payment; another body is refused. */
  readonly paymentId: string;
  readonly nodeId: string;
  readonly payeeId: string;
  readonly amount: bigint;
  readonly currency: string;
  /** The payer's account at the payee, checked against the payee's account format. */
  readonly account: string;
  readonly now: Date;
}

/** Why a payment was refused before anything was posted. */
export type PaymentRefusal =
  | { readonly kind: 'blocked'; readonly blockedNodeId: string }
  /** The payee is not in the catalogue. */
  | { readonly kind: 'unknown_payee' }
  /** The payee check refused: suspended, another currency, the account's format or check digits, the payee's amount limits. */
  | ({ readonly kind: 'payee_refused' } & PayeeRefusal)
  /** The payee is in the catalogue but has no commission plan. */
  | { readonly kind: 'no_commission_plan' }
  | { readonly kind: 'currency_mismatch'; readonly nodeCurrency: string }
  /** `fee`: the payer's fee the chain also debits, when there is one (only with the credit limit). */
  | ({ readonly kind: 'limit_exceeded'; readonly fee?: bigint } & LimitRefusal);

/**
 * posted: the chain is in the ledger; pending (through a gateway): held, the payee's answer not yet
 * known; returned: the payee refused it and the held chain was voided.
 */
export type PayPayeeOutcome =
  | { readonly kind: 'posted' | 'pending' | 'returned'; readonly payment: AgentPayment }
  | { readonly kind: 'not_found' }
  | { readonly kind: 'id_reused' }
  | PaymentRefusal;

const OUTCOME_OF_STATUS = { reserved: 'pending', pending: 'pending', posted: 'posted', refused: 'returned' } as const;

/**
 * An agent's payment for a payee. 1. Reserve, under the node's row lock: the node and its ancestors
 * active, the payee in the catalogue and its payee check passed (active, currency, the account's
 * format and check digits, the payee's amount limits), its commission plan, the node's per-payment
 * and daily limits, and the chain decided (payment, the payer's fee and every level's commission).
 * 2. Post the chain as ONE linked ledger transfer: the agent's balance plus credit limit (covering
 * the amount and the fee) is the ledger's atomic check; refused, nothing is posted and the
 * reservation is dropped. 3. Mark it posted with one event per transfer. To a payee with a
 * gateway, 2 holds the chain (pending transfers) and 3 is the gateway's answer (PaymentForwarding). A crash after 1 leaves a reservation that
 * a retry with the same id posts (the same chain: the ledger returns what it wrote).
 */
@Injectable()
export class PayPayeeUseCase {
  constructor(
    private readonly payments: AgentPaymentRepository,
    private readonly accounts: PlatformAccounts,
    private readonly ledger: Ledger,
    private readonly forwarding: PaymentForwarding,
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
        if (reservation.payment.status === 'posted' || reservation.payment.status === 'refused') return outcomeOf(reservation.payment);
        if (reservation.payment.status === 'pending') return outcomeOf(await this.forwarding.resolve(reservation.payment, command.now));
        return this.post(reservation.payment, command.now);
      case 'reserved':
        return this.post(reservation.payment, command.now);
    }
  }

  private decide(
    command: PayPayeeCommand,
    { ancestry, payee, plan, spentToday }: ReservationContext,
    accounts: PlatformAccountIds,
  ): ReservationDecision<PaymentRefusal> {
    const refuse = (refused: PaymentRefusal): ReservationDecision<PaymentRefusal> => ({ refused });
    const [payer] = ancestry;
    if (!payer) throw new Error(`node ${command.nodeId} was locked but has no row`);
    const blocked = blockedBy(ancestry);
    if (blocked) return refuse({ kind: 'blocked', blockedNodeId: blocked.id });
    if (payer.currency !== command.currency) return refuse({ kind: 'currency_mismatch', nodeCurrency: payer.currency });
    if (!payee) return refuse({ kind: 'unknown_payee' });
    const check = payeeCheck(payee, command);
    if (!check.payable) return refuse({ kind: 'payee_refused', ...check.refusal });
    if (!plan) return refuse({ kind: 'no_commission_plan' });
    const overLimit = paymentLimitRefusal(payer, command.amount, spentToday);
    if (overLimit) return refuse({ kind: 'limit_exceeded', ...overLimit });
    const fee = check.fee ?? 0n;
    const transfers = paymentChainOf({ paymentId: command.paymentId, ancestry, amount: command.amount, fee, rules: plan.rules, accounts });
    return { transfers, viaGateway: Boolean(payee.gateway) };
  }

  /**
   * Posts a reserved payment's stored chain (a reservation its process left behind): posted, or
   * refused by the ledger and released. The same as the caller's retry with the same id. Through a
   * payee's gateway the chain is held (pending transfers) and the payment forwarded.
   */
  async post(payment: AgentPayment, now: Date): Promise<PayPayeeOutcome> {
    const reference = `payment ${payment.id}`;
    await this.accounts.ensure(payment.payeeId, payment.currency);
    try {
      await this.ledger.transferChain(
        payment.viaGateway
          ? PaymentForwarding.holdOf(payment)
          : payment.transfers.map(({ id, debitAccountId, creditAccountId, amount }) => ({
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
      // Only the paying node's account has a limit in the chain (debited the amount and the fee).
      const payer = payment.transfers[0];
      const available = availableOf(await this.ledger.account(payer.debitAccountId));
      const fee = payment.transfers.find((t) => t.kind === 'fee')?.amount;
      return { kind: 'limit_exceeded', limit: 'credit', available, ...(fee === undefined ? {} : { fee }) };
    }
    if (payment.viaGateway) return outcomeOf(await this.forwarding.forward(payment, now));
    return { kind: 'posted', payment: await this.payments.markPosted(payment.id, (p) => chainEventsOf(p, p.postedAt ?? now)) };
  }

  /** A forwarded payment whose payee's answer is unknown: asked by status, then posted or voided (still pending while unknown). */
  resolve(payment: AgentPayment, now: Date): Promise<AgentPayment> {
    return this.forwarding.resolve(payment, now);
  }
}

const outcomeOf = (payment: AgentPayment): PayPayeeOutcome => ({ kind: OUTCOME_OF_STATUS[payment.status], payment });

/** The body a payment id stands for: the same id with another body is refused (a card number as kept: masked, never hashed whole). */
function requestHashOf({ nodeId, payeeId, amount, currency, account }: PayPayeeCommand): string {
  return createHash('sha256')
    .update(JSON.stringify([nodeId, payeeId, amount.toString(), currency, storedPayerAccount(account)]))
    .digest('hex');
}
