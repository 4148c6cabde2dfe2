import { Injectable } from '@nestjs/common';

import { authorizeRpc, CardOperation, PIN_OPERATIONS, pinFormatProblemOf, takesPin } from '@payments/contracts';

import { RegisterOutcome } from '../outcomes/register-outcome';
import { CreatePurchaseDto } from './dto/create-purchase.dto';
import { Terminal } from '../terminals/terminal';
import { CardInquiryDto } from './card-inquiry.dto';
import { RegisterOperationRunner } from './register-operation.runner';
import { terminalCurrencyRefusalOf } from './terminal-currency.util';

/** Any operation that starts with the card on the PIN pad: purchase, cash, top-up, preauthorization, balance, card read. */
@Injectable()
export class CardOperationUseCase {
  constructor(private readonly runner: RegisterOperationRunner) {}

  /** `connection`: the register's, aborted when it closed before the response was written (REST only). */
  execute(
    terminal: Terminal,
    idempotencyKey: string,
    operation: CardOperation,
    dto: CreatePurchaseDto | CardInquiryDto,
    connection?: AbortSignal,
  ): Promise<RegisterOutcome> {
    const refusal = terminalCurrencyRefusalOf(terminal, dto.currency);
    if (refusal) return Promise.resolve(refusal);
    if (dto.pin && !takesPin(operation)) {
      return Promise.resolve({ kind: 'invalid_request', message: `pin: a ${operation} takes no PIN (only ${PIN_OPERATIONS.join(', ')} do)` });
    }
    const pinFormatProblem = dto.pin && pinFormatProblemOf(dto.pin, dto.card.ksn);
    if (pinFormatProblem) return Promise.resolve({ kind: 'invalid_request', message: pinFormatProblem });
    const amount = 'amount' in dto ? dto.amount : 0;
    return this.runner.run(
      terminal,
      idempotencyKey,
      { operation, ...dto },
      authorizeRpc,
      (transactionId) => ({
        transactionId,
        operation,
        terminalId: terminal.terminalId,
        merchantId: terminal.merchantId,
        amountMinor: String(amount),
        currency: dto.currency,
        card: dto.card,
        pin: dto.pin && { pinBlock: dto.pin.pinBlock, format: dto.pin.format, ksn: dto.pin.ksn },
        entryMode: dto.entryMode ?? 'chip',
        requestedAt: new Date().toISOString(),
      }),
      connection,
    );
  }
}
