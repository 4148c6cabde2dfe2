import { Injectable } from '@nestjs/common';

import type { AuthorizeReply, AuthorizeRequest, FollowUpRequest } from '@payments/contracts';

import { PARTIAL_APPROVAL } from '../acquirer/response-codes';
import type { Transaction } from '../generated/prisma/client';
import { inChannel } from './authorization.metrics';
import { profileOf } from '../operations/operation-profile';
import { CardOperationStep } from './card-operation.step';
import { CashierPromptStep } from './cashier-prompt.step';
import { DuplicateTransactionError } from './duplicate-transaction.error';
import { FollowUpStep } from './follow-up.step';
import type { ExecutionContext, OperationCommand } from './operation.command';
import { replyOf } from './operation-reply.mapper';
import { OperationRepository } from './operation.repository';
import { OutcomeRecorder } from './outcome.recorder';
import { followUpHashOf, requestHashOf } from './request-hash.util';

/**
 * The operation core's one entry point: every operation of every channel, as an audit trail.
 * Replay by (id, payload hash) first (a card operation's journal row is the check); then the attempt is journaled `pending` and goes through
 * its steps (card source or original, rules, risk check) to the rail. Every exit leaves a final
 * row or a prompt the cashier answers; the outcome is the register's reply (a domain outcome,
 * which each channel maps to its own shape).
 */
@Injectable()
export class ExecuteOperationUseCase {
  constructor(
    private readonly operations: OperationRepository,
    private readonly cardOperations: CardOperationStep,
    private readonly followUps: FollowUpStep,
    private readonly prompts: CashierPromptStep,
    private readonly outcomes: OutcomeRecorder,
  ) {}

  execute(command: OperationCommand, context: ExecutionContext = {}): Promise<AuthorizeReply> {
    return inChannel(command.kind === 'card' ? command.request.entryMode : 'follow_up', () => this.executeInChannel(command, context));
  }

  private async executeInChannel(command: OperationCommand, context: ExecutionContext): Promise<AuthorizeReply> {
    const requestHash = command.kind === 'card' ? requestHashOf(command.request) : followUpHashOf(command.request);
    if (command.kind === 'card') {
      // Journaled first, in one statement that writes nothing when the id is taken: then a replay.
      const reply = await this.cardOperations.start(command.request, requestHash, context);
      if (reply) return reply;
    }
    const existing = await this.operations.findById(command.request.transactionId);
    if (existing) return this.replay(existing, requestHash);
    if (command.kind === 'card') throw new DuplicateTransactionError(command.request.transactionId, 'a request whose journal row could not be written');
    return this.followUps.start(command.request, requestHash, context);
  }

  /** The cashier confirmed the card's last 4 digits: the operation goes on from the risk check. */
  resumeAfterLast4(request: AuthorizeRequest, last4: string, context?: ExecutionContext): Promise<AuthorizeReply> {
    return inChannel(request.entryMode, () => this.cardOperations.resumeAfterLast4(request, last4, context));
  }

  /** The cashier keyed the original's RRN: the refund goes on from its rules. */
  resumeWithRrn(request: FollowUpRequest, rrn: string, context?: ExecutionContext): Promise<AuthorizeReply> {
    return inChannel('follow_up', () => this.followUps.resumeWithRrn(request, rrn, context));
  }

  /** The cashier answered a partial approval: keep the approved part, or give it back by a reversal. */
  async resumeAfterPartialApproval(row: Transaction, accepted: boolean, why: string): Promise<AuthorizeReply> {
    const stan = row.stan ?? undefined;
    const rrn = row.rrn ?? undefined;
    if (accepted) {
      const approved = { stan, rrn, approvalCode: row.approvalCode ?? undefined, reason: `partial approval accepted by the cashier (${why})` };
      return replyOf(await this.outcomes.approve(row.id, approved, profileOf(row.operation).money));
    }
    const reason = `partial approval not taken: ${why}; reversal queued`;
    return replyOf(await this.outcomes.decline(row.id, { status: 'declined', responseCode: PARTIAL_APPROVAL, reason, stan, rrn }, { reason }));
  }

  /** Same id and body: the first outcome again; another body, or one still running, is refused. */
  private async replay(existing: Transaction, requestHash: string): Promise<AuthorizeReply> {
    if (existing.requestHash !== requestHash) throw new DuplicateTransactionError(existing.id, 'a different request');
    if (existing.status === 'pending') throw new DuplicateTransactionError(existing.id, 'a request still in progress');
    return this.prompts.replyOf(existing);
  }
}
