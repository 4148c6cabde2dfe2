import type { EntryStatus, StatementEntry } from '../model/bank-statement.model';
import { children, ownText, textAt } from './camt-element.util';
import { CamtValueReader } from './camt-value.reader';
import type { XmlElement } from './camt-xml.reader';

const STATUSES: Readonly<Record<string, EntryStatus>> = { BOOK: 'booked', PDNG: 'pending', INFO: 'info' };

/** A reference a bank writes when the payer gave none: no reference at all for matching. */
const NOT_PROVIDED = 'NOTPROVIDED';

/** One `Ntry` of a camt.053 statement or camt.054 notification. */
export function readCamtEntry(element: XmlElement, format: string, path: string): StatementEntry {
  const entry = new CamtValueReader(element, format, path);
  const { amountMinor, currency } = entry.amount('Amt');
  // Sts is a code up to .001.07 and a choice (Cd / Prtry) from .001.08 on.
  const statusCode = entry.optional('Sts/Cd') ?? entry.optional('Sts/Prtry') ?? entry.required('Sts');
  const status = STATUSES[statusCode] ?? entry.fail('Sts', `"${statusCode}" is not BOOK, PDNG or INFO`);
  const transactions = children(element, 'NtryDtls').flatMap((details) => children(details, 'TxDtls'));
  return {
    amountMinor,
    currency,
    direction: entry.direction(),
    status,
    reversal: entry.optional('RvslInd') === 'true',
    bookingDate: entry.date('BookgDt') ?? entry.fail('BookgDt', 'is missing'),
    valueDate: entry.date('ValDt') ?? null,
    reference: entryReference(entry, transactions),
    remittanceInfo: remittanceInfo(transactions),
  };
}

/**
 * The reference to match the entry by: the end-to-end id of a single transaction, else the
 * account servicer's reference, else the entry reference, else a single transaction's own refs.
 */
function entryReference(entry: CamtValueReader, transactions: XmlElement[]): string | null {
  const single = transactions.length === 1 ? transactions[0] : undefined;
  const endToEnd = textAt(single, 'Refs/EndToEndId');
  const candidates = [
    endToEnd === NOT_PROVIDED ? undefined : endToEnd,
    entry.optional('AcctSvcrRef'),
    entry.optional('NtryRef'),
    textAt(single, 'Refs/AcctSvcrRef'),
    textAt(single, 'Refs/TxId'),
  ];
  return candidates.find((candidate) => candidate !== undefined) ?? null;
}

/** Unstructured lines, else the structured creditor references, of every transaction, joined. */
function remittanceInfo(transactions: XmlElement[]): string | null {
  const parts = transactions.flatMap((transaction) => {
    const remittance = children(transaction, 'RmtInf');
    const unstructured = remittance.flatMap((info) => children(info, 'Ustrd')).map(ownText);
    const structured = remittance
      .flatMap((info) => children(info, 'Strd'))
      .flatMap((strd) => children(strd, 'CdtrRefInf'))
      .map((reference) => textAt(reference, 'Ref'));
    const lines = unstructured.some(Boolean) ? unstructured : structured;
    return lines.filter((line): line is string => line !== undefined);
  });
  return parts.length > 0 ? parts.join('\n') : null;
}
