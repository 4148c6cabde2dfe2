import { withdrawnCurrencyIssues } from '../amount/statement-currency.lookup';
import type { StatementEntry } from '../model/bank-statement.model';
import type { StatementDraft } from '../model/statement-draft.model';
import { StatementFormatError } from '../model/statement-format.error';
import { mt940Error, parseMt940Balance, parseMt940Entry, parseMt940Sequence } from './mt940-field.parser';
import { readMt940Statements, type Mt940Field } from './mt940-tag.reader';

/**
 * MT940 customer statements, hand-written (the npm candidates are small and little used):
 * :20: id, :25: account, :28C: (or :28:) statement/page, :60F|M: opening, :61: + :86: entries,
 * :62F|M: closing, :64: closing available, :65: forward available. Other tags are skipped.
 */
export function parseMt940(text: string): StatementDraft[] {
  const statements = readMt940Statements(text);
  if (statements.length === 0) throw new StatementFormatError('mt940', 'file', 'has no :20: tag, so no statement');
  return statements.map(readStatement);
}

function readStatement(fields: Mt940Field[], index: number): StatementDraft {
  const first = (...tags: string[]): Mt940Field | undefined => fields.find((field) => tags.includes(field.tag));
  const required = (...tags: string[]): Mt940Field =>
    first(...tags) ??
    (() => {
      throw new StatementFormatError('mt940', `statement ${index + 1} (line ${fields[0]?.line ?? 0})`, `has no :${tags.join(': or :')}: tag`);
    })();
  const opening = parseMt940Balance(required('60F', '60M'));
  const closing = parseMt940Balance(required('62F', '62M'));
  const forward = first('65');
  const entries: StatementEntry[] = [];
  fields.forEach((field, position) => {
    if (field.tag !== '61') return;
    const next = fields[position + 1];
    entries.push(parseMt940Entry(field, opening.currency, next?.tag === '86' ? next : undefined));
  });
  return {
    format: 'mt940',
    id: nonEmpty(required('20')),
    account: nonEmpty(required('25')),
    currency: opening.currency,
    sequence: parseMt940Sequence(required('28C', '28')),
    opening,
    closing,
    forwardAvailable: forward ? parseMt940Balance(forward) : null,
    entries,
    declaredSummary: null,
    issues: withdrawnCurrencyIssues(opening.currency),
  };
}

function nonEmpty(field: Mt940Field): string {
  const value = field.value.trim();
  if (value.length === 0) throw mt940Error(field, 'is empty');
  return value;
}
