import { Injectable } from '@nestjs/common';

import { Ledger, LedgerError } from '@payments/ledger';

import { ChangeAccounts, changeBalanceOf } from './change-account';
import { ChangePins } from './change-pins';
import { maskedPhone, normalisePhoneNumber } from './phone-number';

export type ChangeBalanceAnswer =
  | { readonly kind: 'balance'; readonly maskedPhone: string; readonly currency: string; readonly balance: bigint }
  | { readonly kind: 'invalid_phone'; readonly reason: string }
  | { readonly kind: 'pin_wrong' }
  | { readonly kind: 'locked'; readonly until: Date };

/**
 * What a payer has on its change account in a currency: 0 for a number that never kept change.
 * With `pin` (a terminal's lookup: the payer's PIN, checked and counted as for a spend, so a kiosk
 * cannot read the numbers' balances one after another); without, an operator's.
 */
@Injectable()
export class ChangeBalanceQuery {
  constructor(
    private readonly ledger: Ledger,
    private readonly accounts: ChangeAccounts,
    private readonly pins: ChangePins,
  ) {}

  async execute({ phone, currency, pin }: { readonly phone: string; readonly currency: string; readonly pin?: string }): Promise<ChangeBalanceAnswer> {
    const checked = normalisePhoneNumber(phone);
    if (!checked.valid) return { kind: 'invalid_phone', reason: checked.reason };
    const account = this.accounts.of(checked.e164, currency);
    if (pin !== undefined) {
      const check = await this.pins.check(account.id, pin);
      if (check.kind === 'locked') return check;
      if (check.kind !== 'right') return { kind: 'pin_wrong' };
    }
    const answer = { kind: 'balance', maskedPhone: maskedPhone(checked.e164), currency } as const;
    try {
      return { ...answer, balance: changeBalanceOf(await this.ledger.account(account.id)) };
    } catch (error) {
      if (error instanceof LedgerError && error.code === 'account_not_found') return { ...answer, balance: 0n };
      throw error;
    }
  }
}
