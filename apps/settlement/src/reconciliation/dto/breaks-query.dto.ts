import { ApiProperty, PickType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsUUID, Max, Min } from 'class-validator';

import { BatchesQueryDto } from '../../close-day/dto/batches-query.dto';
import type { BreakStatus } from '../reconciliation-break.repository';

const STATUSES: readonly BreakStatus[] = ['open', 'resolved', 'replaced'];

/** The acquirer and day filters as the batches take them, plus the break's own. */
export class BreaksQueryDto extends PickType(BatchesQueryDto, ['acquirerId', 'businessDay'] as const) {
  @ApiProperty({ required: false, enum: STATUSES })
  @IsOptional()
  @IsIn(STATUSES, { message: `status must be one of ${STATUSES.join(', ')}` })
  status?: BreakStatus;

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
