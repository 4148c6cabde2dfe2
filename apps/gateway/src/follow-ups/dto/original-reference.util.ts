import { BadRequestException } from '@nestjs/common';

import type { OriginalReference } from '@payments/contracts';

import { FollowUpDto } from './follow-up.dto';

/*
 * Which original a follow-up names, read from its body at the edge (REST and gRPC alike), as the
 * ValidationPipe reads the fields: a body that names it wrongly is a 400 before any use case runs.
 */

/** The original named in the body: the id, or approval code + RRN together; never both, never half. */
export function originalReferenceOf(dto: FollowUpDto): OriginalReference {
  const byReceipt = dto.approvalCode !== undefined || dto.rrn !== undefined;
  if (dto.originalTransactionId && byReceipt) throw new BadRequestException('original: give originalTransactionId or approvalCode + rrn, not both');
  if (dto.originalTransactionId) return { transactionId: dto.originalTransactionId };
  if (dto.approvalCode && dto.rrn) return { approvalCode: dto.approvalCode, rrn: dto.rrn };
  if (byReceipt) throw new BadRequestException('original: approvalCode and rrn go together');
  throw new BadRequestException('original: originalTransactionId, or approvalCode + rrn from the receipt, is required');
}

/** A refund may name no original at all: the server then asks the cashier for the RRN on its receipt. */
export function refundOriginalOf(dto: FollowUpDto): OriginalReference | undefined {
  if (dto.originalTransactionId === undefined && dto.approvalCode === undefined && dto.rrn === undefined) return undefined;
  return originalReferenceOf(dto);
}
