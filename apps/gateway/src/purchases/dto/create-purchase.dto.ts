import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Length, Matches, Max, MaxLength, Min, ValidateNested } from 'class-validator';

/** Card data as the thin PIN pad delivers it: DUKPT-encrypted track 2, never clear. */
export class EncryptedCardDto {
  @ApiProperty({ example: 'test-bdk', description: 'id of the base derivation key the PIN pad was injected from' })
  @IsString()
  @Length(1, 32)
  bdkId!: string;

  @ApiProperty({ example: 'FFFF9876543210E00001', description: 'key serial number, 20 uppercase hex digits' })
  @Matches(/^[0-9A-F]{20}$/, { message: 'ksn must be 20 uppercase hex digits' })
  ksn!: string;

  @ApiProperty({ description: 'TDES-CBC ciphertext of the track 2 equivalent data, uppercase hex' })
  @Matches(/^([0-9A-F]{16})+$/, { message: 'ciphertext must be uppercase hex in whole 8-byte blocks' })
  @MaxLength(512)
  ciphertext!: string;
}

export class CreatePurchaseDto {
  @ApiProperty({ example: 1250, description: 'amount in minor units of the currency (12.50 EUR = 1250)' })
  @IsInt({ message: 'amount must be an integer number of minor units' })
  @Min(1)
  @Max(999_999_999_999, { message: 'amount must not exceed 12 digits (ISO 8583 field 4)' })
  amount!: number;

  @ApiProperty({ example: 'EUR', description: 'ISO 4217 alphabetic code' })
  @Matches(/^[A-Z]{3}$/, { message: 'currency must be an ISO 4217 alphabetic code such as EUR' })
  currency!: string;

  @ApiProperty({ type: EncryptedCardDto })
  @ValidateNested()
  @Type(() => EncryptedCardDto)
  card!: EncryptedCardDto;

  @ApiProperty({ enum: ['chip', 'contactless', 'magstripe'], required: false, default: 'chip' })
  @IsOptional()
  @IsIn(['chip', 'contactless', 'magstripe'])
  entryMode?: 'chip' | 'contactless' | 'magstripe';
}
