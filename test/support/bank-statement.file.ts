import { randomInt } from 'node:crypto';

/** An IBAN of `country` and `bban` with its ISO 13616 check digits (98 - the number modulo 97). */
export function ibanOf(country: string, bban: string): string {
  const digits = [...`${bban}${country}00`.toUpperCase()].map((c) => parseInt(c, 36).toString()).join('');
  return `${country}${String(98n - (BigInt(digits) % 97n)).padStart(2, '0')}${bban}`;
}

/** A Czech IBAN no other run uses: bank code 0800 and 16 random digits. */
export const randomCzechIban = (): string => ibanOf('CZ', `0800${Array.from({ length: 16 }, () => randomInt(10)).join('')}`);

/** A debit the bank booked from the account, naming the credit transfer it executed by its EndToEndId. */
export interface StatementDebit {
  readonly endToEndId: string;
  readonly amountMinor: bigint;
}

const decimal = (minor: bigint) => `${minor / 100n}.${String(minor % 100n).padStart(2, '0')}`;

/**
 * A camt.053.001.08 statement of `iban` (EUR) for `day`: one booked debit entry per credit
 * transfer executed, each with its EndToEndId; the closing balance is the opening less the debits.
 */
export function camt053OfDebits(iban: string, statementId: string, day: string, debits: readonly StatementDebit[]): string {
  const opening = 10_000_000n;
  const closing = opening - debits.reduce((sum, debit) => sum + debit.amountMinor, 0n);
  const balance = (code: string, minor: bigint) =>
    `<Bal><Tp><CdOrPrtry><Cd>${code}</Cd></CdOrPrtry></Tp><Amt Ccy="EUR">${decimal(minor)}</Amt><CdtDbtInd>CRDT</CdtDbtInd><Dt><Dt>${day}</Dt></Dt></Bal>`;
  const entry = (debit: StatementDebit) =>
    `<Ntry><Amt Ccy="EUR">${decimal(debit.amountMinor)}</Amt><CdtDbtInd>DBIT</CdtDbtInd><Sts><Cd>BOOK</Cd></Sts>` +
    `<BookgDt><Dt>${day}</Dt></BookgDt><ValDt><Dt>${day}</Dt></ValDt>` +
    `<NtryDtls><TxDtls><Refs><EndToEndId>${debit.endToEndId}</EndToEndId></Refs></TxDtls></NtryDtls></Ntry>`;
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.08">',
    `<BkToCstmrStmt><GrpHdr><MsgId>${statementId}</MsgId><CreDtTm>${day}T18:00:00</CreDtTm></GrpHdr>`,
    `<Stmt><Id>${statementId}</Id><ElctrncSeqNb>1</ElctrncSeqNb>`,
    `<Acct><Id><IBAN>${iban}</IBAN></Id><Ccy>EUR</Ccy></Acct>`,
    balance('OPBD', opening),
    balance('CLBD', closing),
    ...debits.map(entry),
    '</Stmt></BkToCstmrStmt></Document>',
  ].join('\n');
}
