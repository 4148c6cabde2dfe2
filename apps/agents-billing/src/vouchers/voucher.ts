export const VOUCHER_STATUSES = ['available', 'sold', 'returned', 'blocked'] as const;
export type VoucherStatus = (typeof VOUCHER_STATUSES)[number];

/** One stock: a provider's vouchers of one denomination (minor units) and currency. */
export interface StockKey {
  readonly providerId: string;
  readonly denomination: bigint;
  readonly currency: string;
}

/** How a stock is named in alerts and messages: `provider/denomination/currency`. */
export const stockSubjectOf = ({ providerId, denomination, currency }: StockKey): string => `${providerId}/${denomination}/${currency}`;

export interface StockLevel extends StockKey {
  /** Available and not expired: what can be sold. */
  readonly available: number;
  readonly sold: number;
  readonly returned: number;
  readonly blocked: number;
  /** Still available, but past its expiry: never sold. */
  readonly expired: number;
  /** The operator's low-stock threshold; null = none set. */
  readonly minimumAvailable: number | null;
}

/** A stock is low when fewer vouchers are available than its threshold; without a threshold, never. */
export const isStockLow = (available: number, minimumAvailable: number | null): boolean => minimumAvailable !== null && available < minimumAvailable;

/** A voucher row without its code. */
export interface Voucher extends StockKey {
  readonly id: string;
  readonly batchId: string;
  readonly serial: string;
  readonly status: VoucherStatus;
  readonly saleId: string | null;
  readonly nodeId: string | null;
  readonly expiresAt: Date | null;
}
