import { ApiProperty } from '@nestjs/swagger';
import { IsOptional, IsUUID } from 'class-validator';

import { CurrencyCode } from './currency-code.decorator';
import { DisplayName } from './display-name.decorator';
import { NodeLimitsDto } from './node-limits.dto';

/** A child under a parent: its level and currency come from the parent. */
export class OpenChildDto extends NodeLimitsDto {
  @ApiProperty({ required: false, format: 'uuid', description: "the caller's id for the node: the same body again returns it; absent: a new id" })
  @IsUUID('all', { message: 'id must be a UUID' })
  @IsOptional()
  id?: string;

  @DisplayName('Kiosk 17, Main station', 'operators know the node by')
  name!: string;
}

/** A dealer: a root of the tree, in its own currency. */
export class OpenDealerDto extends OpenChildDto {
  @CurrencyCode('ISO 4217 alphabetic code: the currency of the dealer and its whole subtree')
  currency!: string;
}
