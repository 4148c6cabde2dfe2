import { Inject, Injectable } from '@nestjs/common';

import type { AuthorizeReply, AuthorizeRequest } from '@payments/contracts';
import { AES_KSN_BYTES, AesKeySerialNumber, bytesToHex, KeySerialNumber } from '@payments/crypto';

import { SUSPECTED_FRAUD } from '../acquirer/response-codes';
import { TerminalBatchRepository } from '../batch/terminal-batch.repository';
import type { AuthorizationEnv } from '../config/authorization-env';
import { AUTHORIZATION_ENV } from '../config/authorization-env.provider';
import { carriesAmount, profileOf } from '../operations/operation-profile';
import { CashierPromptStep } from './cashier-prompt.step';
import type { ExecutionContext } from './operation.command';
import type { PendingEntry } from './operation-entry';
import { replyOf } from './operation-reply.mapper';
import { OperationRepository } from './operation.repository';
import { OutcomeRecorder } from './outcome.recorder';
import { CARD_SOURCE, type CardSource, type SourcedCard } from './ports/card-source.port';
import { RISK_CHECK, type RiskCheck } from './ports/risk-check.port';
import { pinPadKeyOf } from '../pin-pad-registry/pin-pad-key';
import { RailStep } from './rail.step';

/** How long a preauthorization holds the funds before it lapses and is released. */
export const PREAUTHORIZATION_HOLD_MS = 7 * 86_400_000;

/** The amount rule of a card operation, or undefined when it holds. */
export function amountRuleOf(request: Pick<AuthorizeRequest, 'operation' | 'amountMinor'>): string | undefined {
  const positive = BigInt(request.amountMinor) > 0n;
  if (carriesAmount(request.operation) && !positive) return `amount: a ${request.operation} needs an amount above 0`;
  if (!carriesAmount(request.operation) && positive) return `amount: a ${request.operation} carries no amount (send 0)`;
  return undefined;
}

/** The PIN pad a KSN comes from: all but the DUKPT counter (X9.24-1: 21 bits; X9.24-3: the 8-byte initial key id). */
function pinPadOf(ksn: string, field: string): string {
  return ksn.length === AES_KSN_BYTES * 2 ? bytesToHex(AesKeySerialNumber.parse(ksn, field).initialKeyId) : KeySerialNumber.parse(ksn, field).initial().toHex();
}

/**
 * The PIN KSN rule: a `pin.ksn` other than the card block's must come from the same PIN pad, the
 * same key set id and device id (TDES) or initial key id (AES), all but the counter; the PIN is
 * then read under the card block's BDK id, the only one the request names. Undefined when it holds.
 */
export function pinKsnRuleOf(request: Pick<AuthorizeRequest, 'pin' | 'card'>): string | undefined {
  const pinKsn = request.pin?.ksn;
  if (pinKsn === undefined || pinKsn === request.card.ksn) return undefined;
  if (pinKsn.length !== request.card.ksn.length || pinPadOf(pinKsn, 'pin.ksn') !== pinPadOf(request.card.ksn, 'card.ksn')) {
    return "pin.ksn: not the card block's PIN pad (the key set id and device id, or the AES initial key id, must equal card.ksn's; only the counter may differ)";
  }
  // The pad reads the card, then the PIN: a PIN block under an older counter is an old one (a copy).
  const pinCounter = pinPadKeyOf(request.card.bdkId, pinKsn, 'pin.ksn').counter;
  const cardCounter = pinPadKeyOf(request.card.bdkId, request.card.ksn, 'card.ksn').counter;
  if (pinCounter < cardCounter) return `pin.ksn: counter ${pinCounter} is below card.ksn's ${cardCounter} (a PIN is entered after the card is read)`;
  return undefined;
}

/**
 * The steps of an operation that starts with a card (purchase, cash, top-up, preauthorization,
 * balance, card read): journal the attempt with its card, check the amount, maybe ask the
 * cashier to confirm the card, ask the risk check, then the rail.
 */
@Injectable()
export class CardOperationStep {
  constructor(
    @Inject(CARD_SOURCE) private readonly cards: CardSource,
    @Inject(RISK_CHECK) private readonly risk: RiskCheck,
    private readonly operations: OperationRepository,
    private readonly outcomes: OutcomeRecorder,
    private readonly batches: TerminalBatchRepository,
    private readonly prompts: CashierPromptStep,
    private readonly rail: RailStep,
    @Inject(AUTHORIZATION_ENV) private readonly env: Pick<AuthorizationEnv, 'AUTHORIZATION_PROMPT_LAST4_ENTRY_MODES'>,
  ) {}

  /** Undefined when the id is journaled already (a replay): nothing was written or asked. */
  async start(request: AuthorizeRequest, requestHash: string, context: ExecutionContext): Promise<AuthorizeReply | undefined> {
    const now = new Date();
    const reading = await this.cards.read(request);
    const card = reading.ok ? reading.card : undefined;
    const { operation, transactionId: id, terminalId, merchantId } = request;
    const entry: PendingEntry = {
      id,
      operation,
      terminalId,
      merchantId,
      amountMinor: BigInt(request.amountMinor),
      currency: request.currency,
      requestHash,
      businessDay: now.toISOString().slice(0, 10),
      expiresAt: operation === 'preauthorization' ? new Date(now.getTime() + PREAUTHORIZATION_HOLD_MS) : undefined,
      card: card && { token: card.token, maskedPan: card.maskedPan, scheme: card.scheme, panKeyId: card.panKeyId, panCiphertext: card.panCiphertext },
    };
    let opened = await this.operations.open(entry);
    // The terminal's first operation: its batch 1 opens, then the attempt is journaled there.
    if (opened === 'no_open_batch') opened = await this.operations.open({ ...entry, batchNumber: await this.batches.openBatchNumber(terminalId, merchantId) });
    if (opened !== 'journaled') return undefined;
    if (!reading.ok) return replyOf(await this.outcomes.decline(id, { status: 'declined', responseCode: reading.responseCode, reason: reading.reason }));
    const amountRule = amountRuleOf(request);
    if (amountRule) return replyOf(await this.outcomes.decline(id, { status: 'rejected', responseCode: '13', reason: amountRule }));
    const pinKsnRule = pinKsnRuleOf(request);
    if (pinKsnRule) return replyOf(await this.outcomes.decline(id, { status: 'rejected', responseCode: '12', reason: pinKsnRule }));
    if (operation === 'card_data') {
      const row = await this.outcomes.approve(id, { reason: 'card read; no host asked' }, 'none');
      return replyOf(row, { cardExpiry: reading.card.expiry });
    }
    // A prompt keeps the request until answered: with an online PIN (the issuer's cardholder check)
    // there is no last-4 prompt, so a PIN block is never written anywhere.
    const last4Prompted = this.env.AUTHORIZATION_PROMPT_LAST4_ENTRY_MODES.includes(request.entryMode) && carriesAmount(operation) && !request.pin;
    if (last4Prompted) return this.prompts.confirmLast4(request);
    return this.assessAndAsk(request, reading.card, context);
  }

  /** The cashier keyed the last 4 digits printed on the card (the attempt is pending again). */
  async resumeAfterLast4(request: AuthorizeRequest, last4: string, context: ExecutionContext = {}): Promise<AuthorizeReply> {
    const id = request.transactionId;
    // The card was admitted (PIN pad registry) when the operation started: read again, not admitted again.
    const reading = await this.cards.read(request, { resumed: true });
    if (!reading.ok) return replyOf(await this.outcomes.decline(id, { status: 'declined', responseCode: reading.responseCode, reason: reading.reason }));
    if (!reading.card.pan.endsWith(last4)) {
      const reason = 'the last 4 digits keyed by the cashier do not match the card; nothing was sent';
      return replyOf(await this.outcomes.decline(id, { status: 'declined', responseCode: SUSPECTED_FRAUD, reason }));
    }
    return this.assessAndAsk(request, reading.card, context);
  }

  private async assessAndAsk(request: AuthorizeRequest, card: SourcedCard, context: ExecutionContext): Promise<AuthorizeReply> {
    const id = request.transactionId;
    const amountMinor = BigInt(request.amountMinor);
    const { terminalId, merchantId, currency, operation } = request;
    let riskNote: string | undefined;
    if (profileOf(operation).assessed) {
      const decision = await this.risk.assess({
        transactionId: id,
        terminalId,
        merchantId,
        amountMinor,
        currency,
        cardToken: card.token,
        cardScheme: card.scheme,
      });
      if (!decision.allowed)
        return replyOf(await this.outcomes.decline(id, { status: 'declined', responseCode: decision.responseCode, reason: decision.reason }));
      riskNote = decision.note;
    }
    const pin = request.pin && {
      pinBlock: request.pin.pinBlock,
      format: request.pin.format,
      ksn: request.pin.ksn ?? request.card.ksn,
      bdkId: request.card.bdkId,
    };
    const railCard = { pan: card.pan, track2: card.track2, scheme: card.scheme, pin };
    return this.rail.ask(
      {
        id,
        terminalId,
        direction: profileOf(operation).money,
        riskNote,
        request: { kind: 'card', operation, card: railCard, entryMode: request.entryMode, amountMinor, currency, terminalId, merchantId },
      },
      context,
    );
  }
}
