import { ApiProperty } from '@nestjs/swagger';
import { IsInt, IsOptional, IsUUID, Matches, Max, Min } from 'class-validator';

/** How much, in which currency (must be the original's). Absent amount: everything that is left. */
export class FollowUpAmountDto {
  @ApiProperty({ example: 500, required: false, description: 'minor units; absent: the whole remaining amount (completion: the preauthorized amount)' })
  @IsOptional()
  @IsInt({ message: 'amount must be an integer number of minor units' })
  @Min(1)
  @Max(999_999_999_999, { message: 'amount must not exceed 12 digits (ISO 8583 field 4)' })
  amount?: number;

  @ApiProperty({ example: 'EUR', required: false, description: "ISO 4217 alphabetic code; must be the original's" })
  @IsOptional()
  @Matches(/^[A-Z]{3}$/, { message: 'currency must be an ISO 4217 alphabetic code such as EUR' })
  currency?: string;
}

/** The original of a cancel or refund: by its id, or by the approval code and RRN printed on its receipt. */
export class FollowUpDto extends FollowUpAmountDto {
  @ApiProperty({ required: false, description: 'the original transaction id' })
  @IsOptional()
  @IsUUID('all', { message: 'originalTransactionId must be a UUID' })
  originalTransactionId?: string;

  @ApiProperty({ required: false, example: '000123', description: 'approval code on the original receipt (with rrn)' })
  @IsOptional()
  @Matches(/^[A-Za-z0-9 ]{1,6}$/, { message: 'approvalCode must be 1-6 letters or digits' })
  approvalCode?: string;

  @ApiProperty({ required: false, example: '633410000001', description: 'RRN on the original receipt (with approvalCode)' })
  @IsOptional()
  @Matches(/^[A-Za-z0-9]{1,12}$/, { message: 'rrn must be 1-12 letters or digits' })
  rrn?: string;
}
