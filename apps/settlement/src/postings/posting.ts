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
  const unmapped = groups.filter((g) => !mapping.ruleFor(g));
  if (unmapped.length > 0) throw new UnmappedLinesError(unmapped);
  const postings = new Map<string, Posting>();
  for (const group of groups) {
    const rule = mapping.ruleFor(group)!;
    const key = `${rule.debitAccount}/${rule.creditAccount}/${group.currency}`;
    const sum = postings.get(key);
    postings.set(key, {
      debitAccount: rule.debitAccount,
      creditAccount: rule.creditAccount,
      currency: group.currency,
      amountMinor: (sum?.amountMinor ?? 0n) + group.amountMinor,
      lineCount: (sum?.lineCount ?? 0) + group.lineCount,
      sources: [...(sum?.sources ?? []), { ...group, ruleId: rule.id }],
    });
  }
  return [...postings.values()].sort((a, b) =>
    `${a.debitAccount}/${a.creditAccount}/${a.currency}`.localeCompare(`${b.debitAccount}/${b.creditAccount}/${b.currency}`),
  );
}
