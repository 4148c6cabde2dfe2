import { Inject, Injectable } from '@nestjs/common';

import type { AuthorizeReply, FollowUpRequest } from '@payments/contracts';

import { TerminalBatchRepository } from '../batch/terminal-batch.repository';
import type { Transaction } from '../generated/prisma/client';
import { CashierPromptStep } from './cashier-prompt.step';
import { decideFollowUp, type FollowUpDecision } from './follow-up.rules';
import { directionOf } from './money-direction';
import type { PendingEntry } from './operation-entry';
import type { ExecutionContext } from './operation.command';
import { replyOf } from './operation-reply.mapper';
import { DuplicateTransactionError } from './duplicate-transaction.error';
import { OperationRepository } from './operation.repository';
import { OriginalRepository } from './original.repository';
import { OutcomeRecorder } from './outcome.recorder';
import { CARD_SOURCE, type CardSource } from './ports/card-source.port';
import { RailStep } from './rail.step';

/**
 * The steps of a cancel, refund, completion or emergency cancel: find the original, check the
 * rules, reserve the amount on it, then the rail (which settles or releases the reservation).
 * A refused one is journaled `rejected` with the rule it broke, and the original is unchanged.
 */
@Injectable()
export class FollowUpStep {
  constructor(
    @Inject(CARD_SOURCE) private readonly cards: CardSource,
    private readonly operations: OperationRepository,
    private readonly outcomes: OutcomeRecorder,
    private readonly originals: OriginalRepository,
    private readonly batches: TerminalBatchRepository,
    private readonly prompts: CashierPromptStep,
    private readonly rail: RailStep,
  ) {}

  async start(request: FollowUpRequest, requestHash: string, context: ExecutionContext): Promise<AuthorizeReply> {
    const now = new Date();
    const batchNumber = await this.batches.openBatchNumber(request.terminalId, request.merchantId);
    const entry = { ...this.entryOf(request, requestHash, now), batchNumber };
    if (request.operation === 'refund' && !request.original) {
      // A refund that names no original: the cashier is asked for the RRN on the original receipt.
      await this.journal(entry);
      return this.prompts.enterOriginalRrn(request);
    }
    const original =
      request.operation === 'emergency_cancel'
        ? await this.originals.last(request.terminalId)
        : request.original
          ? await this.originals.find(request.terminalId, request.original)
          : null;
    const decision = decideFollowUp(request, original, batchNumber, now);
    await this.journal({
      ...entry,
      amountMinor: decision.ok ? decision.amountMinor : entry.amountMinor,
      currency: original?.currency ?? entry.currency,
      originalId: original?.id,
      card: cardOf(original),
    });
    return this.proceed(request, original, decision, context);
  }

  /** The cashier keyed the RRN of the original receipt: the refund goes on as if it had named it (pending again). */
  async resumeWithRrn(request: FollowUpRequest, rrn: string, context: ExecutionContext = {}): Promise<AuthorizeReply> {
    const original = await this.originals.findByRrn(request.terminalId, rrn);
    const batchNumber = await this.batches.openBatchNumber(request.terminalId, request.merchantId);
    const decision = decideFollowUp(request, original, batchNumber, new Date());
    if (original)
      await this.operations.attachOriginal(request.transactionId, {
        originalId: original.id,
        amountMinor: decision.ok ? decision.amountMinor : undefined,
        currency: original.currency,
        card: cardOf(original),
      });
    return this.proceed(request, original, decision, context);
  }

  private async proceed(
    request: FollowUpRequest,
    original: Transaction | null,
    decision: FollowUpDecision,
    context: ExecutionContext,
  ): Promise<AuthorizeReply> {
    const id = request.transactionId;
    if (!decision.ok || !original) {
      const refusal = decision.ok ? { responseCode: '25', reason: 'original transaction not found for this terminal' } : decision;
      return replyOf(await this.outcomes.decline(id, { status: 'rejected', responseCode: refusal.responseCode, reason: refusal.reason }));
    }
    const { amountMinor } = decision;
    const { operation } = request;
    // One conditional UPDATE on the original: two follow-ups at once never take more than it holds.
    const reserved =
      operation === 'completion'
        ? await this.originals.reserveCompletion(original.id, amountMinor)
        : await this.originals.reserveReturn(original.id, amountMinor);
    if (!reserved) {
      const reason = `the original ${original.id} changed meanwhile (another follow-up took it); nothing was sent`;
      return replyOf(await this.outcomes.decline(id, { status: 'rejected', responseCode: '12', reason }));
    }
    const pan = this.cards.panOf({ panKeyId: original.panKeyId!, panCiphertext: original.panCiphertext! });
    return this.rail.ask(
      {
        id,
        terminalId: request.terminalId,
        direction: directionOf(operation, original.operation),
        original,
        request: { kind: 'follow_up', operation, original, pan, amountMinor },
      },
      context,
    );
  }

  /** Its batch is named, so the only way not to journal it is a request with its id meanwhile. */
  private async journal(entry: PendingEntry): Promise<void> {
    if ((await this.operations.open(entry)) !== 'journaled') throw new DuplicateTransactionError(entry.id, 'a request still in progress');
  }

  private entryOf(request: FollowUpRequest, requestHash: string, now: Date): Omit<PendingEntry, 'batchNumber'> {
    return {
      id: request.transactionId,
      operation: request.operation,
      terminalId: request.terminalId,
      merchantId: request.merchantId,
      amountMinor: BigInt(request.amountMinor ?? '0'),
      currency: request.currency ?? 'XXX',
      requestHash,
      businessDay: now.toISOString().slice(0, 10),
    };
  }
}

/** The original's card, as the follow-up's journal row carries it (tokenized and encrypted). */
function cardOf(original: Transaction | null): PendingEntry['card'] {
  return original?.cardToken && original.maskedPan && original.cardScheme && original.panKeyId && original.panCiphertext
    ? {
        token: original.cardToken,
        maskedPan: original.maskedPan,
        scheme: original.cardScheme,
        panKeyId: original.panKeyId,
        panCiphertext: original.panCiphertext,
      }
    : undefined;
}
