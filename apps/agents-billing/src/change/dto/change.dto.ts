import { applyDecorators } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { IsDefined, IsIn, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';

import { CurrencyCode } from '../../tree/dto/currency-code.decorator';
import { MinorUnits } from '../../tree/dto/minor-units.decorator';
import { CHANGE_MOVES, type ChangeMove } from '../move-change.usecase';

/** The payer's phone number as typed (international); the use case normalises and checks it. */
export const Phone = (): PropertyDecorator =>
  applyDecorators(
    ApiProperty({ example: '+420 777 123 456', description: "the payer's phone number, international (+ or 00 and the country code)" }),
    IsString({ message: 'phone must be a string such as +420777123456' }),
    MaxLength(32, { message: 'phone must be at most 32 characters' }),
    IsDefined({ message: 'phone is required' }),
  );

export class ChangeMoveDto {
  @ApiProperty({ format: 'uuid', description: "the caller's id: the same id and body again returns the first move" })
  @IsUUID('all', { message: 'id must be a UUID' })
  @IsDefined({ message: 'id is required (a UUID the caller chooses)' })
  id!: string;

  @ApiProperty({
    enum: CHANGE_MOVES,
    description: "keep: the payer leaves change (the agent's account to the change account); spend: toward a payment; pay-out: in cash",
  })
  @IsIn(CHANGE_MOVES, { message: `move must be one of ${CHANGE_MOVES.join(', ')}` })
  @IsDefined({ message: 'move is required' })
  move!: ChangeMove;

  @Phone()
  phone!: string;

  @MinorUnits('amount', { min: 1, required: true, description: "minor units of the agent's currency" })
  amount!: number;

  @ApiProperty({ format: 'uuid', required: false, description: 'spend only: the payment the change goes toward' })
  @IsUUID('all', { message: 'paymentId must be a UUID' })
  @IsOptional()
  paymentId?: string;
}

export class ChangeBalanceDto {
  @Phone()
  phone!: string;

  @CurrencyCode('the change account of this currency')
  currency!: string;
}
