import { BinRange } from './bin-range.model';

/**
 * Public IIN ranges per scheme (after braintree/credit-card-type, see the project's
 * payments-standards reference section 4.3; ISO/IEC 7812-1 IINs). Longest prefix wins in
 * BinTable, so e.g. Mir 2200-2204 and Maestro 493698 need no special ordering.
 */
export const DEFAULT_BIN_RANGES: readonly BinRange[] = [
  { scheme: 'visa', from: '4' },
  { scheme: 'mastercard', from: '51', to: '55' },
  { scheme: 'mastercard', from: '2221', to: '2720' },
  { scheme: 'amex', from: '34' },
  { scheme: 'amex', from: '37' },
  { scheme: 'diners', from: '36' },
  { scheme: 'diners', from: '300', to: '305' },
  { scheme: 'diners', from: '3095' },
  { scheme: 'diners', from: '38', to: '39' },
  { scheme: 'discover', from: '6011' },
  { scheme: 'discover', from: '644', to: '649' },
  { scheme: 'discover', from: '65' },
  { scheme: 'jcb', from: '3528', to: '3589' },
  { scheme: 'jcb', from: '2131' },
  { scheme: 'jcb', from: '1800' },
  { scheme: 'unionpay', from: '62' },
  { scheme: 'unionpay', from: '8100', to: '8171' },
  { scheme: 'mir', from: '2200', to: '2204' },
  { scheme: 'maestro', from: '493698' },
  { scheme: 'maestro', from: '500000', to: '504174' },
  { scheme: 'maestro', from: '504176', to: '506698' },
  { scheme: 'maestro', from: '506779', to: '508999' },
  { scheme: 'maestro', from: '56', to: '59' },
  { scheme: 'maestro', from: '63' },
  { scheme: 'maestro', from: '67' },
];
