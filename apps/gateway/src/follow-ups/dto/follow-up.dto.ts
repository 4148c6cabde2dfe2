import { ApiProperty } from '@nestjs/swagger';
import { IsInt, IsOptional, IsString, IsUUID, Matches, Max, Min } from 'class-validator';

// Nearest the property first, first failure only (see createValidationPipe): type, then range.

/** How much, in which currency (must be the original's). Absent amount: everything that is left. */
export class FollowUpAmountDto {
  @ApiProperty({
    example: 500,
    required: false,
    minimum: 1,
    maximum: 999_999_999_999,
    description: 'minor units; absent: the whole remaining amount (completion: the preauthorized amount)',
  })
  @Max(999_999_999_999, { message: 'amount must not exceed 12 digits (ISO 8583 field 4)' })
  @Min(1, { message: 'amount must be at least 1 minor unit' })
  @IsInt({ message: 'amount must be an integer number of minor units (a JSON number such as 500)' })
  @IsOptional()
  amount?: number;

  @ApiProperty({ example: 'EUR', required: false, description: "ISO 4217 alphabetic code; must be the original's" })
  @Matches(/^[A-Z]{3}$/, { message: 'currency must be an ISO 4217 alphabetic code such as EUR' })
  @IsString({ message: 'currency must be a string, an ISO 4217 alphabetic code such as EUR' })
  @IsOptional()
  currency?: string;
}

/** The original of a cancel or refund: by its id, or by the approval code and RRN printed on its receipt. */
export class FollowUpDto extends FollowUpAmountDto {
  @ApiProperty({ required: false, format: 'uuid', description: 'the original transaction id' })
  @IsUUID('all', { message: 'originalTransactionId must be a UUID' })
  @IsOptional()
  originalTransactionId?: string;

  @ApiProperty({ required: false, example: '000123', description: 'approval code on the original receipt (with rrn)' })
  @Matches(/^[A-Za-z0-9 ]{1,6}$/, { message: 'approvalCode must be 1-6 letters or digits' })
  @IsString({ message: 'approvalCode must be a string of 1-6 letters or digits' })
  @IsOptional()
  approvalCode?: string;

  @ApiProperty({ required: false, example: '633410000001', description: 'RRN on the original receipt (with approvalCode)' })
  @Matches(/^[A-Za-z0-9]{1,12}$/, { message: 'rrn must be 1-12 letters or digits' })
  @IsString({ message: 'rrn must be a string of 1-12 letters or digits' })
  @IsOptional()
  rrn?: string;
}
