import { formatStatementAmount } from '../amount/statement-amount.parser';
import type { RenderedEntry, RenderedStatement } from './rendered-statement.model';

const escapeXml = (text: string): string =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');

const amount = (minor: bigint, currency: string): string => `<Amt Ccy="${currency}">${formatStatementAmount(minor < 0n ? -minor : minor, currency)}</Amt>`;

const indicator = (credit: boolean): string => `<CdtDbtInd>${credit ? 'CRDT' : 'DBIT'}</CdtDbtInd>`;

/** A camt.053 document (version `.001.02` to `.001.08`) holding the statements, for round-trip tests. */
export function renderCamt053(statements: readonly RenderedStatement[], version = '08'): string {
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.${version}">`,
    '<BkToCstmrStmt><GrpHdr><MsgId>MSG-1</MsgId><CreDtTm>2026-01-01T00:00:00</CreDtTm></GrpHdr>',
    ...statements.map(renderStatement),
    '</BkToCstmrStmt></Document>',
  ].join('\n');
}

function renderStatement(statement: RenderedStatement): string {
  const { currency } = statement;
  const balance = (code: string, balance: RenderedStatement['opening']): string =>
    `<Bal><Tp><CdOrPrtry><Cd>${code}</Cd></CdOrPrtry></Tp>${amount(balance.amountMinor, currency)}` +
    `${indicator(balance.amountMinor >= 0n)}<Dt><Dt>${balance.date}</Dt></Dt></Bal>`;
  return [
    `<Stmt><Id>${escapeXml(statement.id)}</Id><ElctrncSeqNb>${statement.sequenceNumber}</ElctrncSeqNb>`,
    `<Acct><Id><IBAN>${escapeXml(statement.account)}</IBAN></Id><Ccy>${currency}</Ccy></Acct>`,
    balance('OPBD', statement.opening),
    balance('CLBD', statement.closing),
    ...statement.entries.map((entry) => renderEntry(entry, currency)),
    '</Stmt>',
  ].join('\n');
}

function renderEntry(entry: RenderedEntry, currency: string): string {
  const reference = entry.reference === null ? '' : `<AcctSvcrRef>${escapeXml(entry.reference)}</AcctSvcrRef>`;
  const lines = entry.remittanceInfo === null ? [] : entry.remittanceInfo.split('\n');
  const remittance = lines.length === 0 ? '' : `<RmtInf>${lines.map((line) => `<Ustrd>${escapeXml(line)}</Ustrd>`).join('')}</RmtInf>`;
  return (
    `<Ntry>${amount(entry.amountMinor, currency)}${indicator(entry.direction === 'credit')}<Sts><Cd>BOOK</Cd></Sts>` +
    `<BookgDt><Dt>${entry.bookingDate}</Dt></BookgDt><ValDt><Dt>${entry.valueDate}</Dt></ValDt>${reference}` +
    `<NtryDtls><TxDtls>${remittance}</TxDtls></NtryDtls></Ntry>`
  );
}
