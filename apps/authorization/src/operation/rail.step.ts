import { Inject, Injectable, Logger } from '@nestjs/common';

import { type AuthorizeReply, isReversedOnAbandonment } from '@payments/contracts';

import { PARTIAL_APPROVAL, RECEIVED_TOO_LATE } from '../acquirer/response-codes';
import type { Transaction } from '../generated/prisma/client';
import { CashierPromptStep } from './cashier-prompt.step';
import type { Direction } from './money-direction';
import type { ExecutionContext } from './operation.command';
import { replyOf } from './operation-reply.mapper';
import { OperationRepository } from './operation.repository';
import { OriginalRepository } from './original.repository';
import { Effects, OutcomeRecorder } from './outcome.recorder';
import { RAIL, type Rail, type RailOutcome, type RailReference, type RailRequest } from './ports/rail.port';

/** Where a partially approved amount is still what the customer wanted, if the cashier says so. */
const PARTIAL_OPERATIONS: ReadonlySet<string> = new Set(['purchase', 'preauthorization']);

/** An operation ready for its rail: every check before it passed, and a follow-up's amount is reserved. */
export interface RailSubject {
  readonly id: string;
  readonly terminalId: string;
  readonly request: RailRequest;
  readonly direction: Direction;
  /** A follow-up's original: what it reserved there is released on a refusal, settled on an approval. */
  readonly original?: Transaction;
  /** Why the risk check allowed it without a decision: journaled with an approval's reason. */
  readonly riskNote?: string;
}

/**
 * The last step of every operation: past the caller's deadline nothing is sent; otherwise the
 * rail is asked (its reference journaled first, so a reversal can name it) and its answer
 * recorded. An unknown answer queues exactly one reversal.
 */
@Injectable()
export class RailStep {
  private readonly logger = new Logger(RailStep.name);

  constructor(
    @Inject(RAIL) private readonly rail: Rail,
    private readonly operations: OperationRepository,
    private readonly outcomes: OutcomeRecorder,
    private readonly originals: OriginalRepository,
    private readonly prompts: CashierPromptStep,
  ) {}

  async ask(subject: RailSubject, context: ExecutionContext = {}): Promise<AuthorizeReply> {
    const { id } = subject;
    const release: Effects | undefined = subject.original ? (tx, row) => this.originals.release(tx, row) : undefined;
    if (context.deadlineAt !== undefined && Date.now() >= context.deadlineAt) {
      // The caller has given up: money moved now could never reach its register (README, register timeouts).
      const reason = `the caller gave up (deadline ${new Date(context.deadlineAt).toISOString()}) before the rail was asked; nothing was sent`;
      return replyOf(await this.outcomes.decline(id, { status: 'failed', responseCode: RECEIVED_TOO_LATE, reason }, undefined, release));
    }
    const prepared = await this.rail.prepare(subject.request);
    if (!prepared.ok) {
      return replyOf(await this.outcomes.decline(id, { status: 'declined', responseCode: prepared.responseCode, reason: prepared.reason }, undefined, release));
    }
    const { reference } = prepared.attempt;
    // A register that reported it gave up never learns the outcome: its money is not moved at all.
    if (!(await this.operations.recordRailReference(id, reference, isReversedOnAbandonment(subject.request.operation)))) {
      const reason = 'the register gave up (its report arrived) before the rail was asked; nothing was sent';
      return replyOf(await this.outcomes.decline(id, { status: 'failed', responseCode: RECEIVED_TOO_LATE, reason }, undefined, release));
    }
    const outcome = await this.rail.send(prepared.attempt);
    return this.record(subject, reference, outcome, release);
  }

  private async record(subject: RailSubject, reference: RailReference, outcome: RailOutcome, release?: Effects): Promise<AuthorizeReply> {
    const { id, original } = subject;
    const ref = { stan: reference.stan, rrn: reference.rrn };
    switch (outcome.kind) {
      case 'approved': {
        const settle: Effects | undefined = original ? (tx, row) => this.originals.settleOriginal(tx, row) : undefined;
        // A cancel the host approves without a code of its own keeps the original's (the receipt shows it).
        const approvalCode = outcome.approvalCode ?? (isCancel(subject.request) ? (original?.approvalCode ?? undefined) : undefined);
        const noted = subject.riskNote ? { reason: `approved by host; ${subject.riskNote}` } : {};
        return replyOf(await this.outcomes.approve(id, { ...ref, approvalCode, balanceMinor: outcome.balanceMinor, ...noted }, subject.direction, settle));
      }
      case 'declined':
        return replyOf(
          await this.outcomes.decline(
            id,
            { status: 'declined', responseCode: outcome.responseCode, reason: `host declined with ${outcome.responseCode}`, ...ref },
            undefined,
            release,
          ),
        );
      case 'partial':
        return this.partialApproval(subject, outcome, ref);
      case 'unknown':
        // The rail may have approved: the outcome is unknown and a reversal is queued (store and forward).
        this.logger.warn(`transaction ${id} unknown: ${outcome.reason}; reversal queued`);
        return replyOf(await this.outcomes.decline(id, { status: 'unknown', responseCode: '91', reason: outcome.reason, ...ref }, { reason: outcome.reason }));
    }
  }

  /**
   * The rail approved less than asked (ISO 8583 DE 39 = 10, the part in DE 4): the cashier decides.
   * Where a partial amount means nothing (cash, top-up, balance, and every follow-up: a part of a
   * cancel, refund or completion is not what the cashier asked) it is given back by one reversal;
   * a follow-up's original keeps its reservation until the host acknowledges that reversal.
   */
  private async partialApproval(
    subject: RailSubject,
    outcome: Extract<RailOutcome, { kind: 'partial' }>,
    ref: { stan: string; rrn: string },
  ): Promise<AuthorizeReply> {
    const { id, request } = subject;
    const requested = request.amountMinor;
    const approved = outcome.approvedMinor;
    const answered = { ...ref, approvalCode: outcome.approvalCode };
    if (request.kind === 'follow_up' || !PARTIAL_OPERATIONS.has(request.operation) || approved === undefined || approved <= 0n || approved >= requested) {
      const reason = `host answered a partial approval (${approved ?? 'no amount'} of ${requested}) a ${request.operation} cannot take; reversal queued`;
      return replyOf(await this.outcomes.decline(id, { status: 'declined', responseCode: PARTIAL_APPROVAL, reason, ...answered }, { reason }));
    }
    const row = { amountMinor: approved, responseCode: PARTIAL_APPROVAL, ...answered };
    return this.prompts.acceptPartialApproval(id, subject.terminalId, { approved, requested, currency: request.currency }, row);
  }
}

const isCancel = (request: RailRequest): boolean =>
  request.kind === 'follow_up' && (request.operation === 'cancel' || request.operation === 'emergency_cancel');
