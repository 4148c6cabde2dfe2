import type { Iso8583Message } from '@payments/iso8583';

import { transmissionDateTime } from './transaction-time';

/** ISO 8583:1987 DE 70, network management information code (n3) of an 0800 request. */
export const NETWORK_CODE = { signOn: '001', signOff: '002', echo: '301' } as const;

export type NetworkCode = (typeof NETWORK_CODE)[keyof typeof NETWORK_CODE];

/** An 0800 network management request: DE 7 transmission date and time (UTC), DE 11 STAN, DE 70 code. */
export function networkRequest(code: NetworkCode, stan: string, at: Date): Iso8583Message {
  return { mti: '0800', fields: { 7: transmissionDateTime(at), 11: stan, 70: code } };
}

/** DE 39 of an 0810; a missing response code counts as a refusal. */
export function networkResponseCode(response: Iso8583Message): string {
  return response.fields[39] ?? 'none';
}
