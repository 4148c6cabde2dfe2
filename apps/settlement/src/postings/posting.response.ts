import { AmountsAsText, amountsAsText } from '../http/amounts-as-text';
import { PostingMapping } from './posting-mapping';
import { BookedPosting } from './posting.repository';
import { TrialBalance } from './trial-balance';
import { TrialBalanceFilter } from './trial-balance.repository';

interface AccountRef {
  readonly account: string;
  /** null for an account the current chart no longer lists. */
  readonly name: string | null;
}

export type PostingResponse = AmountsAsText<Omit<BookedPosting, 'debitAccount' | 'creditAccount' | 'sources' | 'id'>> & {
  postingId: string;
  debit: AccountRef;
  credit: AccountRef;
  sources: AmountsAsText<BookedPosting['sources'][number]>[];
};

export type TrialBalanceResponse = TrialBalanceFilter & {
  accounts: AmountsAsText<TrialBalance['accounts'][number]>[];
  checks: AmountsAsText<TrialBalance['checks'][number]>[];
};

export function postingResponseOf(posting: BookedPosting, mapping: PostingMapping): PostingResponse {
  const { id, debitAccount, creditAccount, sources, ...rest } = posting;
  const ref = (account: string): AccountRef => ({ account, name: mapping.accountName(account) ?? null });
  return { postingId: id, ...amountsAsText(rest), debit: ref(debitAccount), credit: ref(creditAccount), sources: sources.map(amountsAsText) };
}

export function trialBalanceResponseOf(filter: TrialBalanceFilter, balance: TrialBalance): TrialBalanceResponse {
  return { ...filter, accounts: balance.accounts.map(amountsAsText), checks: balance.checks.map(amountsAsText) };
}
