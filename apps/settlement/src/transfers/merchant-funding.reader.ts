import { Injectable } from '@nestjs/common';

import { MerchantFundingStatus, merchantFundingStatusOf, plusDays } from './funding-status';
import { MerchantFundingFilter, MerchantFundingRepository, MerchantFundingRow } from './merchant-funding.repository';
import { TransferDueDays } from './transfer-due-days';

export interface MerchantFunding extends MerchantFundingRow {
  /** The last day the acquirer's transfers may pay the lines: the business day plus its due days. */
  readonly dueDate: string;
  readonly status: MerchantFundingStatus;
}

/** Rows read per query while looking for those of one status. */
const PAGE_SIZE = 500;

/**
 * What each acquirer owes each merchant per business day and currency, and whether its transfers
 * paid it (merchantFundingStatusOf, as of `now`). With a status filter the rows are read a page
 * at a time, newest day first, until `limit` of them have that status.
 */
@Injectable()
export class MerchantFundingReader {
  constructor(
    private readonly funding: MerchantFundingRepository,
    private readonly dueDays: TransferDueDays,
  ) {}

  async list(filter: MerchantFundingFilter & { readonly status?: MerchantFundingStatus }, limit: number, now: Date): Promise<MerchantFunding[]> {
    const found: MerchantFunding[] = [];
    for (let after: MerchantFundingRow | undefined; ;) {
      const page = await this.funding.page(filter, after, filter.status ? PAGE_SIZE : limit);
      for (const row of page) {
        const dueDate = plusDays(row.businessDay, this.dueDays.of(row.acquirerId));
        const funding = { ...row, dueDate, status: merchantFundingStatusOf(row, dueDate, now) };
        if (!filter.status || funding.status === filter.status) found.push(funding);
        if (found.length === limit) return found;
      }
      if (page.length < (filter.status ? PAGE_SIZE : limit)) return found;
      after = page[page.length - 1];
    }
  }
}
