import { ApiProperty, PickType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Matches, Max, Min } from 'class-validator';

import { BatchesQueryDto } from '../../close-day/dto/batches-query.dto';
import { MERCHANT_FUNDING_STATUSES, type MerchantFundingStatus } from '../funding-status';

/** The acquirer and day filters as the batches take them, plus the merchant and the status. */
export class MerchantFundingQueryDto extends PickType(BatchesQueryDto, ['acquirerId', 'businessDay'] as const) {
  @ApiProperty({ required: false, example: 'SHOP00000000001' })
  @IsOptional()
  @Matches(/^[A-Za-z0-9._-]{1,64}$/, { message: 'merchantId must be 1-64 letters, digits, dots, dashes or underscores' })
  merchantId?: string;

  @ApiProperty({ required: false, enum: MERCHANT_FUNDING_STATUSES })
  @IsOptional()
  @IsIn(MERCHANT_FUNDING_STATUSES, { message: `status must be one of ${MERCHANT_FUNDING_STATUSES.join(', ')}` })
  status?: MerchantFundingStatus;

  @ApiProperty({ required: false, default: 100, minimum: 1, maximum: 1000 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'limit must be a whole number' })
  @Min(1, { message: 'limit must be at least 1' })
  @Max(1000, { message: 'limit must be at most 1000' })
  limit?: number;
}
