import { ApiProperty } from '@nestjs/swagger';
import { IsDefined, IsOptional, IsString, IsUUID, Matches, MaxLength } from 'class-validator';

import { CurrencyCode } from './currency-code.decorator';
import { NodeLimitsDto } from './node-limits.dto';

/** A child under a parent: its level and currency come from the parent. */
export class OpenChildDto extends NodeLimitsDto {
  @ApiProperty({ required: false, format: 'uuid', description: "the caller's id for the node: the same body again returns it; absent: a new id" })
  @IsUUID('all', { message: 'id must be a UUID' })
  @IsOptional()
  id?: string;

  @ApiProperty({ example: 'Kiosk 17, Main station', maxLength: 200 })
  @MaxLength(200, { message: 'name must be at most 200 characters' })
  @Matches(/\S/, { message: 'name is required (the name operators know the node by)' })
  @IsString({ message: 'name must be a string' })
  @IsDefined({ message: 'name is required (the name operators know the node by)' })
  name!: string;
}

/** A dealer: a root of the tree, in its own currency. */
export class OpenDealerDto extends OpenChildDto {
  @CurrencyCode('ISO 4217 alphabetic code: the currency of the dealer and its whole subtree')
  currency!: string;
}
