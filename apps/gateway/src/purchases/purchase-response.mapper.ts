import type { AuthorizeReply } from '@payments/contracts';
import { formatMoney } from '@payments/money';

export interface PurchaseResponse {
  transactionId: string;
  status: AuthorizeReply['status'];
  responseCode: string;
  responseText: string;
  approvalCode?: string;
  rrn?: string;
  stan?: string;
  maskedPan?: string;
  cardScheme?: string;
  amount: number;
  currency: string;
  terminalId: string;
  merchantId: string;
  processedAt: string;
  /** What the register prints, line by line. */
  receipt: string[];
}

export function purchaseResponseOf(reply: AuthorizeReply): PurchaseResponse {
  const amount = formatMoney(BigInt(reply.amountMinor), reply.currency);
  const receipt = [
    `MERCHANT ${reply.merchantId}`,
    `TERMINAL ${reply.terminalId}`,
    `DATE ${reply.processedAt.slice(0, 10)} ${reply.processedAt.slice(11, 19)} UTC`,
    'PURCHASE',
    ...(reply.maskedPan ? [`CARD ${reply.maskedPan}${reply.cardScheme ? ` ${reply.cardScheme.toUpperCase()}` : ''}`] : []),
    `AMOUNT ${amount}`,
    ...(reply.approvalCode ? [`AUTH CODE ${reply.approvalCode}`] : []),
    ...(reply.rrn ? [`RRN ${reply.rrn}`] : []),
    `RESPONSE ${reply.responseCode} ${reply.responseText.toUpperCase()}`,
    reply.status === 'approved' ? 'APPROVED' : 'DECLINED',
  ];
  return {
    transactionId: reply.transactionId,
    status: reply.status,
    responseCode: reply.responseCode,
    responseText: reply.responseText,
    approvalCode: reply.approvalCode,
    rrn: reply.rrn,
    stan: reply.stan,
    maskedPan: reply.maskedPan,
    cardScheme: reply.cardScheme,
    amount: Number(reply.amountMinor),
    currency: reply.currency,
    terminalId: reply.terminalId,
    merchantId: reply.merchantId,
    processedAt: reply.processedAt,
    receipt,
  };
}
