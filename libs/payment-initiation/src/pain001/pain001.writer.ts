import { XMLBuilder } from 'fast-xml-parser';

import type { BankParty, CreditTransfer, CreditTransferOrder } from './credit-transfer-order.model';
import { controlSumOf, decimalAmountOf } from './pain001-amount';

export const PAIN001_NAMESPACE = 'urn:iso:std:iso:20022:tech:xsd:pain.001.001.09';

// The builder escapes every text and attribute value (&, <, >, quotes): no user value is ever concatenated into the XML.
const builder = new XMLBuilder({ ignoreAttributes: false, attributeNamePrefix: '@', format: true, indentBy: '  ' });

/** Transfers of one debtor account, currency and requested execution date: one payment information block (PmtInf). */
interface PaymentGroup {
  readonly debtor: BankParty;
  readonly currency: string;
  readonly requestedExecutionDate: string;
  readonly transfers: CreditTransfer[];
}

/**
 * Writes a customer credit transfer initiation, pain.001.001.09: the group header with the
 * number of transactions and their control sum computed, one PmtInf per debtor account + currency
 * + requested execution date (in the order they first appear), each transfer with its end-to-end
 * id, amount at the currency's exponent, creditor and unstructured remittance information. The
 * same order gives the same bytes. Check the text with `validatePain001` before it goes anywhere.
 */
export function writePain001(order: CreditTransferOrder): string {
  const groups = paymentGroupsOf(order.transfers);
  const document = {
    '?xml': { '@version': '1.0', '@encoding': 'UTF-8' },
    Document: {
      '@xmlns': PAIN001_NAMESPACE,
      CstmrCdtTrfInitn: {
        GrpHdr: {
          MsgId: order.messageId,
          CreDtTm: order.createdAt.toISOString(),
          NbOfTxs: order.transfers.length,
          CtrlSum: controlSumOf(order.transfers),
          InitgPty: { Nm: order.initiatingPartyName },
        },
        PmtInf: groups.map((group, index) => paymentInformationOf(group, `${order.messageId}-${index + 1}`)),
      },
    },
  };
  return builder.build(document);
}

function paymentGroupsOf(transfers: readonly CreditTransfer[]): PaymentGroup[] {
  const groups = new Map<string, PaymentGroup>();
  for (const transfer of transfers) {
    const key = [transfer.debtor.iban, transfer.currency, transfer.requestedExecutionDate].join(' ');
    const group = groups.get(key) ?? {
      debtor: transfer.debtor,
      currency: transfer.currency,
      requestedExecutionDate: transfer.requestedExecutionDate,
      transfers: [],
    };
    group.transfers.push(transfer);
    groups.set(key, group);
  }
  return [...groups.values()];
}

function paymentInformationOf(group: PaymentGroup, id: string) {
  return {
    PmtInfId: id,
    PmtMtd: 'TRF',
    NbOfTxs: group.transfers.length,
    CtrlSum: controlSumOf(group.transfers),
    ReqdExctnDt: { Dt: group.requestedExecutionDate },
    Dbtr: { Nm: group.debtor.name },
    DbtrAcct: { Id: { IBAN: group.debtor.iban }, Ccy: group.currency },
    // The debtor's agent is required: its BIC, or NOTPROVIDED as the EPC rulebook writes an absent one.
    DbtrAgt: { FinInstnId: group.debtor.bic ? { BICFI: group.debtor.bic } : { Othr: { Id: 'NOTPROVIDED' } } },
    CdtTrfTxInf: group.transfers.map(transactionOf),
  };
}

function transactionOf(transfer: CreditTransfer) {
  const { creditor } = transfer;
  return {
    PmtId: { EndToEndId: transfer.endToEndId },
    Amt: { InstdAmt: { '@Ccy': transfer.currency, '#text': decimalAmountOf(transfer.amountMinor, transfer.currency) } },
    ...(creditor.bic ? { CdtrAgt: { FinInstnId: { BICFI: creditor.bic } } } : {}),
    Cdtr: { Nm: creditor.name },
    CdtrAcct: { Id: { IBAN: creditor.iban } },
    RmtInf: { Ustrd: transfer.remittanceInfo },
  };
}
