import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Matches, Max, Min } from 'class-validator';

import { IsCalendarDate } from '@payments/runtime';

import { ACQUIRER_ID, ACQUIRER_ID_MESSAGE } from '../../close-day/dto/close-day-params.dto';

const STATUSES = ['pending', 'delivered', 'failed'] as const;

export class FilesQueryDto {
  @ApiProperty({ required: false, example: 'default' })
  @IsOptional()
  @Matches(ACQUIRER_ID, { message: ACQUIRER_ID_MESSAGE })
  acquirerId?: string;

  @ApiProperty({ required: false, example: '2026-12-01', format: 'date' })
  @IsOptional()
  @IsCalendarDate()
  businessDay?: string;

  @ApiProperty({ required: false, enum: STATUSES })
  @IsOptional()
  @IsIn(STATUSES, { message: 'status must be one of pending, delivered, failed' })
  status?: (typeof STATUSES)[number];

  @ApiProperty({ required: false, default: 50, minimum: 1, maximum: 500 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'limit must be a whole number' })
  @Min(1, { message: 'limit must be at least 1' })
  @Max(500, { message: 'limit must be at most 500' })
  limit?: number;
}
