import { Inject, Injectable, Logger } from '@nestjs/common';

import { AuthorizeReply, FollowUpRequest } from '@payments/contracts';
import type { Iso8583Message } from '@payments/iso8583';

import { AcquirerClient } from '../acquirer/acquirer.client';
import { buildCompletionAdvice, buildRefundRequest, buildReversalRequest, type HostReference, type OriginalRequest } from '../acquirer/host-request.builder';
import { originalRequestOf } from '../acquirer/original-request.mapper';
import { APPROVED } from '../acquirer/response-codes';
import { TerminalBatchRepository } from '../batch/terminal-batch.repository';
import { enterOriginalRrnPrompt } from '../cashier-prompt/cashier-prompt.model';
import { CashierPromptRepository } from '../cashier-prompt/cashier-prompt.repository';
import type { AuthorizationEnv } from '../config/authorization-env';
import { AUTHORIZATION_ENV } from '../config/authorization-env.provider';
import { replyOf } from '../card-operation/authorization-reply.mapper';
import { CardReaderService } from '../card-operation/card-reader.service';
import { DuplicateTransactionError } from '../card-operation/duplicate-transaction.error';
import type { Transaction } from '../generated/prisma/client';
import { HostLinkDownError, HostTimeoutError } from '../host-link/host-link.errors';
import { JournalRepository } from '../journal/journal.repository';
import type { PendingEntry } from '../journal/journal-entry';
import { Direction, OutcomeRecorder } from '../journal/outcome.recorder';
import { profileOf } from '../operations/operation-profile';
import { followUpHashOf } from './follow-up-request-hash.util';
import { decideFollowUp, type FollowUpDecision } from './follow-up.rules';
import { OriginalRepository } from './original.repository';

/**
 * Cancel, refund, completion and emergency cancel: find the original, check the rules, reserve
 * the amount on it, ask the host, then settle or release the reservation. Every attempt is
 * journaled, a refused one as `rejected` with the rule it broke, and the original is unchanged.
 */
@Injectable()
export class FollowUpUseCase {
  private readonly logger = new Logger(FollowUpUseCase.name);

  constructor(
    private readonly journal: JournalRepository,
    private readonly outcomes: OutcomeRecorder,
    private readonly originals: OriginalRepository,
    private readonly batches: TerminalBatchRepository,
    private readonly cards: CardReaderService,
    private readonly acquirer: AcquirerClient,
    private readonly prompts: CashierPromptRepository,
    @Inject(AUTHORIZATION_ENV) private readonly env: AuthorizationEnv,
  ) {}

  async execute(request: FollowUpRequest): Promise<AuthorizeReply> {
    const requestHash = followUpHashOf(request);
    const existing = await this.journal.findById(request.transactionId);
    if (existing) return this.replay(existing, requestHash);

    const now = new Date();
    if (request.operation === 'refund' && !request.original) return this.askForOriginal(request, requestHash, now);
    const original =
      request.operation === 'emergency_cancel'
        ? await this.originals.last(request.terminalId)
        : request.original
          ? await this.originals.find(request.terminalId, request.original)
          : null;
    const batchNumber = await this.batches.openBatchNumber(request.terminalId, request.merchantId);
    const decision = decideFollowUp(request, original, batchNumber, now);
    const amountMinor = decision.ok ? decision.amountMinor : BigInt(request.amountMinor ?? '0');
    await this.journal.createPending({
      id: request.transactionId,
      operation: request.operation,
      terminalId: request.terminalId,
      merchantId: request.merchantId,
      amountMinor,
      currency: original?.currency ?? request.currency ?? 'XXX',
      requestHash,
      businessDay: now.toISOString().slice(0, 10),
      batchNumber,
      originalId: original?.id,
      card: cardOf(original),
    });
    return this.proceed(request, original, decision);
  }

  /** The cashier keyed the RRN of the original receipt: the refund goes on as if it had named it (pending again). */
  async resumeWithRrn(request: FollowUpRequest, rrn: string): Promise<AuthorizeReply> {
    const original = await this.originals.findByRrn(request.terminalId, rrn);
    const batchNumber = await this.batches.openBatchNumber(request.terminalId, request.merchantId);
    const decision = decideFollowUp(request, original, batchNumber, new Date());
    if (original)
      await this.journal.attachOriginal(request.transactionId, {
        originalId: original.id,
        amountMinor: decision.ok ? decision.amountMinor : undefined,
        currency: original.currency,
        card: cardOf(original),
      });
    return this.proceed(request, original, decision);
  }

  private async proceed(request: FollowUpRequest, original: Transaction | null, decision: FollowUpDecision): Promise<AuthorizeReply> {
    const id = request.transactionId;
    if (!decision.ok) return replyOf(await this.outcomes.decline(id, { status: 'rejected', responseCode: decision.responseCode, reason: decision.reason }));
    const { amountMinor } = decision;
    const reserved =
      request.operation === 'completion'
        ? await this.originals.reserveCompletion(original!.id, amountMinor)
        : await this.originals.reserveReturn(original!.id, amountMinor);
    if (!reserved) {
      return replyOf(
        await this.outcomes.decline(id, {
          status: 'rejected',
          responseCode: '12',
          reason: `the original ${original!.id} changed meanwhile (another follow-up took it); nothing was sent`,
        }),
      );
    }
    return this.askHost(request.operation, id, original!, amountMinor);
  }

  /** A refund that names no original: the cashier is asked for the RRN on the original receipt. */
  private async askForOriginal(request: FollowUpRequest, requestHash: string, now: Date): Promise<AuthorizeReply> {
    await this.journal.createPending({
      id: request.transactionId,
      operation: request.operation,
      terminalId: request.terminalId,
      merchantId: request.merchantId,
      amountMinor: BigInt(request.amountMinor ?? '0'),
      currency: request.currency ?? 'XXX',
      requestHash,
      businessDay: now.toISOString().slice(0, 10),
      batchNumber: await this.batches.openBatchNumber(request.terminalId, request.merchantId),
    });
    const expiresAt = new Date(now.getTime() + this.env.AUTHORIZATION_PROMPT_TIMEOUT_MS);
    await this.prompts.open(request.transactionId, request.terminalId, enterOriginalRrnPrompt(), { request }, expiresAt);
    return this.prompts.replyOf((await this.journal.findById(request.transactionId))!);
  }

  private async askHost(operation: FollowUpRequest['operation'], id: string, original: Transaction, amountMinor: bigint): Promise<AuthorizeReply> {
    const pan = this.cards.vault.decrypt({ keyId: original.panKeyId!, ciphertext: original.panCiphertext! });
    const originalRequest = originalRequestOf(original, pan);
    const sentAt = new Date();
    // The acquirer of the original: a cancel, refund or completion goes where the original went.
    const acquirerId = this.acquirer.acquirerOf(original);
    const { stan, rrn } = await this.acquirer.nextReferenceFor(acquirerId, sentAt);
    const ref: HostReference = {
      stan,
      rrn,
      amountMinor,
      currencyNumeric: originalRequest?.currencyNumeric ?? '000',
      terminalId: original.terminalId,
      merchantId: original.merchantId,
    };
    const message = this.messageFor(operation, originalRequest!, ref, original, sentAt);
    await this.journal.recordHostReference(id, {
      acquirerId,
      stan,
      rrn: message.fields[37] ?? rrn,
      sentAt,
      mti: message.mti,
      processingCode: message.fields[3] ?? profileOf(operation).processingCode ?? '000000',
    });
    const direction = directionOf(operation, original.operation);
    try {
      const response = await this.acquirer.sendTo(acquirerId, message);
      const responseCode = response.fields[39] ?? '96';
      if (responseCode !== APPROVED) {
        const outcome = { status: 'declined' as const, responseCode, reason: `host declined with ${responseCode}`, stan, rrn: message.fields[37] };
        return replyOf(await this.outcomes.decline(id, outcome, undefined, (tx, row) => this.originals.release(tx, row)));
      }
      const approvalCode =
        response.fields[38]?.trim() || (operation === 'cancel' || operation === 'emergency_cancel' ? (original.approvalCode ?? undefined) : undefined);
      return replyOf(
        await this.outcomes.approve(id, { stan, rrn: message.fields[37], approvalCode }, direction, (tx, row) => this.originals.settleOriginal(tx, row)),
      );
    } catch (error) {
      if (!(error instanceof HostTimeoutError || error instanceof HostLinkDownError)) throw error;
      // Unknown: a refund or completion is reversed, a cancel is repeated as a 0420 advice until acknowledged.
      this.logger.warn(`${operation} ${id} unknown: ${error.message}; store and forward queued`);
      const outcome = { status: 'unknown' as const, responseCode: '91', reason: error.message, stan, rrn: message.fields[37] };
      return replyOf(await this.outcomes.decline(id, outcome, { reason: error.message }));
    }
  }

  private messageFor(operation: FollowUpRequest['operation'], original: OriginalRequest, ref: HostReference, row: Transaction, at: Date): Iso8583Message {
    switch (operation) {
      case 'refund':
        return buildRefundRequest(original.pan, ref, at);
      case 'completion':
        return buildCompletionAdvice(original, ref, at);
      case 'cancel':
      case 'emergency_cancel':
        return buildReversalRequest(original, ref.stan, { repeat: false, remainingMinor: row.amountMinor - row.returnedMinor - ref.amountMinor }, at);
    }
  }

  private async replay(existing: Transaction, requestHash: string): Promise<AuthorizeReply> {
    if (existing.requestHash !== requestHash) throw new DuplicateTransactionError(existing.id, 'a different request');
    if (existing.status === 'pending') throw new DuplicateTransactionError(existing.id, 'a request still in progress');
    return this.prompts.replyOf(existing);
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

/** A cancel moves the money back the other way; a refund credits; a completion debits. */
export function directionOf(operation: FollowUpRequest['operation'], originalOperation: string): Direction {
  if (operation === 'refund') return 'credit';
  if (operation === 'completion') return 'debit';
  const money = profileOf(originalOperation).money;
  return money === 'debit' ? 'credit' : money === 'credit' ? 'debit' : 'none';
}
