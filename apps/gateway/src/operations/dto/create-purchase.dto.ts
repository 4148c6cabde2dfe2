import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { DUKPT_KSN_PATTERN, PIN_BLOCK_FORMATS } from '@payments/contracts';
import { IsDefined, IsIn, IsInt, IsObject, IsOptional, IsString, Length, Matches, Max, MaxLength, Min, ValidateNested } from 'class-validator';

// Decorators nearest the property are checked first and only the first failure is reported (see
// createValidationPipe): presence, then type, then range, each message saying what is expected.

/** Card data as the thin PIN pad delivers it: DUKPT-encrypted track 2, never clear. */
export class EncryptedCardDto {
  @ApiProperty({ example: 'test-bdk', description: 'id of the base derivation key the PIN pad was injected from' })
  @Length(1, 32, { message: 'bdkId must be 1-32 characters' })
  @IsString({ message: 'bdkId must be a string (the id of the base derivation key)' })
  @IsDefined({ message: 'bdkId is required (the id of the base derivation key)' })
  bdkId!: string;

  @ApiProperty({
    example: 'FFFF9876543210E00001',
    description: 'key serial number: 20 uppercase hex digits (TDES DUKPT, X9.24-1) or 24 (AES DUKPT, X9.24-3), of the scheme of the BDK',
  })
  @Matches(DUKPT_KSN_PATTERN, { message: 'ksn must be 20 (TDES DUKPT) or 24 (AES DUKPT) uppercase hex digits' })
  @IsString({ message: 'ksn must be a string of 20 or 24 uppercase hex digits' })
  @IsDefined({ message: 'ksn is required (20 or 24 uppercase hex digits)' })
  ksn!: string;

  @ApiProperty({ description: 'CBC ciphertext (zero IV) of the track 2 equivalent data under the DUKPT data key, TDES or AES as the KSN, uppercase hex' })
  @MaxLength(512, { message: 'ciphertext must be at most 512 hex digits' })
  @Matches(/^([0-9A-F]{16})+$/, { message: 'ciphertext must be uppercase hex in whole 8-byte blocks' })
  @IsString({ message: 'ciphertext must be a string of uppercase hex' })
  @IsDefined({ message: 'ciphertext is required (uppercase hex in whole 8-byte blocks)' })
  ciphertext!: string;
}

/** An online PIN as the thin PIN pad encrypted it: never clear, never stored. */
export class EncryptedPinDto {
  @ApiProperty({
    example: '1B9C1845EB993A7A',
    description: "ISO 9564 PIN block under the PIN pad's DUKPT PIN key: format 0, 16 hex digits (TDES DUKPT); format 4, 32 (AES DUKPT)",
  })
  @Matches(/^([0-9A-Fa-f]{16}|[0-9A-Fa-f]{32})$/, { message: 'pinBlock must be 16 hex digits (ISO 9564 format 0) or 32 (format 4)' })
  @IsString({ message: 'pinBlock must be a string of 16 or 32 hex digits' })
  @IsDefined({ message: 'pinBlock is required (16 or 32 hex digits)' })
  pinBlock!: string;

  @ApiProperty({
    enum: PIN_BLOCK_FORMATS,
    example: 0,
    description: 'PIN block format: 0 (ISO 9564 format 0) with a TDES DUKPT KSN, 4 (ISO 9564 format 4) with an AES DUKPT KSN',
  })
  @IsIn(PIN_BLOCK_FORMATS, { message: 'format must be 0 (ISO 9564 format 0, TDES DUKPT) or 4 (format 4, AES DUKPT)' })
  @IsDefined({ message: 'format is required (0 or 4, the ISO 9564 format)' })
  format!: 0 | 4;

  @ApiProperty({
    required: false,
    example: 'FFFF9876543210E00001',
    description: "key serial number of the PIN block, 20 (TDES) or 24 (AES) uppercase hex digits, of the card's PIN pad; absent: the card's",
  })
  @Matches(DUKPT_KSN_PATTERN, { message: 'ksn must be 20 (TDES DUKPT) or 24 (AES DUKPT) uppercase hex digits' })
  @IsString({ message: 'ksn must be a string of 20 or 24 uppercase hex digits' })
  @IsOptional()
  ksn?: string;
}

export class CreatePurchaseDto {
  @ApiProperty({ example: 1250, description: 'amount in minor units of the currency (12.50 EUR = 1250)', minimum: 1, maximum: 999_999_999_999 })
  @Max(999_999_999_999, { message: 'amount must not exceed 12 digits (ISO 8583 field 4)' })
  @Min(1, { message: 'amount must be at least 1 minor unit' })
  @IsInt({ message: 'amount must be an integer number of minor units (a JSON number such as 1250)' })
  @IsDefined({ message: 'amount is required (an integer number of minor units)' })
  amount!: number;

  @ApiProperty({ example: 'EUR', description: 'ISO 4217 alphabetic code' })
  @Matches(/^[A-Z]{3}$/, { message: 'currency must be an ISO 4217 alphabetic code such as EUR' })
  @IsString({ message: 'currency must be a string, an ISO 4217 alphabetic code such as EUR' })
  @IsDefined({ message: 'currency is required (an ISO 4217 alphabetic code such as EUR)' })
  currency!: string;

  @ApiProperty({ type: EncryptedCardDto, description: "the PIN pad's encrypted card block (`npm run cli -- card encrypt` makes one for tests)" })
  @ValidateNested()
  @Type(() => EncryptedCardDto)
  @IsObject({ message: 'card must be an object with bdkId, ksn and ciphertext' })
  @IsDefined({ message: 'card is required (an object with bdkId, ksn and ciphertext)' })
  card!: EncryptedCardDto;

  @ApiProperty({
    type: EncryptedPinDto,
    required: false,
    description:
      'the online PIN, when the cardholder entered one: purchase, cash withdrawal and balance inquiry only (`npm run cli -- pinpad encrypt --pin` makes one)',
  })
  @ValidateNested()
  @Type(() => EncryptedPinDto)
  @IsObject({ message: 'pin must be an object with pinBlock and format' })
  @IsOptional()
  pin?: EncryptedPinDto;

  @ApiProperty({ enum: ['chip', 'contactless', 'magstripe'], required: false, default: 'chip' })
  @IsIn(['chip', 'contactless', 'magstripe'])
  @IsOptional()
  entryMode?: 'chip' | 'contactless' | 'magstripe';
}
