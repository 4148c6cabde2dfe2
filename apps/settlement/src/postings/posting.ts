import { PostedLineKind, PostingMapping } from './posting-mapping';

/** A batch's lines of one kind (event, operation, direction, merchant, scheme, currency), summed. */
export interface LineGroup extends PostedLineKind {
  readonly lineCount: number;
  readonly amountMinor: bigint;
}

/** Which lines a posting comes from, and the rule that posted them. */
export interface PostingSource extends LineGroup {
  readonly ruleId: string;
}

/**
 * One journal entry of a batch: a debit of `debitAccount` and a credit of `creditAccount` by the
 * same amount, the sum of the batch's lines that the mapping posts to this pair in this currency.
 */
export interface Posting {
  readonly debitAccount: string;
  readonly creditAccount: string;
  readonly currency: string;
  readonly amountMinor: bigint;
  readonly lineCount: number;
  readonly sources: readonly PostingSource[];
}

const kindText = (k: PostedLineKind): string =>
  `operation ${k.operation} (${k.event}, ${k.direction}), merchant ${k.merchantId}, scheme ${k.scheme ?? 'unknown'}, currency ${k.currency}`;

/** Lines no posting rule maps: the close books nothing and the day stays open. */
export class UnmappedLinesError extends Error {
  constructor(readonly groups: readonly LineGroup[]) {
    super(`no posting rule maps ${groups.map((g) => `${kindText(g)} (${g.lineCount} line${g.lineCount === 1 ? '' : 's'})`).join('; ')}`);
    this.name = 'UnmappedLinesError';
  }
}

/**
 * The postings of a batch from its line groups: one per (debit account, credit account,
 * currency), gross (a debit and a credit pair between the same accounts are not netted), in
 * account order. Throws UnmappedLinesError naming every kind of line no rule maps.
 */
export function postingsOf(groups: readonly LineGroup[], mapping: PostingMapping): Posting[] {
  const ruled = groups.map((group) => ({ group, rule: mapping.ruleFor(group) }));
  const unmapped = ruled.filter(({ rule }) => !rule).map(({ group }) => group);
  if (unmapped.length > 0) throw new UnmappedLinesError(unmapped);
  const postings = new Map<string, { -readonly [K in keyof Posting]: Posting[K] } & { sources: PostingSource[] }>();
  for (const { group, rule } of ruled) {
    if (!rule) continue;
    const { debitAccount, creditAccount } = rule;
    const key = `${debitAccount}/${creditAccount}/${group.currency}`;
    const sum = postings.get(key) ?? { debitAccount, creditAccount, currency: group.currency, amountMinor: 0n, lineCount: 0, sources: [] };
    postings.set(key, sum);
    sum.amountMinor += group.amountMinor;
    sum.lineCount += group.lineCount;
    sum.sources.push({ ...group, ruleId: rule.id });
  }
  return [...postings.values()].sort((a, b) =>
    `${a.debitAccount}/${a.creditAccount}/${a.currency}`.localeCompare(`${b.debitAccount}/${b.creditAccount}/${b.currency}`),
  );
}
