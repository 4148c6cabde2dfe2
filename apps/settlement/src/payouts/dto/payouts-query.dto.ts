import { ApiProperty, PickType } from '@nestjs/swagger';
import { IsIn, IsOptional, Matches } from 'class-validator';

import { BatchesQueryDto } from '../../close-day/dto/batches-query.dto';
import { PAYOUT_STATUSES, type PayoutStatus } from '../merchant-payout';

/** The batches' business day and limit, the merchant and the payout's status. */
export class PayoutsQueryDto extends PickType(BatchesQueryDto, ['businessDay', 'limit'] as const) {
  @ApiProperty({ required: false, example: 'M0000001' })
  @IsOptional()
  @Matches(/^[A-Za-z0-9]{1,15}$/, { message: 'merchantId must be 1-15 letters or digits (ISO 8583 field 42)' })
  merchantId?: string;

  @ApiProperty({ required: false, enum: PAYOUT_STATUSES })
  @IsOptional()
  @IsIn(PAYOUT_STATUSES, { message: `status must be one of ${PAYOUT_STATUSES.join(', ')}` })
  status?: PayoutStatus;
}
