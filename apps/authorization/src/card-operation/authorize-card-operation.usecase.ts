import { Inject, Injectable, Logger } from '@nestjs/common';

import { AuthorizeReply, AuthorizeRequest } from '@payments/contracts';
import { currencyByAlpha } from '@payments/money';

import { AcquirerClient } from '../acquirer/acquirer.client';
import { balanceFromAdditionalAmounts } from '../acquirer/additional-amounts.util';
import { buildCardRequest } from '../acquirer/host-request.builder';
import { APPROVED, NO_ROUTE, PARTIAL_APPROVAL, SUSPECTED_FRAUD } from '../acquirer/response-codes';
import { NoAcquirerRouteError } from '../acquirer/routing/no-acquirer-route.error';
import { AntifraudClient } from '../antifraud-check/antifraud.client';
import { TerminalBatchRepository } from '../batch/terminal-batch.repository';
import { acceptPartialApprovalPrompt, confirmLast4Prompt, type PromptSpec } from '../cashier-prompt/cashier-prompt.model';
import { CashierPromptRepository, type WaitingRow } from '../cashier-prompt/cashier-prompt.repository';
import type { AuthorizationEnv } from '../config/authorization-env';
import { AUTHORIZATION_ENV } from '../config/authorization-env.provider';
import type { Prisma, Transaction } from '../generated/prisma/client';
import { HostLinkDownError, HostTimeoutError } from '../host-link/host-link.errors';
import { JournalRepository } from '../journal/journal.repository';
import { OutcomeRecorder } from '../journal/outcome.recorder';
import { carriesAmount, profileOf } from '../operations/operation-profile';
import { replyOf } from './authorization-reply.mapper';
import { CardReaderService, ReadCard, UnreadableCardError } from './card-reader.service';
import { DuplicateTransactionError } from './duplicate-transaction.error';
import { requestHashOf } from './request-hash.util';

/** Where a partially approved amount is still what the customer wanted, if the cashier says so. */
const PARTIAL_OPERATIONS = new Set(['purchase', 'preauthorization']);

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
    private readonly prompts: CashierPromptRepository,
    @Inject(AUTHORIZATION_ENV) private readonly env: AuthorizationEnv,
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

    if (this.env.AUTHORIZATION_PROMPT_LAST4_ENTRY_MODES.includes(request.entryMode) && carriesAmount(operation)) {
      // The encrypted block waits with the prompt (erased when it closes); the clear card is not kept.
      return this.waitForCashier(id, request.terminalId, confirmLast4Prompt(), { request });
    }
    return this.assessAndAskHost(request, card);
  }

  /** The cashier keyed the last 4 digits printed on the card (the attempt is pending again). */
  async resumeAfterLast4(request: AuthorizeRequest, last4: string): Promise<AuthorizeReply> {
    const card = this.cards.read(request.card);
    if (!card.pan.endsWith(last4)) {
      const reason = 'the last 4 digits keyed by the cashier do not match the card; nothing was sent';
      return replyOf(await this.outcomes.decline(request.transactionId, { status: 'declined', responseCode: SUSPECTED_FRAUD, reason }));
    }
    return this.assessAndAskHost(request, card);
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

  private async assessAndAskHost(request: AuthorizeRequest, card: ReadCard): Promise<AuthorizeReply> {
    const id = request.transactionId;
    if (profileOf(request.operation).assessed) {
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

  private async waitForCashier(id: string, terminalId: string, spec: PromptSpec, context: Prisma.InputJsonValue, row?: WaitingRow): Promise<AuthorizeReply> {
    const expiresAt = new Date(Date.now() + this.env.AUTHORIZATION_PROMPT_TIMEOUT_MS);
    await this.prompts.open(id, terminalId, spec, context, expiresAt, row);
    return this.prompts.replyOf((await this.journal.findById(id))!);
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
      if (responseCode === PARTIAL_APPROVAL) return this.partialApproval(request, response.fields[4], { stan, rrn, approvalCode: response.fields[38]?.trim() });
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

  /**
   * The host approved less than asked (DE 39 = 10, the approved amount in DE 4): the cashier
   * decides. Where a partial amount means nothing (cash, top-up, balance), it is given back.
   */
  private async partialApproval(
    request: AuthorizeRequest,
    field4: string | undefined,
    ref: { stan: string; rrn: string; approvalCode?: string },
  ): Promise<AuthorizeReply> {
    const id = request.transactionId;
    const requested = BigInt(request.amountMinor);
    const approved = field4 !== undefined && /^[0-9]{1,12}$/.test(field4) ? BigInt(field4) : undefined;
    if (!PARTIAL_OPERATIONS.has(request.operation) || approved === undefined || approved <= 0n || approved >= requested) {
      const reason = `host answered a partial approval (${approved ?? 'no amount'} of ${requested}) a ${request.operation} cannot take; reversal queued`;
      return replyOf(await this.outcomes.decline(id, { status: 'declined', responseCode: PARTIAL_APPROVAL, reason, ...ref }, { reason }));
    }
    const row = { amountMinor: approved, responseCode: PARTIAL_APPROVAL, ...ref };
    return this.waitForCashier(
      id,
      request.terminalId,
      acceptPartialApprovalPrompt(approved, requested, request.currency),
      { requestedMinor: String(requested) },
      row,
    );
  }

  private async replay(existing: Transaction, requestHash: string): Promise<AuthorizeReply> {
    if (existing.requestHash !== requestHash) throw new DuplicateTransactionError(existing.id, 'a different request');
    if (existing.status === 'pending') throw new DuplicateTransactionError(existing.id, 'a request still in progress');
    return this.prompts.replyOf(existing);
  }
}
