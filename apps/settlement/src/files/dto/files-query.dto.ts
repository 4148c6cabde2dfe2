import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';

import { BatchesQueryDto } from '../../close-day/dto/batches-query.dto';

const STATUSES = ['pending', 'delivered', 'failed'] as const;

/** The batches' filters (acquirer, business day, limit), and the file's status. */
export class FilesQueryDto extends BatchesQueryDto {
  @ApiProperty({ required: false, enum: STATUSES })
  @IsOptional()
  @IsIn(STATUSES, { message: 'status must be one of pending, delivered, failed' })
  status?: (typeof STATUSES)[number];
}
