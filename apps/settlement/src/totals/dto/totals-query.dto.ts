import { ApiProperty } from '@nestjs/swagger';
import { IsDefined, IsOptional, Matches } from 'class-validator';

import { IsCalendarDate } from '@payments/runtime';

export class TotalsQueryDto {
  @ApiProperty({ example: '2026-11-22', format: 'date', description: 'business day, YYYY-MM-DD' })
  @IsCalendarDate()
  @IsDefined({ message: 'businessDay is required (a calendar date YYYY-MM-DD)' })
  businessDay!: string;

  @ApiProperty({ required: false, example: 'DEMO0001' })
  @IsOptional()
  @Matches(/^[A-Za-z0-9]{1,8}$/, { message: 'terminalId must be 1-8 letters or digits' })
  terminalId?: string;
}
