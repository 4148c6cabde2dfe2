import { Inject, Injectable } from '@nestjs/common';

import { Ledger, LedgerError, type PostedTransferRequest, type Transfer } from '@payments/ledger';

import { AGENTS_BILLING_DB, AgentsBillingDb } from '../database/agents-billing-db.provider';
import { type AgentNode, blockedBy } from '../tree/agent-node';
import { AgentNodeRepository } from '../tree/agent-node.repository';
import { availableOf } from '../tree/node-balance';
import { addCashPostedEvent } from './cash-posted.outbox';
import { ChangeAccounts, changeBalanceOf } from './change-account';
import { ChangePins } from './change-pins';
import { maskedPhone, normalisePhoneNumber, phoneLast4 } from './phone-number';

/** keep: the agent's account to the change account; spend and pay-out: the change account to the agent's. */
export const CHANGE_MOVES = ['keep', 'spend', 'pay-out'] as const;
export type ChangeMove = (typeof CHANGE_MOVES)[number];

const EVENT_KIND = { keep: 'change-kept', spend: 'change-spent', 'pay-out': 'change-paid-out' } as const;

export interface ChangeCommand {
  /** The caller's id (the ledger transfer's): the same id and body again returns the first move; another body is refused. */
  readonly moveId: string;
  /** The agent (any node of the tree) at which the payer is. */
  readonly nodeId: string;
  /** The payer's phone number as typed; normalised to E.164. */
  readonly phone: string;
  readonly amount: bigint;
  /** Spend only: the payment the change goes toward (kept as the transfer's reference). */
  readonly paymentId?: string;
  /**
   * The payer's change PIN (4-6 digits, typed by the payer at the kiosk): the first keep for a
   * phone and currency sets it; a later keep needs none (one given must match); spend and pay-out
   * need it. Never logged, stored in clear or answered.
   */
  readonly pin?: string;
  /** An operator acting for the payer in a branch (audited by operator key): no PIN asked. */
  readonly byOperator?: boolean;
}

export type ChangeOutcome =
  | { readonly kind: 'moved'; readonly transfer: Transfer; readonly node: AgentNode; readonly maskedPhone: string; readonly changeBalance: bigint }
  | { readonly kind: 'invalid_phone'; readonly reason: string }
  | { readonly kind: 'not_found' }
  | { readonly kind: 'blocked'; readonly blockedNodeId: string }
  /** keep: the agent's balance plus credit limit does not cover the amount. */
  | { readonly kind: 'agent_limit_exceeded'; readonly available: bigint }
  /** spend, pay-out: more than the change account holds. */
  | { readonly kind: 'change_insufficient'; readonly changeBalance: bigint }
  | { readonly kind: 'id_reused' }
  /** A terminal's spend or pay-out, or the first keep of a phone, without the PIN. */
  | { readonly kind: 'pin_required' }
  | { readonly kind: 'pin_wrong' }
  /** Five wrong PINs in a row: no move until then. */
  | { readonly kind: 'locked'; readonly until: Date };

/**
 * A payer's change moved at an agent, as one ledger transfer under the caller's id (the ledger's
 * atomic check holds the agent's limit on keep and the change account's zero floor on spend and
 * pay-out), then its `agents.ledger.cash-posted.v1` with the phone's last four digits only (a retry
 * that finds the transfer posted writes the event again if the first attempt stopped before it).
 * Refused while the agent or an ancestor is blocked, unless the same move was already posted.
 */
@Injectable()
export class MoveChangeUseCase {
  constructor(
    private readonly nodes: AgentNodeRepository,
    private readonly ledger: Ledger,
    @Inject(AGENTS_BILLING_DB) private readonly db: AgentsBillingDb,
    private readonly accounts: ChangeAccounts,
    private readonly pins: ChangePins,
  ) {}

  async execute(move: ChangeMove, command: ChangeCommand): Promise<ChangeOutcome> {
    const phone = normalisePhoneNumber(command.phone);
    if (!phone.valid) return { kind: 'invalid_phone', reason: phone.reason };
    const ancestry = await this.nodes.ancestry(command.nodeId);
    const [node] = ancestry;
    if (!node) return { kind: 'not_found' };
    const change = this.accounts.of(phone.e164, node.currency);
    const keep = move === 'keep';
    const request: PostedTransferRequest = {
      id: command.moveId,
      debitAccountId: keep ? node.ledgerAccountId : change.id,
      creditAccountId: keep ? change.id : node.ledgerAccountId,
      amount: command.amount,
      currency: node.currency,
      reference: `${EVENT_KIND[move]} ${maskedPhone(phone.e164)}${command.paymentId ? ` toward payment ${command.paymentId}` : ''}`,
    };
    const blocked = blockedBy(ancestry);
    if (blocked && !(await this.alreadyPosted(request))) return { kind: 'blocked', blockedNodeId: blocked.id };
    const pinSet = await this.pins.isSet(change.id);
    const refusal = await this.pinRefusal(keep, pinSet, change.id, command);
    if (refusal) return refusal;
    await this.ledger.createAccounts([change]);
    let transfer: Transfer;
    try {
      transfer = await this.ledger.transfer(request);
    } catch (error) {
      if (!(error instanceof LedgerError)) throw error;
      if (error.code === 'id_reused_with_different_body') return { kind: 'id_reused' };
      if (error.code !== 'exceeds_credits') throw error;
      if (keep) return { kind: 'agent_limit_exceeded', available: availableOf(await this.ledger.account(node.ledgerAccountId)) };
      return { kind: 'change_insufficient', changeBalance: changeBalanceOf(await this.ledger.account(change.id)) };
    }
    if (keep && !pinSet && command.pin !== undefined) await this.pins.setIfNone(change.id, command.pin);
    await addCashPostedEvent(this.db, {
      transferId: transfer.id,
      kind: EVENT_KIND[move],
      nodeId: node.id,
      debitAccountId: request.debitAccountId,
      creditAccountId: request.creditAccountId,
      amount: transfer.amount,
      currency: transfer.currency,
      phoneLast4: phoneLast4(phone.e164),
      postedAt: transfer.createdAt,
    });
    const changeBalance = changeBalanceOf(await this.ledger.account(change.id));
    return { kind: 'moved', transfer, node, maskedPhone: maskedPhone(phone.e164), changeBalance };
  }

  /**
   * Keep: a PIN is set by the first keep (a terminal's must bring one), later ones need none but
   * one given must match. Spend and pay-out: the PIN, unless an operator acts. A holder without a
   * PIN (its change kept by an operator only) is answered as a wrong PIN, not counted.
   */
  private async pinRefusal(keep: boolean, pinSet: boolean, changeId: string, command: ChangeCommand): Promise<ChangeOutcome | undefined> {
    if (command.pin === undefined) {
      if (command.byOperator || (keep && pinSet)) return undefined;
      return { kind: 'pin_required' };
    }
    if (keep && !pinSet) return undefined;
    const check = await this.pins.check(changeId, command.pin);
    if (check.kind === 'right') return undefined;
    if (check.kind === 'locked') return { kind: 'locked', until: check.until };
    return { kind: 'pin_wrong' };
  }

  /** A replay of a move posted before the block answers as it did. */
  private async alreadyPosted(request: PostedTransferRequest): Promise<boolean> {
    const posted = await this.ledger.findTransfer(request.id);
    return posted?.debitAccountId === request.debitAccountId && posted.creditAccountId === request.creditAccountId && posted.amount === request.amount;
  }
}
