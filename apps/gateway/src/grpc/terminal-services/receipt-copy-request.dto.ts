import { IsOptional, IsUUID } from 'class-validator';

/** ReceiptCopyRequest as REST takes it from the path: /receipts/{transactionId}, or /receipts/last when absent. */
export class ReceiptCopyRequestDto {
  @IsOptional()
  @IsUUID('all', { message: 'transactionId must be a UUID' })
  transactionId?: string;
}
