import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';

import { PAYEE_STATUSES, type PayeeStatus } from '../payee';

export class PayeesQueryDto {
  @ApiProperty({ required: false, enum: PAYEE_STATUSES, description: 'only the payees of this status' })
  @IsIn(PAYEE_STATUSES, { message: `status must be one of ${PAYEE_STATUSES.join(', ')}` })
  @IsOptional()
  status?: PayeeStatus;
}
