/** A camt.053 statement of `account` crediting `amountMinor` (EUR) under `reference` on `day`: a bank's statement for the transfer. */
export function camt053Credit(account: string, sequence: number, day: string, reference: string, amountMinor: bigint): Buffer {
  const eur = (minor: bigint) => `<Amt Ccy="EUR">${minor / 100n}.${String(minor % 100n).padStart(2, '0')}</Amt>`;
  const balance = (code: string, minor: bigint) =>
    `<Bal><Tp><CdOrPrtry><Cd>${code}</Cd></CdOrPrtry></Tp>${eur(minor)}<CdtDbtInd>CRDT</CdtDbtInd><Dt><Dt>${day}</Dt></Dt></Bal>`;
  return Buffer.from(
    [
      '<?xml version="1.0" encoding="UTF-8"?>',
      '<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.08">',
      `<BkToCstmrStmt><GrpHdr><MsgId>MSG-${sequence}</MsgId><CreDtTm>${day}T18:00:00</CreDtTm></GrpHdr>`,
      `<Stmt><Id>STMT-${sequence}</Id><ElctrncSeqNb>${sequence}</ElctrncSeqNb>`,
      `<Acct><Id><IBAN>${account}</IBAN></Id><Ccy>EUR</Ccy></Acct>`,
      balance('OPBD', 100_000n),
      balance('CLBD', 100_000n + amountMinor),
      `<Ntry>${eur(amountMinor)}<CdtDbtInd>CRDT</CdtDbtInd><Sts><Cd>BOOK</Cd></Sts><BookgDt><Dt>${day}</Dt></BookgDt><ValDt><Dt>${day}</Dt></ValDt>` +
        `<AcctSvcrRef>${reference}</AcctSvcrRef><NtryDtls><TxDtls><RmtInf><Ustrd>acquirer settlement</Ustrd></RmtInf></TxDtls></NtryDtls></Ntry>`,
      '</Stmt></BkToCstmrStmt></Document>',
    ].join('\n'),
    'utf8',
  );
}
