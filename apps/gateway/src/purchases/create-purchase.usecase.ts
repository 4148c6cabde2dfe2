import { BadRequestException, Inject, Injectable, Logger, OnModuleInit, UnprocessableEntityException } from '@nestjs/common';

import { authorizeV1 } from '@payments/contracts';
import { Headers, MessageBus, RequestTimeoutError } from '@payments/messaging';
import { findCurrencyByAlpha } from '@payments/money';
import { MESSAGE_BUS } from '@payments/runtime';

import { GATEWAY_ENV, GatewayEnv } from '../config/gateway-env';
import { IdempotencyService } from '../idempotency/idempotency.service';
import { StoredResponse } from '../idempotency/idempotency.repository';
import { Terminal } from '../terminals/terminal';
import { CreatePurchaseDto } from './dto/create-purchase.dto';
import { purchaseResponseOf } from './purchase-response.mapper';

/**
 * A register's purchase: check what only the gateway knows (terminal, currency, idempotency),
 * ask authorization over the bus, keep the response for replays. A reply after the register's
 * deadline is still stored, so a retry with the same key gets the real outcome.
 */
@Injectable()
export class CreatePurchaseUseCase implements OnModuleInit {
  private readonly logger = new Logger(CreatePurchaseUseCase.name);

  constructor(
    @Inject(MESSAGE_BUS) private readonly bus: MessageBus,
    @Inject(GATEWAY_ENV) private readonly env: GatewayEnv,
    private readonly idempotency: IdempotencyService,
  ) {}

  onModuleInit(): void {
    this.bus.onLateReply(authorizeV1, async (reply) => {
      this.logger.warn(`late authorization reply for transaction ${reply.value.transactionId}: ${reply.value.status}`);
      await this.idempotency.complete(reply.value.transactionId, { status: 201, body: purchaseResponseOf(reply.value) });
    });
  }

  async execute(terminal: Terminal, idempotencyKey: string, dto: CreatePurchaseDto): Promise<StoredResponse> {
    const currency = findCurrencyByAlpha(dto.currency);
    if (!currency) throw new BadRequestException(`currency: ${dto.currency} is not an ISO 4217 currency`);
    if (!terminal.currencies.includes(dto.currency)) {
      throw new UnprocessableEntityException(`currency: ${dto.currency} is not accepted by terminal ${terminal.terminalId} (accepts ${terminal.currencies.join(', ')})`);
    }
    const start = await this.idempotency.start(terminal.clientId, idempotencyKey, dto);
    if (start.kind === 'replay') return start.response;

    const { transactionId } = start;
    try {
      const reply = await this.bus.request(
        authorizeV1,
        {
          transactionId,
          operation: 'purchase',
          terminalId: terminal.terminalId,
          merchantId: terminal.merchantId,
          amountMinor: String(dto.amount),
          currency: dto.currency,
          card: dto.card,
          entryMode: dto.entryMode ?? 'chip',
          requestedAt: new Date().toISOString(),
        },
        { key: terminal.terminalId, timeoutMs: this.env.GATEWAY_AUTHORIZE_TIMEOUT_MS, headers: { [Headers.idempotencyKey]: idempotencyKey } },
      );
      const response = { status: 201, body: purchaseResponseOf(reply) };
      await this.idempotency.complete(transactionId, response);
      return response;
    } catch (error) {
      if (!(error instanceof RequestTimeoutError)) throw error;
      return {
        status: 504,
        body: {
          transactionId,
          status: 'unknown',
          message: `no authorization outcome within ${this.env.GATEWAY_AUTHORIZE_TIMEOUT_MS} ms; retry with the same Idempotency-Key for the outcome`,
        },
      };
    }
  }
}
