import { ConflictException, UnprocessableEntityException } from '@nestjs/common';

/** Same key, different body (Stripe's rule): never processed, never confused with the first. */
export class IdempotencyKeyReusedError extends UnprocessableEntityException {
  constructor(key: string) {
    super(`Idempotency-Key "${key}" was already used with a different request body`);
  }
}

/** Same key and body while the first request is still being authorized: retry later for its outcome. */
export class IdempotentRequestInProgressError extends ConflictException {
  constructor(key: string, transactionId: string) {
    super(`the request with Idempotency-Key "${key}" (transaction ${transactionId}) is still in progress; retry for its outcome`);
  }
}
