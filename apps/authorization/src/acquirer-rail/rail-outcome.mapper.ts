import type { Iso8583Message } from '@payments/iso8583';

import { balanceFromAdditionalAmounts } from '../acquirer/additional-amounts.util';
import { APPROVED, PARTIAL_APPROVAL } from '../acquirer/response-codes';
import type { RailOutcome } from '../operation/ports/rail.port';

/**
 * An ISO 8583 response as a rail outcome: DE 39 = 00 approved (DE 38 the approval code, DE 54
 * the balance of a balance inquiry), 10 a partial approval (DE 4 the approved part), anything
 * else declined with that code; no DE 39 at all is 96 (system malfunction).
 */
export function railOutcomeOf(response: Iso8583Message, operation: string): RailOutcome {
  const responseCode = response.fields[39] ?? '96';
  const approvalCode = response.fields[38]?.trim() || undefined;
  if (responseCode === APPROVED) {
    const balanceMinor = operation === 'balance_inquiry' ? balanceFromAdditionalAmounts(response.fields[54]) : undefined;
    return { kind: 'approved', approvalCode, balanceMinor };
  }
  if (responseCode === PARTIAL_APPROVAL) {
    const field4 = response.fields[4];
    const approvedMinor = field4 !== undefined && /^[0-9]{1,12}$/.test(field4) ? BigInt(field4) : undefined;
    return { kind: 'partial', approvedMinor, approvalCode };
  }
  return { kind: 'declined', responseCode };
}
