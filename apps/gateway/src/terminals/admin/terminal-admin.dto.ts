import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsOptional, IsString, Matches, MaxLength } from 'class-validator';

/** A new register: its terminal id (ISO 8583 DE 41), its merchant (DE 42), what it may charge in. */
export class CreateTerminalDto {
  @ApiProperty({ example: 'SHOP0007' })
  @Matches(/^[A-Za-z0-9]{8}$/, { message: 'terminalId must be 8 letters or digits (ISO 8583 field 41)' })
  terminalId!: string;

  @ApiProperty({ example: 'Till 7, ground floor' })
  @IsString()
  @MaxLength(100, { message: 'name must be at most 100 characters' })
  @Matches(/\S/, { message: 'name must not be blank' })
  name!: string;

  @ApiProperty({ example: 'SHOP00000000007' })
  @Matches(/^[A-Za-z0-9 ]{1,15}$/, { message: 'merchantId must be 1-15 letters, digits or spaces (ISO 8583 field 42)' })
  merchantId!: string;

  @ApiProperty({ example: ['EUR'], description: 'ISO 4217 alphabetic codes the register may charge in' })
  @IsArray({ message: 'currencies must be a list of ISO 4217 codes' })
  @ArrayMinSize(1, { message: 'currencies must name at least one currency' })
  @ArrayMaxSize(20)
  @Matches(/^[A-Z]{3}$/, { each: true, message: 'currencies must be ISO 4217 alphabetic codes (e.g. EUR)' })
  currencies!: string[];
}

export class TerminalStatusDto {
  @ApiPropertyOptional({ example: 'register stolen' })
  @IsOptional()
  @IsString()
  @MaxLength(200, { message: 'reason must be at most 200 characters' })
  reason?: string;
}
