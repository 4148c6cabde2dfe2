import type { SqlConnection } from '@payments/persistence';

import { acquirerFileDelivery } from '../../files/acquirer-file.delivery';
import { loadSettlementFilesEnv } from '../../files/config/settlement-files-env';
import type { AcquirerFileDeliveryFactory } from '../../files/settlement-file.sender';
import { temporaryFolder } from '../../files/testing/settlement-files.stack';
import { AcquirerFeeSchedule } from '../../reconciliation/acquirer-fee.schedule';
import type { ConfiguredBankAccount } from '../../statements/bank-account.config';
import { loadPayoutsEnv } from '../config/payouts-env';
import { MerchantPayoutRepository } from '../merchant-payout.repository';
import { PayoutFileRepository } from '../payout-file.repository';
import { PayoutFileSender } from '../payout-file.sender';
import { resolvePayoutsConfig } from '../payouts.config';
import { PayoutsWorker } from '../payouts.worker';

/** The platform's EUR account payouts are paid from, whose camt.053 statements are imported. */
export const PAYOUT_DEBTOR_ACCOUNT: ConfiguredBankAccount = {
  id: 'ops-eur',
  account: 'CZ6508000000192000145399',
  currency: 'EUR',
  format: 'camt053',
  profile: 'standard',
};

/** Merchant M1 has an account; M2 has none. */
export const MERCHANT_ACCOUNTS = { M1: { name: 'Cafe Svejk & Sons', iban: 'DE89370400440532013000', bic: 'COBADEFFXXX' } };

/**
 * The payouts feature over one database as the module wires it (a new stack is a restarted
 * process): the folder delivery into `outDir`, visa fees of acquirers starting `acq-` at 1.50 % +
 * 0.10 (set per acquirer id given), and the real delivery unless a spec swaps it.
 */
export function payoutsStack(
  db: SqlConnection,
  options: { outDir: string; feeAcquirers?: readonly string[]; filesDir?: string; deliveryOf?: AcquirerFileDeliveryFactory },
) {
  const filesEnv = loadSettlementFilesEnv({ SETTLEMENT_FILES_DIR: options.filesDir ?? temporaryFolder('payout-files-work-') });
  const payoutsEnv = loadPayoutsEnv({
    SETTLEMENT_PAYOUTS: JSON.stringify({
      initiatingParty: 'Payments Platform',
      debtor: { name: 'Payments Platform s.r.o.', bic: 'GIBACZPX' },
      accounts: { EUR: PAYOUT_DEBTOR_ACCOUNT.id },
      folder: 'payouts',
      delivery: { kind: 'folder', path: options.outDir },
    }),
    SETTLEMENT_MERCHANT_ACCOUNTS: JSON.stringify(MERCHANT_ACCOUNTS),
  });
  const config = resolvePayoutsConfig(payoutsEnv, [PAYOUT_DEBTOR_ACCOUNT]);
  const visa = { visa: { basisPoints: 150, fixedMinor: 10n } };
  const fees = new AcquirerFeeSchedule(Object.fromEntries((options.feeAcquirers ?? []).map((id) => [id, visa])));
  const payouts = new MerchantPayoutRepository(db);
  const files = new PayoutFileRepository(db);
  const sender = new PayoutFileSender(files, payouts, config, filesEnv, options.deliveryOf ?? acquirerFileDelivery);
  return { payouts, files, sender, worker: new PayoutsWorker(payouts, files, sender, fees, config, filesEnv) };
}

/** A camt.053 of the debtor account with one booked debit entry per payout paid, carrying its EndToEndId; it balances. */
export function payoutStatement(id: string, sequence: number, debits: readonly { endToEndId: string; amountMinor: bigint }[]): string {
  const amount = (minor: bigint) => `${minor / 100n}.${String(minor % 100n).padStart(2, '0')}`;
  const opening = 10_000_000n;
  const closing = opening - debits.reduce((sum, d) => sum + d.amountMinor, 0n);
  const balance = (code: string, minor: bigint) =>
    `<Bal><Tp><CdOrPrtry><Cd>${code}</Cd></CdOrPrtry></Tp><Amt Ccy="EUR">${amount(minor)}</Amt><CdtDbtInd>CRDT</CdtDbtInd><Dt><Dt>2026-12-03</Dt></Dt></Bal>`;
  const entry = (debit: { endToEndId: string; amountMinor: bigint }) =>
    `<Ntry><Amt Ccy="EUR">${amount(debit.amountMinor)}</Amt><CdtDbtInd>DBIT</CdtDbtInd><Sts><Cd>BOOK</Cd></Sts>` +
    '<BookgDt><Dt>2026-12-03</Dt></BookgDt><ValDt><Dt>2026-12-03</Dt></ValDt>' +
    `<NtryDtls><TxDtls><Refs><EndToEndId>${debit.endToEndId}</EndToEndId></Refs></TxDtls></NtryDtls></Ntry>`;
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.08">',
    '<BkToCstmrStmt><GrpHdr><MsgId>STMT-1</MsgId><CreDtTm>2026-12-03T18:00:00</CreDtTm></GrpHdr>',
    `<Stmt><Id>${id}</Id><ElctrncSeqNb>${sequence}</ElctrncSeqNb>`,
    `<Acct><Id><IBAN>${PAYOUT_DEBTOR_ACCOUNT.account}</IBAN></Id><Ccy>EUR</Ccy></Acct>`,
    balance('OPBD', opening),
    balance('CLBD', closing),
    ...debits.map(entry),
    '</Stmt></BkToCstmrStmt></Document>',
  ].join('\n');
}
