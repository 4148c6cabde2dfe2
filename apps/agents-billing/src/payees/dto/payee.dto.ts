import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsDefined, IsIn, IsInt, IsOptional, IsString, IsUrl, Length, Max, Min, ValidateNested } from 'class-validator';

import { BasisPoints } from '../../commissions/dto/basis-points.decorator';
import { CurrencyCode } from '../../tree/dto/currency-code.decorator';
import { DisplayName } from '../../tree/dto/display-name.decorator';
import { MinorUnits } from '../../tree/dto/minor-units.decorator';
import { ACCOUNT_CHECKSUMS, type AccountChecksum } from '../account-checksum';
import { GATEWAY_DEADLINE_MS } from '../../gateways/payee-gateway';
import { PAYEE_STATUSES, type PayeeStatus } from '../payee';

export class PayeeAccountFormatDto {
  @ApiProperty({ example: '\\+420[0-9]{9}', maxLength: 200, description: 'a regular expression the whole account must match (anchored at both ends)' })
  @Length(1, 200, { message: 'pattern must be 1-200 characters' })
  @IsString({ message: 'pattern must be a string, a regular expression' })
  @IsDefined({ message: 'pattern is required (a regular expression; .+ takes any account)' })
  pattern!: string;

  @ApiProperty({
    enum: ACCOUNT_CHECKSUMS,
    description: 'the check digits: none, luhn (ISO/IEC 7812-1), mod97 (ISO 7064 MOD 97-10 as IBAN), mod11 (weights 2..7)',
  })
  @IsIn(ACCOUNT_CHECKSUMS, { message: `checksum must be one of ${ACCOUNT_CHECKSUMS.join(', ')}` })
  @IsDefined({ message: `checksum is required (one of ${ACCOUNT_CHECKSUMS.join(', ')})` })
  checksum!: AccountChecksum;
}

export class PayeeLimitsDto {
  @MinorUnits('min', { min: 1, description: 'the least one payment may be (inclusive)' })
  min?: number;

  @MinorUnits('max', { min: 1, description: 'the most one payment may be (inclusive)' })
  max?: number;
}

export class PayeeFeeDto {
  @BasisPoints('percentBasisPoints')
  percentBasisPoints?: number;

  @MinorUnits('fixed', { description: 'a fixed part added to the percent' })
  fixed?: number;
}

export class PayeeGatewayDto {
  @ApiProperty({ example: 'https://gateway.payee.example', description: "the payee's gateway: the protocol's paths are appended to it" })
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true, require_tld: false }, { message: 'baseUrl must be an http or https URL' })
  @IsDefined({ message: 'baseUrl is required (the gateway URL)' })
  baseUrl!: string;

  @ApiProperty({ description: "the payee's Ed25519 public key, PEM (SPKI): each answer's signature is verified with it" })
  @Length(1, 2000, { message: 'publicKey must be a PEM of at most 2000 characters' })
  @IsString({ message: 'publicKey must be a PEM text' })
  @IsDefined({ message: 'publicKey is required (an Ed25519 public key, PEM)' })
  publicKey!: string;

  @ApiProperty({
    required: false,
    minimum: GATEWAY_DEADLINE_MS.min,
    maximum: GATEWAY_DEADLINE_MS.max,
    description: `each call's deadline; default ${GATEWAY_DEADLINE_MS.default}`,
  })
  @Max(GATEWAY_DEADLINE_MS.max, { message: `deadlineMs must be at most ${GATEWAY_DEADLINE_MS.max}` })
  @Min(GATEWAY_DEADLINE_MS.min, { message: `deadlineMs must be at least ${GATEWAY_DEADLINE_MS.min}` })
  @IsInt({ message: 'deadlineMs must be a whole number of milliseconds' })
  @IsOptional()
  deadlineMs?: number;
}

/** A payee of the catalogue, set whole. */
export class PayeeDto {
  @DisplayName('CZ Mobile top-up', 'operators and agents know the payee by')
  name!: string;

  @CurrencyCode('ISO 4217 alphabetic code: the currency the payee is paid in')
  currency!: string;

  @ApiProperty({ enum: PAYEE_STATUSES, required: false, description: 'a suspended payee is refused by the payee check and by payments; default active' })
  @IsIn(PAYEE_STATUSES, { message: `status must be one of ${PAYEE_STATUSES.join(', ')}` })
  @IsOptional()
  status?: PayeeStatus;

  @ApiProperty({ type: PayeeAccountFormatDto, description: "the payer's account at this payee" })
  @ValidateNested()
  @Type(() => PayeeAccountFormatDto)
  @IsDefined({ message: 'account is required ({pattern, checksum})' })
  account!: PayeeAccountFormatDto;

  @ApiProperty({ type: PayeeLimitsDto, required: false, description: 'per payment, minor units; absent: no such limit' })
  @ValidateNested()
  @Type(() => PayeeLimitsDto)
  @IsOptional()
  limits?: PayeeLimitsDto;

  @ApiProperty({ type: PayeeFeeDto, required: false, description: "the payer's fee on top of the amount, to the platform; absent: none" })
  @ValidateNested()
  @Type(() => PayeeFeeDto)
  @IsOptional()
  fee?: PayeeFeeDto;

  @ApiProperty({
    type: PayeeGatewayDto,
    required: false,
    description: "the payee's gateway: online checks and payments forwarded, signed; absent: local check, posted at once",
  })
  @ValidateNested()
  @Type(() => PayeeGatewayDto)
  @IsOptional()
  gateway?: PayeeGatewayDto;
}
