import { ApiProperty } from '@nestjs/swagger';
import { IsDefined, IsString, IsUUID, Matches } from 'class-validator';

import { CurrencyCode } from '../../tree/dto/currency-code.decorator';
import { MinorUnits } from '../../tree/dto/minor-units.decorator';
import { PAYEE_ID, PAYEE_ID_RULE } from '../../commissions/dto/payee-id';
import { PayerAccount } from '../../payees/dto/payer-account.decorator';

export class AgentPaymentDto {
  @ApiProperty({ format: 'uuid', description: "the caller's payment id: the same id and body again returns the first payment" })
  @IsUUID('all', { message: 'id must be a UUID' })
  @IsDefined({ message: 'id is required (a UUID the caller chooses)' })
  id!: string;

  @ApiProperty({ example: 'mobile-topup-cz', description: 'the payee: one of the catalogue, with a commission plan' })
  @Matches(PAYEE_ID, { message: PAYEE_ID_RULE })
  @IsString({ message: 'payeeId must be a string' })
  @IsDefined({ message: 'payeeId is required' })
  payeeId!: string;

  @MinorUnits('amount', { min: 1, required: true, description: "minor units debited from the node's account to the payee (the payee's fee is debited on top)" })
  amount!: number;

  @CurrencyCode("ISO 4217 alphabetic code: the node's currency and the payee's")
  currency!: string;

  @PayerAccount()
  account!: string;
}
