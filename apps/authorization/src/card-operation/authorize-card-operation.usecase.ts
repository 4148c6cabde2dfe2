import { Injectable, Logger } from '@nestjs/common';

import { AuthorizeReply, AuthorizeRequest, transactionAuthorizedV1, transactionDeclinedV1 } from '@payments/contracts';
import { currencyByAlpha } from '@payments/money';

import { AcquirerClient } from '../acquirer/acquirer.client';
import { buildPurchaseRequest } from '../acquirer/purchase-request.builder';
import { APPROVED } from '../acquirer/response-codes';
import { AntifraudClient } from '../antifraud-check/antifraud.client';
import type { Transaction } from '../generated/prisma/client';
import { HostLinkDownError, HostTimeoutError } from '../host-link/host-link.errors';
import { Outcome } from '../journal/journal-entry';
import { JournalRepository } from '../journal/journal.repository';
import { declinedEvent, eventBaseOf, replyOf } from './authorization-reply.mapper';
import { CardReaderService, ReadCard, UnreadableCardError } from './card-reader.service';
import { DuplicateTransactionError } from './duplicate-transaction.error';
import { requestHashOf } from './request-hash.util';

/**
 * A card-present purchase, as an audit trail: journal the attempt, read the card, ask
 * antifraud, ask the host, journal the outcome with its event. Every exit leaves a final row.
 */
@Injectable()
export class AuthorizePurchaseUseCase {
  private readonly logger = new Logger(AuthorizePurchaseUseCase.name);

  constructor(
    private readonly journal: JournalRepository,
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
    await this.journal.createPending({
      id: request.transactionId,
      operation: 'purchase',
      terminalId: request.terminalId,
      merchantId: request.merchantId,
      amountMinor: BigInt(request.amountMinor),
      currency: request.currency,
      requestHash,
      businessDay: now.toISOString().slice(0, 10),
      card: card && { token: card.token, maskedPan: card.maskedPan, scheme: card.scheme, panKeyId: card.panKeyId, panCiphertext: card.panCiphertext },
    });
    if (!card) return this.decline(request.transactionId, { status: 'declined', responseCode: unreadable!.responseCode, reason: unreadable!.message });

    const decision = await this.antifraud.assess({
      transactionId: request.transactionId,
      terminalId: request.terminalId,
      merchantId: request.merchantId,
      amountMinor: request.amountMinor,
      currency: request.currency,
      cardToken: card.token,
      cardScheme: card.scheme,
    });
    if (decision.decision === 'deny') {
      const reason = `antifraud: ${decision.reasons.map((r) => `${r.rule} (${r.detail})`).join('; ')}`;
      return this.decline(request.transactionId, { status: 'declined', responseCode: decision.responseCode ?? '59', reason });
    }
    return this.askHost(request, card);
  }

  private async askHost(request: AuthorizeRequest, card: ReadCard): Promise<AuthorizeReply> {
    const sentAt = new Date();
    const { stan, rrn } = this.acquirer.nextReference(sentAt);
    await this.journal.recordHostReference(request.transactionId, stan, rrn, sentAt);
    const message = buildPurchaseRequest(
      {
        stan,
        rrn,
        amountMinor: BigInt(request.amountMinor),
        currencyNumeric: currencyByAlpha(request.currency).numeric,
        terminalId: request.terminalId,
        merchantId: request.merchantId,
      },
      card.track2,
      request.entryMode,
      sentAt,
    );
    try {
      const response = await this.acquirer.send(message);
      const responseCode = response.fields[39] ?? '96';
      if (responseCode === APPROVED) return this.approve(request.transactionId, { stan, rrn, approvalCode: response.fields[38]?.trim() });
      return this.decline(request.transactionId, { status: 'declined', responseCode, reason: `host declined with ${responseCode}`, stan, rrn });
    } catch (error) {
      if (error instanceof HostTimeoutError || error instanceof HostLinkDownError) {
        // The host may have approved: the outcome is unknown and a reversal is queued (store and forward).
        this.logger.warn(`transaction ${request.transactionId} unknown: ${error.message}; reversal queued`);
        const outcome: Outcome = { status: 'unknown', responseCode: '91', reason: error.message, stan, rrn };
        return this.decline(request.transactionId, outcome, { reason: error.message });
      }
      throw error;
    }
  }

  private async approve(id: string, ref: { stan: string; rrn: string; approvalCode?: string }): Promise<AuthorizeReply> {
    const outcome: Outcome = { status: 'approved', responseCode: APPROVED, reason: 'approved by host', ...ref };
    const at = new Date();
    const final = await this.journal.finalize(id, outcome, (row) => ({
      topic: transactionAuthorizedV1,
      key: row.terminalId,
      value: { ...eventBaseOf(row), responseCode: APPROVED, rrn: ref.rrn, approvalCode: ref.approvalCode, occurredAt: at.toISOString() },
    }));
    return replyOf(final);
  }

  private async decline(id: string, outcome: Outcome, reversal?: { reason: string }): Promise<AuthorizeReply> {
    const status = outcome.status === 'declined' ? 'declined' : 'failed';
    const at = new Date();
    const final = await this.journal.finalize(
      id,
      outcome,
      (row) => ({ topic: transactionDeclinedV1, key: row.terminalId, value: { ...declinedEvent(eventBaseOf(row), status, outcome.responseCode, outcome.reason, at), rrn: outcome.rrn } }),
      reversal,
    );
    return replyOf(final);
  }

  private replay(existing: Transaction, requestHash: string): AuthorizeReply {
    if (existing.requestHash !== requestHash) throw new DuplicateTransactionError(existing.id, 'a different request');
    if (existing.status === 'pending') throw new DuplicateTransactionError(existing.id, 'a request still in progress');
    return replyOf(existing);
  }
}
