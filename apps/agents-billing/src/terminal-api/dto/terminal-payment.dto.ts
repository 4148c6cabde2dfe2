import { ApiProperty } from '@nestjs/swagger';
import { IsDefined, IsString, Matches } from 'class-validator';

import { PAYEE_ID, PAYEE_ID_RULE } from '../../commissions/dto/payee-id';
import { PayerAccount } from '../../payees/dto/payer-account.decorator';
import { CurrencyCode } from '../../tree/dto/currency-code.decorator';
import { MinorUnits } from '../../tree/dto/minor-units.decorator';

/** The payee, as the terminal names it in a payment and in an account check. */
export class TerminalPayeeDto {
  @ApiProperty({ example: 'demo-mobile-topup', description: 'the payee: one of GET /v1/agent-terminal/payees' })
  @Matches(PAYEE_ID, { message: PAYEE_ID_RULE })
  @IsString({ message: 'payeeId must be a string' })
  @IsDefined({ message: 'payeeId is required' })
  payeeId!: string;

  @PayerAccount()
  account!: string;
}

export class TerminalAccountCheckDto extends TerminalPayeeDto {
  @MinorUnits('amount', { min: 1, description: "the amount to pay: checked against the payee's limits, and the payer's fee answered" })
  amount?: number;
}

export class TerminalPaymentDto extends TerminalPayeeDto {
  @MinorUnits('amount', { min: 1, required: true, description: "minor units the payer pays the payee (the payer's fee comes on top)" })
  amount!: number;

  @CurrencyCode("ISO 4217 alphabetic code: the node's currency and the payee's")
  currency!: string;
}
