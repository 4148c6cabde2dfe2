import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Matches, Max, Min } from 'class-validator';

import { operationSchema } from '@payments/contracts';
import { IsCalendarDate, IsIsoInstant } from '@payments/runtime';

const STATUSES = ['pending', 'approved', 'declined', 'failed', 'unknown', 'reversed', 'rejected', 'cancelled', 'refunded', 'completed', 'expired'];

/** Journal search: every filter optional, all of them ANDed; newest first; keyset paging by cursor. */
export class JournalQueryDto {
  @ApiPropertyOptional() @IsOptional() @Matches(/^[A-Za-z0-9]{1,8}$/, { message: 'terminalId must be 1-8 letters or digits' }) terminalId?: string;
  @ApiPropertyOptional() @IsOptional() @Matches(/^[A-Za-z0-9]{1,15}$/, { message: 'merchantId must be 1-15 letters or digits' }) merchantId?: string;
  @ApiPropertyOptional({ example: '2026-11-30', format: 'date' }) @IsOptional() @IsCalendarDate() businessDay?: string;
  @ApiPropertyOptional({ description: 'created at or after (ISO 8601 date or date-time)', example: '2026-11-30T00:00:00Z' })
  @IsOptional()
  @IsIsoInstant()
  from?: string;
  @ApiPropertyOptional({ description: 'created before (ISO 8601 date or date-time)', example: '2026-12-01' }) @IsOptional() @IsIsoInstant() to?: string;
  @ApiPropertyOptional({ description: 'minor units, inclusive' })
  @IsOptional()
  @Matches(/^[0-9]{1,12}$/, { message: 'amountMin must be minor units (digits)' })
  amountMin?: string;
  @ApiPropertyOptional({ description: 'minor units, inclusive' })
  @IsOptional()
  @Matches(/^[0-9]{1,12}$/, { message: 'amountMax must be minor units (digits)' })
  amountMax?: string;
  @ApiPropertyOptional() @IsOptional() @Matches(/^tok_[A-Za-z0-9]+$/, { message: 'cardToken must be a card token (tok_...)' }) cardToken?: string;
  @ApiPropertyOptional({ example: '424242******4242' })
  @IsOptional()
  @Matches(/^[0-9]{6}\*+[0-9]{4}$/, { message: 'maskedPan must be first 6, stars, last 4' })
  maskedPan?: string;
  @ApiPropertyOptional() @IsOptional() @Matches(/^[A-Za-z0-9]{1,12}$/, { message: 'rrn must be 1-12 letters or digits' }) rrn?: string;
  @ApiPropertyOptional() @IsOptional() @Matches(/^[A-Za-z0-9 ]{1,6}$/, { message: 'approvalCode must be 1-6 letters or digits' }) approvalCode?: string;
  @ApiPropertyOptional() @IsOptional() @Matches(/^[0-9A-Z]{2}$/, { message: 'responseCode must be 2 characters (ISO 8583 field 39)' }) responseCode?: string;
  @ApiPropertyOptional({ enum: STATUSES }) @IsOptional() @IsIn(STATUSES, { message: `status must be one of ${STATUSES.join(', ')}` }) status?: string;
  @ApiPropertyOptional({ enum: operationSchema.options })
  @IsOptional()
  @IsIn(operationSchema.options, { message: `operation must be one of ${operationSchema.options.join(', ')}` })
  operation?: string;
  @ApiPropertyOptional({ default: 50, maximum: 500 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(500, { message: 'limit must not exceed 500' })
  limit?: number;
  @ApiPropertyOptional({ description: 'nextCursor of the previous page' })
  @IsOptional()
  @Matches(/^[A-Za-z0-9_-]{1,200}$/, { message: 'cursor must be the nextCursor of a previous page' })
  cursor?: string;
  @ApiPropertyOptional({ enum: ['json', 'csv'], default: 'json' }) @IsOptional() @IsIn(['json', 'csv'], { message: 'format must be json or csv' }) format?:
    'json' | 'csv';
}
