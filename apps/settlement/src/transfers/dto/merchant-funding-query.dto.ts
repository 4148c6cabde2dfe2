import { ApiProperty, PickType } from '@nestjs/swagger';
import { IsIn, IsOptional, Matches } from 'class-validator';

import { BreaksQueryDto } from '../../reconciliation/dto/breaks-query.dto';
import { MERCHANT_FUNDING_STATUSES, type MerchantFundingStatus } from '../funding-status';

/** The acquirer, day and limit as the breaks take them (limit 1-1000, default 100), plus the merchant and the status. */
export class MerchantFundingQueryDto extends PickType(BreaksQueryDto, ['acquirerId', 'businessDay', 'limit'] as const) {
  @ApiProperty({ required: false, example: 'SHOP00000000001' })
  @IsOptional()
  @Matches(/^[A-Za-z0-9._-]{1,64}$/, { message: 'merchantId must be 1-64 letters, digits, dots, dashes or underscores' })
  merchantId?: string;

  @ApiProperty({ required: false, enum: MERCHANT_FUNDING_STATUSES })
  @IsOptional()
  @IsIn(MERCHANT_FUNDING_STATUSES, { message: `status must be one of ${MERCHANT_FUNDING_STATUSES.join(', ')}` })
  status?: MerchantFundingStatus;
}
