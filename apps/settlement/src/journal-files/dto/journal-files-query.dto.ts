import { ApiProperty, PickType } from '@nestjs/swagger';
import { IsIn, IsOptional, Matches } from 'class-validator';

import { BatchesQueryDto } from '../../close-day/dto/batches-query.dto';

const STATUSES = ['pending', 'delivered', 'failed'] as const;

/** The batches' business day and limit, the currency and the file's status. */
export class JournalFilesQueryDto extends PickType(BatchesQueryDto, ['businessDay', 'limit'] as const) {
  @ApiProperty({ required: false, example: 'EUR' })
  @IsOptional()
  @Matches(/^[A-Z]{3}$/, { message: 'currency must be an ISO 4217 code of three capital letters' })
  currency?: string;

  @ApiProperty({ required: false, enum: STATUSES })
  @IsOptional()
  @IsIn(STATUSES, { message: 'status must be one of pending, delivered, failed' })
  status?: (typeof STATUSES)[number];
}
