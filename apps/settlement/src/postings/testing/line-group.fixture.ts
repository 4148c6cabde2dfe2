import { LineGroup } from '../posting';

/** One authorized EUR 12.50 visa purchase of merchant SHOP1, as a line group, with what a spec changes. */
export function lineGroup(change: Partial<LineGroup> = {}): LineGroup {
  return {
    event: 'authorized',
    operation: 'purchase',
    direction: 'debit',
    merchantId: 'SHOP1',
    scheme: 'visa',
    currency: 'EUR',
    lineCount: 1,
    amountMinor: 1250n,
    ...change,
  };
}
