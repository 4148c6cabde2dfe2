import { ApiProperty } from '@nestjs/swagger';
import { IsString, Matches, MaxLength } from 'class-validator';

export class ResolveBreakDto {
  @ApiProperty({ example: 'acquirer confirmed the fee correction on its next report', maxLength: 500 })
  @MaxLength(500, { message: 'reason must be at most 500 characters' })
  @Matches(/\S/, { message: 'reason is required: why the break needs no further action' })
  @IsString({ message: 'reason is required: why the break needs no further action' })
  reason!: string;
}
