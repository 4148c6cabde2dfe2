import { ApiProperty } from '@nestjs/swagger';
import { IsOptional, Matches } from 'class-validator';

/** A UTC calendar day's shape (whether the day exists, 2026-02-30, is checked by utcDayOf). */
export const UTC_DAY = /^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$/;

export class StatementQueryDto {
  @ApiProperty({ example: '2026-12-07', description: 'the first UTC day of the statement' })
  @Matches(UTC_DAY, { message: 'from must be a UTC day, YYYY-MM-DD' })
  from!: string;

  @ApiProperty({ required: false, example: '2026-12-07', description: 'the last UTC day (inclusive; default: from), closed' })
  @IsOptional()
  @Matches(UTC_DAY, { message: 'to must be a UTC day, YYYY-MM-DD' })
  to?: string;
}
