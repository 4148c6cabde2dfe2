import { BadRequestException } from '@nestjs/common';

const IDEMPOTENCY_KEY = /^[A-Za-z0-9_.:-]{8,64}$/;

/** Every money-moving request names itself: 8-64 letters, digits or _ . : - (a retry sends the same). */
export function requireIdempotencyKey(header: string | undefined): string {
  if (!header || !IDEMPOTENCY_KEY.test(header)) throw new BadRequestException('Idempotency-Key header: required, 8-64 letters, digits or _ . : -');
  return header;
}
