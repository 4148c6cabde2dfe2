import { ApiProperty } from '@nestjs/swagger';
import { IsOptional, Matches } from 'class-validator';

export class TotalsQueryDto {
  @ApiProperty({ example: '2026-11-22', description: 'business day, YYYY-MM-DD' })
  @Matches(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, { message: 'businessDay must be a date YYYY-MM-DD' })
  businessDay!: string;

  @ApiProperty({ required: false, example: 'DEMO0001' })
  @IsOptional()
  @Matches(/^[A-Za-z0-9]{1,8}$/, { message: 'terminalId must be 1-8 letters or digits' })
  terminalId?: string;
}
