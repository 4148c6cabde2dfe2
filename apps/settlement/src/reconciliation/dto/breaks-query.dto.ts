import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsUUID, Matches, Max, Min } from 'class-validator';

import { IsCalendarDate } from '@payments/runtime';

import { ACQUIRER_ID, ACQUIRER_ID_MESSAGE } from '../../business-day/acquirer-id';
import type { BreakStatus } from '../reconciliation-break.repository';

const STATUSES: readonly BreakStatus[] = ['open', 'resolved', 'replaced'];

export class BreaksQueryDto {
  @ApiProperty({ required: false, enum: STATUSES })
  @IsOptional()
  @IsIn(STATUSES, { message: `status must be one of ${STATUSES.join(', ')}` })
  status?: BreakStatus;

  @ApiProperty({ required: false, example: 'acq-cz' })
  @IsOptional()
  @Matches(ACQUIRER_ID, { message: ACQUIRER_ID_MESSAGE })
  acquirerId?: string;

  @ApiProperty({ required: false, example: '2026-12-01', format: 'date' })
  @IsOptional()
  @IsCalendarDate()
  businessDay?: string;

  @ApiProperty({ required: false, format: 'uuid', description: 'the breaks of one import' })
  @IsOptional()
  @IsUUID('all', { message: 'reportId must be a UUID' })
  reportId?: string;

  @ApiProperty({ required: false, default: 100, minimum: 1, maximum: 1000 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'limit must be a whole number' })
  @Min(1, { message: 'limit must be at least 1' })
  @Max(1000, { message: 'limit must be at most 1000' })
  limit?: number;
}
