import { BadRequestException, UnprocessableEntityException } from '@nestjs/common';

import { findCurrencyByAlpha } from '@payments/money';

import { Terminal } from '../terminals/terminal';

/** The currency must be ISO 4217 (400) and one the terminal accepts (422). */
export function assertTerminalCurrency(terminal: Terminal, currency: string): void {
  if (!findCurrencyByAlpha(currency)) throw new BadRequestException(`currency: ${currency} is not an ISO 4217 currency`);
  if (!terminal.currencies.includes(currency)) {
    throw new UnprocessableEntityException(
      `currency: ${currency} is not accepted by terminal ${terminal.terminalId} (accepts ${terminal.currencies.join(', ')})`,
    );
  }
}
