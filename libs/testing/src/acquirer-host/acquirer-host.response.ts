import type { Iso8583Message } from '@payments/iso8583';

// Fields a host echoes from the request into its response, per message class (ISO 8583-1:1987
// message class = 2nd MTI digit). Reversals also echo DE 90, the original data elements.
const ECHO_FINANCIAL = [2, 3, 4, 7, 11, 12, 13, 22, 37, 41, 42, 49];
const ECHO_REVERSAL = [...ECHO_FINANCIAL, 90];
const ECHO_NETWORK = [7, 11, 70];

/** Response MTI: function digit (3rd) + 1, e.g. 0200 -> 0210, 0420 -> 0430. Null for responses. */
export function responseMti(mti: string): string | null {
  const fn = Number(mti[2]);
  if (!/^[0-9]{4}$/.test(mti) || fn % 2 !== 0) return null;
  return `${mti.slice(0, 2)}${fn + 1}${mti[3]}`;
}

/** Issues approval codes (DE 38) and retrieval reference numbers (DE 37) in sequence. */
export class HostReferences {
  private approvals = 0;
  private rrns = 0;

  approvalCode(): string {
    this.approvals = (this.approvals % 999_999) + 1;
    return this.approvals.toString().padStart(6, '0');
  }

  rrn(): string {
    this.rrns = (this.rrns % 999_999_999_999) + 1;
    return this.rrns.toString().padStart(12, '0');
  }
}

/** DE 3 positions 1-2 of a balance inquiry. */
const BALANCE_INQUIRY = '31';

/**
 * Builds the host's answer: echoed fields, DE 39 response code, DE 38 approval code on approval
 * (full or partial), and for an approved balance inquiry DE 54 with the available balance.
 */
export function buildResponse(
  request: Iso8583Message,
  mti: string,
  responseCode: string,
  refs: HostReferences,
  account: { balanceMinor?: number } = {},
): Iso8583Message {
  const messageClass = request.mti[1];
  const echo = messageClass === '8' ? ECHO_NETWORK : messageClass === '4' ? ECHO_REVERSAL : ECHO_FINANCIAL;
  const fields: Record<number, string> = {};
  for (const n of echo) {
    if (request.fields[n] !== undefined) fields[n] = request.fields[n];
  }
  if (messageClass !== '8' && fields[37] === undefined) fields[37] = refs.rrn();
  const approved = responseCode === '00' || responseCode === '10';
  if (approved && (messageClass === '1' || messageClass === '2')) fields[38] = refs.approvalCode();
  if (responseCode === '00' && request.fields[3]?.startsWith(BALANCE_INQUIRY) && account.balanceMinor !== undefined) {
    fields[54] = availableBalance(request.fields[49] ?? '978', account.balanceMinor);
  }
  fields[39] = responseCode;
  return { mti, fields };
}

/** One DE 54 block (ISO 8583:1987): account type 00, amount type 02 available balance, currency, C/D, n12. */
export function availableBalance(currencyNumeric: string, balanceMinor: number): string {
  const sign = balanceMinor < 0 ? 'D' : 'C';
  return `0002${currencyNumeric}${sign}${String(Math.abs(balanceMinor)).padStart(12, '0')}`;
}
