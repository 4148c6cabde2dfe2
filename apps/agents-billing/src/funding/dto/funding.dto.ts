import { ApiProperty } from '@nestjs/swagger';
import { IsDefined, IsUUID } from 'class-validator';

import { MinorUnits } from '../../tree/dto/minor-units.decorator';

export class FundingDto {
  @ApiProperty({ format: 'uuid', description: "the caller's id: the same id and body again returns the first funding" })
  @IsUUID('all', { message: 'id must be a UUID' })
  @IsDefined({ message: 'id is required (a UUID the caller chooses)' })
  id!: string;

  @MinorUnits('amount', { min: 1, required: true, description: "minor units moved from the parent's account to this node's" })
  amount!: number;
}
