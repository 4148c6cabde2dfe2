import { amountsAsText } from '../http/amounts-as-text';
import type { AcquirerTransferRecord } from './acquirer-transfer.record';
import { transferReceiptOf } from './funding-status';
import type { MerchantFunding } from './merchant-funding.reader';

/** A transfer as the operators' API shows it: amounts as exact decimal text, and whether the statements show it received as of `now`. */
export const transferResponseOf = (record: AcquirerTransferRecord, now: Date) => ({
  ...amountsAsText(record),
  totals: record.totals.map(amountsAsText),
  breaks: record.breaks.map(amountsAsText),
  credits: amountsAsText(record.credits),
  receipt: transferReceiptOf(record, record.credits, now),
});

export const merchantFundingResponseOf = (funding: MerchantFunding) => amountsAsText(funding);
