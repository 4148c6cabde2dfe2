import { ApiProperty } from '@nestjs/swagger';
import { IsDefined, IsIn, IsOptional, IsUUID } from 'class-validator';

import { ChangePin } from '../../change/dto/change-pin.decorator';
import { Phone } from '../../change/dto/change.dto';
import { CHANGE_MOVES, type ChangeMove } from '../../change/move-change.usecase';
import { CurrencyCode } from '../../tree/dto/currency-code.decorator';
import { MinorUnits } from '../../tree/dto/minor-units.decorator';
import { ProviderId } from '../../vouchers/dto/voucher.dto';

export class TerminalVoucherSaleDto {
  @ProviderId()
  providerId!: string;

  @MinorUnits('denomination', { min: 1, required: true, description: "the voucher's value: the node's debit" })
  denomination!: number;

  @CurrencyCode("ISO 4217 alphabetic code: the node's currency and the stock's")
  currency!: string;
}

export class TerminalChangeMoveDto {
  @ApiProperty({
    enum: CHANGE_MOVES,
    description: "keep: the payer leaves change (the node's account to the change account); spend: toward a payment; pay-out: in cash",
  })
  @IsIn(CHANGE_MOVES, { message: `move must be one of ${CHANGE_MOVES.join(', ')}` })
  @IsDefined({ message: 'move is required' })
  move!: ChangeMove;

  @Phone()
  phone!: string;

  @MinorUnits('amount', { min: 1, required: true, description: "minor units of the node's currency" })
  amount!: number;

  @ApiProperty({ format: 'uuid', required: false, description: 'spend only: the payment the change goes toward' })
  @IsUUID('all', { message: 'paymentId must be a UUID' })
  @IsOptional()
  paymentId?: string;

  @ChangePin({ required: false })
  pin?: string;
}

export class TerminalChangeBalanceDto {
  @Phone()
  phone!: string;

  @ChangePin({ required: true })
  pin!: string;
}
