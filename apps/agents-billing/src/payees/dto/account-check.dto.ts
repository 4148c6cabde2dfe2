import { CurrencyCode } from '../../tree/dto/currency-code.decorator';
import { MinorUnits } from '../../tree/dto/minor-units.decorator';
import { PayerAccount } from './payer-account.decorator';

export class AccountCheckDto {
  @PayerAccount()
  account!: string;

  @MinorUnits('amount', { min: 1, description: "the amount to pay: checked against the payee's limits, and the fee answered" })
  amount?: number;

  @CurrencyCode('the currency the payer would pay in: refused when not the payee’s', { optional: true })
  currency?: string;
}
