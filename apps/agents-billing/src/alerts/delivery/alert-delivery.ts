import type { AlertEvent } from '../alert';
import type { AlertChannel } from '../rules/alert-recipients';

export const DELIVERY_STATUSES = ['pending', 'delivered', 'failed', 'undeliverable'] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

/** One message of one alert's event to one recipient, and what became of it. */
export interface AlertDelivery {
  readonly id: string;
  readonly alertId: string;
  readonly event: AlertEvent;
  readonly channel: AlertChannel;
  readonly recipient: string;
  readonly status: DeliveryStatus;
  readonly attempts: number;
  readonly nextAttemptAt: Date;
  readonly lastError: string | null;
  readonly deliveredAt: Date | null;
  readonly createdAt: Date;
}

/** The wait before attempt n+1 after n failed ones: base × 2^(n−1), at most an hour. */
export function retryDelayMs(failedAttempts: number, baseMs: number): number {
  return Math.min(baseMs * 2 ** Math.max(0, failedAttempts - 1), 3_600_000);
}
