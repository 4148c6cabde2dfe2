import { Injectable } from '@nestjs/common';

import { Ledger, LedgerError } from '@payments/ledger';

import { changeAccountOf, changeBalanceOf } from './change-account';
import { maskedPhone, normalisePhoneNumber } from './phone-number';

export type ChangeBalanceAnswer =
  | { readonly kind: 'balance'; readonly maskedPhone: string; readonly currency: string; readonly balance: bigint }
  | { readonly kind: 'invalid_phone'; readonly reason: string };

/** What a payer has on its change account in a currency: 0 for a number that never kept change. */
@Injectable()
export class ChangeBalanceQuery {
  constructor(private readonly ledger: Ledger) {}

  async execute({ phone, currency }: { readonly phone: string; readonly currency: string }): Promise<ChangeBalanceAnswer> {
    const checked = normalisePhoneNumber(phone);
    if (!checked.valid) return { kind: 'invalid_phone', reason: checked.reason };
    const answer = { kind: 'balance', maskedPhone: maskedPhone(checked.e164), currency } as const;
    try {
      return { ...answer, balance: changeBalanceOf(await this.ledger.account(changeAccountOf(checked.e164, currency).id)) };
    } catch (error) {
      if (error instanceof LedgerError && error.code === 'account_not_found') return { ...answer, balance: 0n };
      throw error;
    }
  }
}
