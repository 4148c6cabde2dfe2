import type { AccountRequest } from '@payments/ledger';

import { namedId } from '../accounts/named-id';

/**
 * What the platform owes a voucher provider for the vouchers its agents sold: one clearing account
 * per provider and currency (no limits), credited by each sale, debited by a sold voucher returned.
 */
export const voucherProviderAccountOf = (providerId: string, currency: string): AccountRequest => ({
  id: namedId(`voucher-provider-clearing:${providerId}:${currency}`),
  currency,
  kind: 'voucher_provider_clearing',
});
