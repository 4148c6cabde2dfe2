import { ApiProperty } from '@nestjs/swagger';

import { deliveryResponseOf, FileDeliveryResponse } from '../files/file-delivery.response';
import { type HeldReason, PAYOUT_STATUSES, type PayoutStatus } from './merchant-payout';
import type { MerchantPayout } from './merchant-payout.record';
import { isLate } from './payout-dates';
import { type PayoutFile, payoutFileIdentityOf } from './payout-file';

const HELD_REASONS: HeldReason[] = ['net_not_positive', 'no_merchant_account', 'no_debtor_account'];

/** A merchant's payout of a batch in one currency, amounts in minor units as exact decimal text. */
export class PayoutResponse {
  @ApiProperty({ example: 'PO4F1C2A9B0D3E4F5A6B7C8D9E0F1A2B3C', description: 'also the EndToEndId of its credit transfer' }) payoutId!: string;
  @ApiProperty({ format: 'uuid' }) batchId!: string;
  @ApiProperty({ nullable: true, type: String, format: 'uuid' }) payoutFileId!: string | null;
  @ApiProperty({ example: 'default' }) acquirerId!: string;
  @ApiProperty({ example: '2026-12-01', format: 'date' }) businessDay!: string;
  @ApiProperty({ example: 'M0000001' }) merchantId!: string;
  @ApiProperty({ example: 'EUR' }) currency!: string;
  @ApiProperty() lineCount!: number;
  @ApiProperty({ example: '10000', description: 'debits minus credits of the merchant in the batch' }) grossMinor!: string;
  @ApiProperty({ example: '160', description: 'the acquirer fees expected of its debit lines (0 without a configured rate)' }) feeMinor!: string;
  @ApiProperty({ example: '9840' }) netMinor!: string;
  @ApiProperty({ enum: PAYOUT_STATUSES }) status!: PayoutStatus;
  @ApiProperty({ nullable: true, enum: HELD_REASONS }) heldReason!: HeldReason | null;
  @ApiProperty({ description: 'ordered, and not found paid two business days after its execution date' }) late!: boolean;
  @ApiProperty({ nullable: true, type: String, format: 'date' }) requestedExecutionDate!: string | null;
  @ApiProperty({ nullable: true, type: String, example: 'DE89370400440532013000' }) creditorIban!: string | null;
  @ApiProperty({ nullable: true, type: String, example: '9840', description: 'the amount of the statement entry that paid it' }) paidMinor!: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date' }) paidBookingDate!: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'uuid' }) paidStatementId!: string | null;
}

export function payoutResponseOf(payout: MerchantPayout, today: Date): PayoutResponse {
  return {
    payoutId: payout.id,
    batchId: payout.batchId,
    payoutFileId: payout.payoutFileId,
    acquirerId: payout.acquirerId,
    businessDay: payout.businessDay,
    merchantId: payout.merchantId,
    currency: payout.currency,
    lineCount: payout.lineCount,
    grossMinor: payout.grossMinor.toString(),
    feeMinor: payout.feeMinor.toString(),
    netMinor: payout.netMinor.toString(),
    status: payout.status,
    heldReason: payout.heldReason,
    late: isLate(payout, today),
    requestedExecutionDate: payout.requestedExecutionDate,
    creditorIban: payout.creditor?.iban ?? null,
    paidMinor: payout.paid?.amountMinor.toString() ?? null,
    paidBookingDate: payout.paid?.bookingDate ?? null,
    paidStatementId: payout.paid?.statementId ?? null,
  };
}

/** A batch's pain.001 as the operators' API shows it. */
export class PayoutFileResponse extends FileDeliveryResponse {
  @ApiProperty({ format: 'uuid' }) fileId!: string;
  @ApiProperty({ format: 'uuid' }) batchId!: string;
  @ApiProperty({ example: 'default' }) acquirerId!: string;
  @ApiProperty({ example: '2026-12-01', format: 'date' }) businessDay!: string;
  @ApiProperty({ example: 'PAIN001_20261201_000001.xml' }) fileName!: string;
  @ApiProperty({ example: 'PAYOUT-20261201-000001', description: 'GrpHdr/MsgId' }) messageId!: string;
  @ApiProperty({ description: 'the payout file sequence number, kept by every re-send' }) sequence!: number;
  @ApiProperty({ example: '2026-12-02', format: 'date' }) requestedExecutionDate!: string;
  @ApiProperty({ description: 'credit transfers in the file' }) transactionCount!: number;
  @ApiProperty({ description: "the batch's payouts held back, not in the file" }) heldCount!: number;
}

export function payoutFileResponseOf(file: PayoutFile): PayoutFileResponse {
  return {
    ...payoutFileIdentityOf(file),
    transactionCount: file.transactionCount,
    heldCount: file.heldCount,
    ...deliveryResponseOf(file),
  };
}
