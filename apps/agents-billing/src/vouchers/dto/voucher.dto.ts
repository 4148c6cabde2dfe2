import { applyDecorators } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsArray, IsDefined, IsInt, IsISO8601, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min, ValidateNested } from 'class-validator';

import { PAYEE_ID } from '../../commissions/dto/payee-id';
import { CurrencyCode } from '../../tree/dto/currency-code.decorator';
import { MinorUnits } from '../../tree/dto/minor-units.decorator';
import { MAX_BATCH_VOUCHERS } from '../voucher-batch-lines';

/** A provider's id: 1-64 letters, digits, dots, dashes or underscores (the payees' form). */
export const ProviderId = (): PropertyDecorator =>
  applyDecorators(
    ApiProperty({ example: 'topup-cz', description: "the voucher provider's id" }),
    Matches(PAYEE_ID, { message: 'providerId must be 1-64 letters, digits, dots, dashes or underscores' }),
    IsString({ message: 'providerId must be a string' }),
    IsDefined({ message: 'providerId is required' }),
  );

const Serial = (): PropertyDecorator =>
  applyDecorators(
    ApiProperty({ example: 'S-0001', description: "the voucher's serial, printed on it" }),
    MaxLength(64, { message: 'serial must be at most 64 characters' }),
    IsString({ message: 'serial must be a string' }),
    IsDefined({ message: 'serial is required' }),
  );

export class VoucherLineDto {
  @Serial()
  serial!: string;

  @ApiProperty({ example: 'ZXCV-1234-ASDF', description: 'the scratch code: sealed at rest, never answered by this API' })
  @MaxLength(64, { message: 'code must be at most 64 characters' })
  @IsString({ message: 'code must be a string' })
  @IsDefined({ message: 'code is required' })
  code!: string;
}

export class VoucherBatchDto {
  @ApiProperty({ format: 'uuid', description: "the caller's id: the same id and body again answers the first import" })
  @IsUUID('all', { message: 'id must be a UUID' })
  @IsDefined({ message: 'id is required (a UUID the caller chooses)' })
  id!: string;

  @ProviderId()
  providerId!: string;

  @MinorUnits('denomination', { min: 1, required: true, description: "each voucher's value, the agent's debit on a sale" })
  denomination!: number;

  @CurrencyCode('the currency of the denomination')
  currency!: string;

  @ApiProperty({ required: false, format: 'date-time', description: 'after it, the batch is never sold' })
  @IsISO8601({ strict: true }, { message: 'expiresAt must be an ISO 8601 date-time such as 2027-06-30T23:59:59Z' })
  @IsOptional()
  expiresAt?: string;

  @ApiProperty({ required: false, type: [VoucherLineDto], description: `the vouchers (JSON), at most ${MAX_BATCH_VOUCHERS}; or csv` })
  @ValidateNested({ each: true })
  @Type(() => VoucherLineDto)
  @IsArray({ message: 'vouchers must be an array of {serial, code}' })
  @IsOptional()
  vouchers?: VoucherLineDto[];

  @ApiProperty({
    required: false,
    example: 'serial,code\nS-0001,ZXCV-1234-ASDF',
    description: 'the vouchers as CSV: serial,code per line, an optional header; or vouchers',
  })
  @MaxLength(2_000_000, { message: 'csv must be at most 2,000,000 characters' })
  @IsString({ message: 'csv must be a string' })
  @IsOptional()
  csv?: string;
}

export class VoucherSerialDto {
  @ProviderId()
  providerId!: string;

  @Serial()
  serial!: string;
}

export class StockThresholdDto {
  @ProviderId()
  providerId!: string;

  @MinorUnits('denomination', { min: 1, required: true, description: 'the stock of this denomination' })
  denomination!: number;

  @CurrencyCode('the stock of this currency')
  currency!: string;

  @ApiProperty({ minimum: 0, description: 'voucher-stock-low is raised while fewer vouchers than this are available (0: never)' })
  @Max(1_000_000, { message: 'minimumAvailable must be at most 1000000' })
  @Min(0, { message: 'minimumAvailable must be at least 0' })
  @IsInt({ message: 'minimumAvailable must be an integer' })
  @IsDefined({ message: 'minimumAvailable is required' })
  minimumAvailable!: number;
}

export class StockQueryDto {
  @ApiProperty({ required: false, description: "only this provider's stocks" })
  @Matches(PAYEE_ID, { message: 'providerId must be 1-64 letters, digits, dots, dashes or underscores' })
  @IsOptional()
  providerId?: string;
}
