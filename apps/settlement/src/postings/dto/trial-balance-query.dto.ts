import { ApiProperty } from '@nestjs/swagger';
import { IsDefined, IsOptional, Matches } from 'class-validator';

import { IsCalendarDate } from '@payments/runtime';

import { ACQUIRER_ID, ACQUIRER_ID_MESSAGE } from '../../business-day/acquirer-id';

export class TrialBalanceQueryDto {
  @ApiProperty({ example: '2026-12-01', format: 'date', description: 'first business day of the range, YYYY-MM-DD' })
  @IsCalendarDate()
  @IsDefined({ message: 'from is required (a calendar date YYYY-MM-DD)' })
  from!: string;

  @ApiProperty({ example: '2026-12-31', format: 'date', description: 'last business day of the range (included), YYYY-MM-DD' })
  @IsCalendarDate()
  @IsDefined({ message: 'to is required (a calendar date YYYY-MM-DD)' })
  to!: string;

  @ApiProperty({ required: false, example: 'EUR', description: 'only this currency (ISO 4217)' })
  @IsOptional()
  @Matches(/^[A-Z]{3}$/, { message: 'currency must be an ISO 4217 code such as EUR' })
  currency?: string;

  @ApiProperty({ required: false, example: 'default', description: "only this acquirer's postings" })
  @IsOptional()
  @Matches(ACQUIRER_ID, { message: ACQUIRER_ID_MESSAGE })
  acquirerId?: string;
}
