import { Inject, Injectable, Logger } from '@nestjs/common';

import type { FollowUpOperation } from '@payments/contracts';
import { getSpec, type Iso8583Message, zonePinSecurityControlFor } from '@payments/iso8583';
import { CryptoInputError, isPinKeyMissing, type PinTranslator } from '@payments/crypto';
import { currencyByAlpha } from '@payments/money';

import { AcquirerClient } from '../acquirer/acquirer.client';
import { buildCardRequest, buildCompletionAdvice, buildRefundRequest, buildReversalRequest, type HostReference } from '../acquirer/host-request.builder';
import { originalRequestOf } from '../acquirer/original-request.mapper';
import { NO_ROUTE, PIN_CRYPTO_ERROR } from '../acquirer/response-codes';
import type { AcquirerNetwork } from '../acquirer/routing/acquirer-network.schema';
import { ACQUIRER_NETWORK } from '../acquirer/routing/acquirer-network.token';
import { NoAcquirerRouteError } from '../acquirer/routing/no-acquirer-route.error';
import { HostLinkDownError, HostTimeoutError } from '../host-link/host-link.errors';
import { profileOf } from '../operations/operation-profile';
import type { Rail, RailAttempt, RailOutcome, RailPreparation, RailRequest } from '../operation/ports/rail.port';
import { PIN_TRANSLATOR } from './pin-translator.provider';
import { railOutcomeOf } from './rail-outcome.mapper';

/** Field 39 = 96, system malfunction: the server lacks a key or a DE 53 layout an online PIN needs (configuration). */
const SYSTEM_MALFUNCTION = '96';

/** What this rail's attempts carry: the acquirer, the ISO 8583 request, the operation it is for. */
interface AcquirerMessage {
  readonly acquirerId: string;
  readonly request: Iso8583Message;
  readonly operation: string;
}

/**
 * The ISO 8583 acquirers as the core's rail. A card operation goes to the acquirer its card is
 * routed to (none: 92); a cancel, refund or completion goes where its original went.
 */
@Injectable()
export class AcquirerRail implements Rail {
  private readonly logger = new Logger(AcquirerRail.name);

  constructor(
    private readonly acquirer: AcquirerClient,
    @Inject(PIN_TRANSLATOR) private readonly pins: PinTranslator,
    @Inject(ACQUIRER_NETWORK) private readonly network: Pick<AcquirerNetwork, 'acquirers'>,
  ) {}

  async prepare(request: RailRequest): Promise<RailPreparation> {
    return request.kind === 'card' ? this.prepareCard(request) : this.prepareFollowUp(request);
  }

  async send(attempt: RailAttempt): Promise<RailOutcome> {
    const { acquirerId, request, operation } = attempt.message as AcquirerMessage;
    try {
      return railOutcomeOf(await this.acquirer.sendTo(acquirerId, request), operation);
    } catch (error) {
      // The host may have approved: the core records unknown and queues the reversal.
      if (error instanceof HostTimeoutError || error instanceof HostLinkDownError) return { kind: 'unknown', reason: error.message };
      throw error;
    }
  }

  private async prepareCard(request: Extract<RailRequest, { kind: 'card' }>): Promise<RailPreparation> {
    let acquirerId: string;
    try {
      acquirerId = this.acquirer.route({ pan: request.card.pan, scheme: request.card.scheme, merchantId: request.merchantId });
    } catch (error) {
      if (!(error instanceof NoAcquirerRouteError)) throw error;
      return { ok: false, responseCode: NO_ROUTE, reason: error.message };
    }
    const pin = await this.zonePinOf(request, acquirerId);
    if (!pin.ok) return pin;
    const profile = profileOf(request.operation);
    const mti = profile.mti!;
    const processingCode = profile.processingCode!;
    const sentAt = new Date();
    const { stan, rrn } = await this.acquirer.nextReferenceFor(acquirerId, sentAt);
    const { amountMinor, terminalId, merchantId } = request;
    const reference: HostReference = { stan, rrn, amountMinor, currencyNumeric: currencyByAlpha(request.currency).numeric, terminalId, merchantId };
    const card = { track2: request.card.track2, entryMode: request.entryMode, zonePin: pin.zonePin };
    const message = buildCardRequest(mti, processingCode, reference, card, sentAt);
    return this.attempt(acquirerId, message, request.operation, { stan, rrn, sentAt, mti, processingCode });
  }

  /**
   * The online PIN translated from the PIN pad's DUKPT key to the acquirer's zone PIN key, for this
   * one request (kept in its message only). A block that does not translate is declined 81 here,
   * the host is not asked; a key the server lacks (no zone PIN key for the acquirer, an unknown BDK
   * id) is its own fault, not the cardholder's: 96, logged as an error. Reasons and the log name
   * the field and the ids, never a key, the block or the PIN. An acquirer whose ISO 8583 dialect
   * has no DE 53 layout here (ISO 8583:1993) is declined 96 the same way, before any translation.
   */
  private async zonePinOf(
    request: Extract<RailRequest, { kind: 'card' }>,
    acquirerId: string,
  ): Promise<{ ok: true; zonePin?: { pinBlock: string; securityControl: string } } | { ok: false; responseCode: string; reason: string }> {
    const pin = request.card.pin;
    if (!pin) return { ok: true };
    const specName = this.network.acquirers.find((acquirer) => acquirer.id === acquirerId)?.spec ?? 'iso87ascii';
    const securityControl = zonePinSecurityControlFor(getSpec(specName));
    if (securityControl === undefined) {
      const reason = `acquirer ${acquirerId} speaks ISO 8583 dialect ${specName}, for which no online PIN (DE 52/53) is built here`;
      this.logger.error(`online PIN not sent: ${reason}`);
      return { ok: false, responseCode: SYSTEM_MALFUNCTION, reason };
    }
    try {
      const translated = await this.pins.translate({ ...pin, pan: request.card.pan }, acquirerId);
      return { ok: true, zonePin: { pinBlock: translated.pinBlock, securityControl } };
    } catch (error) {
      if (!(error instanceof CryptoInputError)) throw error;
      if (isPinKeyMissing(error)) {
        this.logger.error(`online PIN for acquirer ${acquirerId} not translated, a key is not configured: ${error.message}`);
        return { ok: false, responseCode: SYSTEM_MALFUNCTION, reason: `the PIN cannot be translated to acquirer ${acquirerId}: ${error.message}` };
      }
      return {
        ok: false,
        responseCode: PIN_CRYPTO_ERROR,
        reason: `the PIN block does not translate to acquirer ${acquirerId}'s zone PIN key (${error.message})`,
      };
    }
  }

  private async prepareFollowUp(request: Extract<RailRequest, { kind: 'follow_up' }>): Promise<RailPreparation> {
    const { original, operation, amountMinor } = request;
    const originalRequest = originalRequestOf(original, request.pan);
    if (!originalRequest) throw new Error(`the original ${original.id} lacks its host reference`);
    const sentAt = new Date();
    const acquirerId = this.acquirer.acquirerOf(original);
    const { stan, rrn } = await this.acquirer.nextReferenceFor(acquirerId, sentAt);
    const ref: HostReference = {
      stan,
      rrn,
      amountMinor,
      currencyNumeric: originalRequest.currencyNumeric,
      terminalId: original.terminalId,
      merchantId: original.merchantId,
    };
    const remainingMinor = original.amountMinor - original.returnedMinor - amountMinor;
    const message = followUpMessage(operation, { original: originalRequest, ref, pan: request.pan, remainingMinor }, sentAt);
    const processingCode = message.fields[3] ?? profileOf(operation).processingCode ?? '000000';
    return this.attempt(acquirerId, message, operation, { stan, rrn: message.fields[37] ?? rrn, sentAt, mti: message.mti, processingCode });
  }

  private attempt(
    acquirerId: string,
    request: Iso8583Message,
    operation: string,
    ref: { stan: string; rrn: string; sentAt: Date; mti: string; processingCode: string },
  ): RailPreparation {
    const message: AcquirerMessage = { acquirerId, request, operation };
    return { ok: true, attempt: { reference: { acquirerId, ...ref }, message } };
  }
}

/** DE 3 20 for a refund, a 0220 advice for a completion, a 0400 naming the original (DE 90, DE 95 partial) for a cancel. */
function followUpMessage(
  operation: FollowUpOperation,
  parts: { original: NonNullable<ReturnType<typeof originalRequestOf>>; ref: HostReference; pan: string; remainingMinor: bigint },
  at: Date,
): Iso8583Message {
  switch (operation) {
    case 'refund':
      return buildRefundRequest(parts.pan, parts.ref, at);
    case 'completion':
      return buildCompletionAdvice(parts.original, parts.ref, at);
    case 'cancel':
    case 'emergency_cancel':
      return buildReversalRequest(parts.original, parts.ref.stan, { repeat: false, remainingMinor: parts.remainingMinor }, at);
  }
}
