import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Matches, Max, Min } from 'class-validator';

export class HistoryQueryDto {
  @ApiProperty({ required: false, default: 100, minimum: 1, maximum: 1000 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'limit must be a whole number' })
  @Min(1, { message: 'limit must be at least 1' })
  @Max(1000, { message: 'limit must be at most 1000' })
  limit?: number;

  @ApiProperty({ required: false, description: "the previous page's nextAfter: the entries after that sequence" })
  @IsOptional()
  @Matches(/^(0|[1-9][0-9]{0,18})$/, { message: "after must be a sequence number (the previous page's nextAfter)" })
  after?: string;
}
