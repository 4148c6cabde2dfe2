import { BatchSubscribeOptions, SubscribeOptions } from '../message-bus.port';

export interface DeliveryPolicy {
  readonly group: string;
  readonly maxAttempts: number;
  readonly backoffMs: number;
}

export const DEFAULT_MAX_ATTEMPTS = 3;
export const DEFAULT_BACKOFF_MS = 100;

export function deliveryPolicyOf(options: SubscribeOptions): DeliveryPolicy {
  if (!options.group) throw new Error('subscribe options.group must be a non-empty consumer group name');
  const maxAttempts = options.maxAttempts ?? DEFAULT_MAX_ATTEMPTS;
  const backoffMs = options.backoffMs ?? DEFAULT_BACKOFF_MS;
  if (!Number.isInteger(maxAttempts) || maxAttempts < 1) throw new Error(`subscribe options.maxAttempts must be an integer >= 1, got ${maxAttempts}`);
  if (!Number.isFinite(backoffMs) || backoffMs < 0) throw new Error(`subscribe options.backoffMs must be >= 0, got ${backoffMs}`);
  return { group: options.group, maxAttempts, backoffMs };
}

export interface BatchDeliveryPolicy extends DeliveryPolicy {
  readonly maxBatchSize: number;
  readonly lingerMs: number;
}

export const DEFAULT_MAX_BATCH_SIZE = 200;

export function batchPolicyOf(options: BatchSubscribeOptions): BatchDeliveryPolicy {
  const maxBatchSize = options.maxBatchSize ?? DEFAULT_MAX_BATCH_SIZE;
  const lingerMs = options.lingerMs ?? 0;
  if (!Number.isInteger(maxBatchSize) || maxBatchSize < 1) throw new Error(`subscribe options.maxBatchSize must be an integer >= 1, got ${maxBatchSize}`);
  if (!Number.isFinite(lingerMs) || lingerMs < 0) throw new Error(`subscribe options.lingerMs must be >= 0, got ${lingerMs}`);
  return { ...deliveryPolicyOf(options), maxBatchSize, lingerMs };
}

/** Delay before retry number `attempt` (1 = first retry): exponential, doubled each time. */
export function backoffDelay(policy: DeliveryPolicy, attempt: number): number {
  return policy.backoffMs * 2 ** (attempt - 1);
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
