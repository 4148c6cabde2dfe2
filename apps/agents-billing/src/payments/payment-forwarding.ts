import { Inject, Injectable, Logger } from '@nestjs/common';

import { Ledger, LedgerError, type TransferRequest } from '@payments/ledger';

import { namedId } from '../accounts/named-id';
import { PAYEE_GATEWAY, type GatewayPaymentResult, type PayeeGateway, type PayeeGatewaySettings } from '../gateways/payee-gateway';
import { PayeeGatewayHealth } from '../gateways/payee-gateway-health';
import { payeeTextOf } from '../gateways/payee-text';
import { PayeeRepository } from '../payees/payee.repository';
import type { AgentPayment } from './agent-payment';
import { AgentPaymentRepository } from './agent-payment.repository';
import { chainEventsOf } from './chain-events';
import type { ChainTransfer } from './payment-chain';

/**
 * How long the ledger holds a forwarded payment's chain (pending transfers) at most: a last resort
 * only. The reserved payments worker resolves an unknown outcome long before; nothing in this
 * service sweeps expired holds (`Ledger.expirePending`), and one that expired anyway before the
 * payee answered paid leaves its payment pending with the cause `hold_expired_paid`, logged as an
 * error, for an operator.
 */
export const HOLD_TIMEOUT_SECONDS = 7 * 24 * 3600;
const FIRST_RECHECK_MS = 5_000;
const LAST_RECHECK_MS = 5 * 60_000;
/** A payment the ledger can no longer settle as the payee answered is asked again only daily: an operator must look at it. */
const CONTRADICTION_RECHECK_MS = 24 * 3600_000;

/** When to ask again after `attempts` unknown outcomes: 5 s, doubled each time, at most every 5 minutes. */
export const nextCheckAfterMs = (attempts: number): number => Math.min(FIRST_RECHECK_MS * 2 ** Math.min(attempts, 16), LAST_RECHECK_MS);

const postIdOf = (t: ChainTransfer): string => namedId(`post:${t.id}`);
const voidIdOf = (t: ChainTransfer): string => namedId(`void:${t.id}`);

/**
 * A payment through its payee's gateway, its chain held in the ledger (pending transfers): sent
 * by the platform's payment id (the payee pays an id once, however often it is sent), then paid:
 * the held transfers posted, with their events; declined: voided (the amount, the fee and the
 * commissions go back; nothing was ever posted) with a returned event; unknown (no answer by the
 * deadline, the gateway down, a bad signature): left pending and asked again later by status.
 * Every step is idempotent (ids derived from the chain's), so concurrent retries of one payment
 * settle it once.
 */
@Injectable()
export class PaymentForwarding {
  private readonly logger = new Logger(PaymentForwarding.name);

  constructor(
    private readonly payments: AgentPaymentRepository,
    private readonly payees: PayeeRepository,
    @Inject(PAYEE_GATEWAY) private readonly gateway: PayeeGateway,
    private readonly health: PayeeGatewayHealth,
    private readonly ledger: Ledger,
  ) {}

  /** The held chain as the ledger's pending transfers (the same requests again return what was written). */
  static holdOf(payment: AgentPayment): TransferRequest[] {
    return payment.transfers.map(({ id, debitAccountId, creditAccountId, amount }) => ({
      type: 'pending',
      id,
      debitAccountId,
      creditAccountId,
      amount,
      currency: payment.currency,
      reference: `payment ${payment.id}`,
      timeoutSeconds: HOLD_TIMEOUT_SECONDS,
    }));
  }

  /** Sends the held payment to its payee and settles it by the answer. */
  async forward(payment: AgentPayment, now: Date): Promise<AgentPayment> {
    return this.settle(payment, await this.ask(payment, (gateway) => this.gateway.pay(gateway, orderOf(payment))), now);
  }

  /** Asks the payee what became of a payment whose outcome is unknown; one the payee never received is sent again (same id). */
  async resolve(payment: AgentPayment, now: Date): Promise<AgentPayment> {
    let result = await this.ask(payment, (gateway) => this.gateway.status(gateway, payment.id));
    if (result.kind === 'not_found') result = await this.ask(payment, (gateway) => this.gateway.pay(gateway, orderOf(payment)));
    return this.settle(payment, result, now);
  }

  private async ask(payment: AgentPayment, call: (gateway: PayeeGatewaySettings) => Promise<GatewayPaymentResult>): Promise<GatewayPaymentResult> {
    // The gateway the payment was sent to, never the payee's current one (another gateway would not know it and pay it again).
    const gateway = payment.gateway ?? (await this.payees.find(payment.payeeId))?.gateway;
    if (!gateway) return { kind: 'unknown', cause: 'no_gateway' };
    return this.health.observe(payment.payeeId, gateway, await call(gateway));
  }

  private async settle(payment: AgentPayment, result: GatewayPaymentResult, now: Date): Promise<AgentPayment> {
    const reference = `payment ${payment.id}`;
    switch (result.kind) {
      case 'paid': {
        const held = await this.resolveHold(payment, 'post', postIdOf, reference);
        if (held === 'pending_expired' || held === 'pending_already_voided') return this.contradiction(payment, 'paid', held, now);
        return this.payments.markPosted(payment.id, (p) => chainEventsOf(p, p.postedAt ?? now, postIdOf));
      }
      case 'declined': {
        const held = await this.resolveHold(payment, 'void', voidIdOf, reference);
        if (held === 'pending_already_posted') return this.contradiction(payment, 'declined', held, now);
        // Masked before it is stored, published or shown: a payee may quote the payer's account or phone.
        const reason = payeeTextOf(result.reason, payment.account);
        return this.payments.markRefused(payment.id, reason, now, (p) => ({
          paymentId: p.id,
          nodeId: p.nodeId,
          payeeId: p.payeeId,
          amount: p.amount,
          fee: p.transfers.find((t) => t.kind === 'fee')?.amount ?? 0n,
          currency: p.currency,
          reason,
          returnedAt: now,
        }));
      }
      case 'not_found': // to a payment just sent: not the protocol, so not a decline
        return this.payments.markUnknown(payment.id, 'bad_answer', new Date(now.getTime() + nextCheckAfterMs(payment.gatewayAttempts)));
      case 'unknown':
        return this.payments.markUnknown(payment.id, result.cause, new Date(now.getTime() + nextCheckAfterMs(payment.gatewayAttempts)));
    }
  }

  /** Posts or voids the held chain; the ledger's answer when the hold was already resolved otherwise (expired, posted, voided). */
  private async resolveHold(
    payment: AgentPayment,
    type: 'post' | 'void',
    idOf: (t: ChainTransfer) => string,
    reference: string,
  ): Promise<ResolvedHold | undefined> {
    try {
      await this.ledger.transferChain(payment.transfers.map((t) => ({ type, id: idOf(t), pendingId: t.id, reference })));
      return undefined;
    } catch (error) {
      if (error instanceof LedgerError && RESOLVED_HOLD.includes(error.code as ResolvedHold)) return error.code as ResolvedHold;
      throw error;
    }
  }

  /**
   * The payee's answer and the ledger disagree (paid, but the hold expired or was voided; declined,
   * but the hold was posted): nothing is lost silently. The payment stays pending with a cause an
   * operator finds (`hold_expired_paid`, `hold_voided_paid`, `hold_posted_declined`), logged as an
   * error, and asked again only daily.
   */
  private async contradiction(payment: AgentPayment, answer: 'paid' | 'declined', held: ResolvedHold, now: Date): Promise<AgentPayment> {
    const cause = CONTRADICTION_CAUSES[held];
    this.logger.error(
      `payment ${payment.id} of node ${payment.nodeId} to ${payment.payeeId}: the payee answered ${answer} but the ledger says ${held}; left pending as ${cause} for an operator`,
    );
    return this.payments.markUnknown(payment.id, cause, new Date(now.getTime() + CONTRADICTION_RECHECK_MS));
  }
}

const RESOLVED_HOLD = ['pending_expired', 'pending_already_posted', 'pending_already_voided'] as const;
type ResolvedHold = (typeof RESOLVED_HOLD)[number];
const CONTRADICTION_CAUSES: Record<ResolvedHold, string> = {
  pending_expired: 'hold_expired_paid',
  pending_already_voided: 'hold_voided_paid',
  pending_already_posted: 'hold_posted_declined',
};

function orderOf(payment: AgentPayment) {
  // The account as stored: a card-shaped one is refused for a gateway payee at reservation, so this is the payer's account as sent.
  return { paymentId: payment.id, account: payment.account ?? '', amount: payment.amount, currency: payment.currency };
}
