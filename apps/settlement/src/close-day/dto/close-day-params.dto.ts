import { ApiProperty } from '@nestjs/swagger';
import { IsDefined, Matches } from 'class-validator';

import { IsCalendarDate } from '@payments/runtime';

import { ACQUIRER_ID, ACQUIRER_ID_MESSAGE } from '../../business-day/acquirer-id';

export class CloseDayParamsDto {
  @ApiProperty({ example: 'default', description: "the acquirer whose day is closed (authorization's acquirer id)" })
  @Matches(ACQUIRER_ID, { message: ACQUIRER_ID_MESSAGE })
  acquirerId!: string;

  @ApiProperty({ example: '2026-12-01', format: 'date', description: 'the business day to close, YYYY-MM-DD' })
  @IsCalendarDate()
  @IsDefined({ message: 'businessDay is required (a calendar date YYYY-MM-DD)' })
  businessDay!: string;
}
