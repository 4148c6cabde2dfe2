import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';

/** Register a PIN pad, or register it again (another register or shop, a new initial key). */
export class RegisterPinPadDto {
  @ApiProperty({ example: 'PP-0042', description: "the PIN pad's serial number (as on its label and its certificate)" })
  @IsString()
  serialNumber!: string;

  @ApiProperty({ example: 'ansi-test-bdk', description: 'the id of the BDK its initial key was derived from (CARD_BDKS or the HSM)' })
  @IsString()
  bdkId!: string;

  @ApiProperty({
    example: 'FFFF9876543210E00000',
    description: 'the KSN loaded with the initial key (counter 0): 20 hex digits for TDES DUKPT, 24 for AES DUKPT',
  })
  @IsString()
  initialKsn!: string;

  @ApiProperty({ example: 'DEMO0001', description: 'the register (terminal id) the pad serves' })
  @IsString()
  terminalId!: string;

  @ApiPropertyOptional({ example: 'SHOP-7' })
  @IsOptional()
  @IsString()
  shopId?: string;
}

export class PinPadStatusDto {
  @ApiPropertyOptional({ example: 'reported stolen', description: 'why (kept on the pad and shown with every refusal)' })
  @IsOptional()
  @IsString()
  @MaxLength(200, { message: 'reason must be at most 200 characters' })
  reason?: string;
}

export class PinPadQueryDto {
  @ApiPropertyOptional() @IsOptional() @Matches(/^[A-Za-z0-9]{1,8}$/, { message: 'terminalId must be 1-8 letters or digits' }) terminalId?: string;
  @ApiPropertyOptional({ enum: ['active', 'blocked'] })
  @IsOptional()
  @IsIn(['active', 'blocked'], { message: 'status must be one of active, blocked' })
  status?: 'active' | 'blocked';
  @ApiPropertyOptional({ default: 100, maximum: 1000 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(1000, { message: 'limit must not exceed 1000' })
  limit?: number;
}
