import { findCurrencyByAlpha } from '@payments/money';

import type { RequestRefusal } from '../outcomes/register-outcome';
import { Terminal } from '../terminals/terminal';

/** The currency must be ISO 4217 (invalid otherwise) and one the terminal accepts (not accepted otherwise); undefined when it is. */
export function terminalCurrencyRefusalOf(terminal: Terminal, currency: string): RequestRefusal | undefined {
  if (!findCurrencyByAlpha(currency)) return { kind: 'invalid_request', message: `currency: ${currency} is not an ISO 4217 currency` };
  if (terminal.currencies.includes(currency)) return undefined;
  return {
    kind: 'not_accepted',
    message: `currency: ${currency} is not accepted by terminal ${terminal.terminalId} (accepts ${terminal.currencies.join(', ')})`,
  };
}
