import { Injectable, Logger } from '@nestjs/common';

import { AuthorizeReply, AuthorizeRequest } from '@payments/contracts';
import { currencyByAlpha } from '@payments/money';

import { AcquirerClient } from '../acquirer/acquirer.client';
import { balanceFromAdditionalAmounts } from '../acquirer/additional-amounts.util';
import { buildCardRequest } from '../acquirer/host-request.builder';
import { APPROVED, NO_ROUTE } from '../acquirer/response-codes';
import { NoAcquirerRouteError } from '../acquirer/routing/no-acquirer-route.error';
import { AntifraudClient } from '../antifraud-check/antifraud.client';
import { TerminalBatchRepository } from '../batch/terminal-batch.repository';
import type { Transaction } from '../generated/prisma/client';
import { HostLinkDownError, HostTimeoutError } from '../host-link/host-link.errors';
import { JournalRepository } from '../journal/journal.repository';
import { OutcomeRecorder } from '../journal/outcome.recorder';
import { carriesAmount, profileOf } from '../operations/operation-profile';
import { replyOf } from './authorization-reply.mapper';
import { CardReaderService, ReadCard, UnreadableCardError } from './card-reader.service';
import { DuplicateTransactionError } from './duplicate-transaction.error';
import { requestHashOf } from './request-hash.util';

/** How long a preauthorization holds the funds before it lapses and is released. */
export const PREAUTHORIZATION_HOLD_MS = 7 * 86_400_000;

/**
 * A card-present operation (purchase, cash, top-up, preauthorization, balance, card read), as an
 * audit trail: journal the attempt, read the card, ask antifraud, ask the host, journal the
 * outcome with its event. Every exit leaves a final row.
 */
@Injectable()
export class AuthorizeCardOperationUseCase {
  private readonly logger = new Logger(AuthorizeCardOperationUseCase.name);

  constructor(
    private readonly journal: JournalRepository,
    private readonly outcomes: OutcomeRecorder,
    private readonly batches: TerminalBatchRepository,
    private readonly cards: CardReaderService,
    private readonly antifraud: AntifraudClient,
    private readonly acquirer: AcquirerClient,
  ) {}

  async execute(request: AuthorizeRequest): Promise<AuthorizeReply> {
    const requestHash = requestHashOf(request);
    const existing = await this.journal.findById(request.transactionId);
    if (existing) return this.replay(existing, requestHash);

    const now = new Date();
    let card: ReadCard | undefined;
    let unreadable: UnreadableCardError | undefined;
    try {
      card = this.cards.read(request.card);
    } catch (error) {
      if (!(error instanceof UnreadableCardError)) throw error;
      unreadable = error;
    }
    const { operation } = request;
    await this.journal.createPending({
      id: request.transactionId,
      operation,
      terminalId: request.terminalId,
      merchantId: request.merchantId,
      amountMinor: BigInt(request.amountMinor),
      currency: request.currency,
      requestHash,
      businessDay: now.toISOString().slice(0, 10),
      batchNumber: await this.batches.openBatchNumber(request.terminalId, request.merchantId),
      expiresAt: operation === 'preauthorization' ? new Date(now.getTime() + PREAUTHORIZATION_HOLD_MS) : undefined,
      card: card && { token: card.token, maskedPan: card.maskedPan, scheme: card.scheme, panKeyId: card.panKeyId, panCiphertext: card.panCiphertext },
    });
    const id = request.transactionId;
    if (!card) return replyOf(await this.outcomes.decline(id, { status: 'declined', responseCode: unreadable!.responseCode, reason: unreadable!.message }));
    const amountRule = this.amountRule(request);
    if (amountRule) return replyOf(await this.outcomes.decline(id, { status: 'rejected', responseCode: '13', reason: amountRule }));
    if (operation === 'card_data') {
      const row = await this.outcomes.approve(id, { reason: 'card read; no host asked' }, 'none');
      return replyOf(row, { cardExpiry: card.expiry });
    }

    if (profileOf(operation).assessed) {
      const decision = await this.antifraud.assess({
        transactionId: id,
        terminalId: request.terminalId,
        merchantId: request.merchantId,
        amountMinor: request.amountMinor,
        currency: request.currency,
        cardToken: card.token,
        cardScheme: card.scheme,
      });
      if (decision.decision === 'deny') {
        const reason = `antifraud: ${decision.reasons.map((r) => `${r.rule} (${r.detail})`).join('; ')}`;
        return replyOf(await this.outcomes.decline(id, { status: 'declined', responseCode: decision.responseCode ?? '59', reason }));
      }
    }
    return this.askHost(request, card);
  }

  private amountRule(request: AuthorizeRequest): string | undefined {
    const positive = BigInt(request.amountMinor) > 0n;
    if (carriesAmount(request.operation) && !positive) return `amount: a ${request.operation} needs an amount above 0`;
    if (!carriesAmount(request.operation) && positive) return `amount: a ${request.operation} carries no amount (send 0)`;
    return undefined;
  }

  private async askHost(request: AuthorizeRequest, card: ReadCard): Promise<AuthorizeReply> {
    const id = request.transactionId;
    let acquirerId: string;
    try {
      acquirerId = this.acquirer.route({ pan: card.pan, scheme: card.scheme, merchantId: request.merchantId });
    } catch (error) {
      if (!(error instanceof NoAcquirerRouteError)) throw error;
      return replyOf(await this.outcomes.decline(id, { status: 'declined', responseCode: NO_ROUTE, reason: error.message }));
    }
    const profile = profileOf(request.operation);
    const mti = profile.mti!;
    const processingCode = profile.processingCode!;
    const sentAt = new Date();
    const { stan, rrn } = await this.acquirer.nextReferenceFor(acquirerId, sentAt);
    await this.journal.recordHostReference(id, { acquirerId, stan, rrn, sentAt, mti, processingCode });
    const currencyNumeric = currencyByAlpha(request.currency).numeric;
    const reference = { stan, rrn, amountMinor: BigInt(request.amountMinor), currencyNumeric, terminalId: request.terminalId, merchantId: request.merchantId };
    const message = buildCardRequest(mti, processingCode, reference, card.track2, request.entryMode, sentAt);
    try {
      const response = await this.acquirer.sendTo(acquirerId, message);
      const responseCode = response.fields[39] ?? '96';
      if (responseCode !== APPROVED) {
        return replyOf(await this.outcomes.decline(id, { status: 'declined', responseCode, reason: `host declined with ${responseCode}`, stan, rrn }));
      }
      const balanceMinor = request.operation === 'balance_inquiry' ? balanceFromAdditionalAmounts(response.fields[54]) : undefined;
      const approvalCode = response.fields[38]?.trim();
      return replyOf(await this.outcomes.approve(id, { stan, rrn, approvalCode, balanceMinor }, profile.money));
    } catch (error) {
      if (error instanceof HostTimeoutError || error instanceof HostLinkDownError) {
        // The host may have approved: the outcome is unknown and a reversal is queued (store and forward).
        this.logger.warn(`transaction ${id} unknown: ${error.message}; reversal queued`);
        return replyOf(await this.outcomes.decline(id, { status: 'unknown', responseCode: '91', reason: error.message, stan, rrn }, { reason: error.message }));
      }
      throw error;
    }
  }

  private replay(existing: Transaction, requestHash: string): AuthorizeReply {
    if (existing.requestHash !== requestHash) throw new DuplicateTransactionError(existing.id, 'a different request');
    if (existing.status === 'pending') throw new DuplicateTransactionError(existing.id, 'a request still in progress');
    return replyOf(existing);
  }
}
