import { Inject, Injectable } from '@nestjs/common';

import { Ledger, type Transfer } from '@payments/ledger';

import { namedId } from '../accounts/named-id';
import { addCashPostedEvent } from '../change/cash-posted.outbox';
import { AGENTS_BILLING_DB, AgentsBillingDb } from '../database/agents-billing-db.provider';
import { AgentNodeRepository } from '../tree/agent-node.repository';
import type { Voucher, VoucherStatus } from './voucher';
import { VoucherBatchRepository } from './voucher-batch.repository';
import { voucherProviderAccountOf } from './voucher-provider-account';
import { VoucherStockWatch } from './voucher-stock.watch';

export type BatchMoveOutcome =
  { readonly kind: 'moved'; readonly batchId: string; readonly vouchers: Record<VoucherStatus, number> } | { readonly kind: 'not_found' };

export type SoldVoucherReturnOutcome =
  | { readonly kind: 'returned'; readonly voucher: Voucher; readonly transfer: Transfer }
  | { readonly kind: 'not_found' }
  /** Only a sold voucher is returned to its agent (an unsold one goes back with its batch). */
  | { readonly kind: 'not_sold'; readonly status: VoucherStatus };

export type SerialBlockOutcome =
  { readonly kind: 'blocked'; readonly voucher: Voucher } | { readonly kind: 'not_found' } | { readonly kind: 'not_available'; readonly status: VoucherStatus };

/**
 * What operators do to the stock: a batch's unsold vouchers back to the provider, a sold voucher
 * returned (the agent refunded by a compensating transfer, once), a batch or one serial blocked
 * (never sold after). Each is idempotent (done again, it changes nothing more) and ends with the
 * stock's low-stock check.
 */
@Injectable()
export class VoucherReturnsUseCase {
  constructor(
    private readonly batches: VoucherBatchRepository,
    private readonly nodes: AgentNodeRepository,
    private readonly ledger: Ledger,
    private readonly watch: VoucherStockWatch,
    @Inject(AGENTS_BILLING_DB) private readonly db: AgentsBillingDb,
  ) {}

  /** `returned`: the available and blocked vouchers go back to the provider; `blocked`: the available ones are blocked. Sold ones stay sold. */
  async moveBatch(batchId: string, to: 'returned' | 'blocked', now: Date): Promise<BatchMoveOutcome> {
    const batch = await this.batches.find(batchId);
    if (!batch) return { kind: 'not_found' };
    const vouchers = await this.batches.moveBatch(batchId, to === 'returned' ? ['available', 'blocked'] : ['available'], to, now);
    await this.watch.check(batch, now);
    return { kind: 'moved', batchId, vouchers };
  }

  async blockSerial(providerId: string, serial: string, now: Date): Promise<SerialBlockOutcome> {
    const voucher = await this.batches.findBySerial(providerId, serial);
    if (!voucher) return { kind: 'not_found' };
    if (!(await this.batches.blockOne(voucher.id, now))) {
      const current = (await this.batches.findBySerial(providerId, serial)) ?? voucher;
      if (current.status !== 'blocked') return { kind: 'not_available', status: current.status };
    }
    await this.watch.check(voucher, now);
    return { kind: 'blocked', voucher: { ...voucher, status: 'blocked' } };
  }

  /**
   * A sold voucher returned by an operator: the provider's clearing account debited and the agent's
   * account credited the denomination, under an id derived from the voucher (so at most once), then
   * the voucher marked returned and the event written. A repeat answers the same transfer.
   */
  async returnSold(providerId: string, serial: string, now: Date): Promise<SoldVoucherReturnOutcome> {
    const voucher = await this.batches.findBySerial(providerId, serial);
    if (!voucher) return { kind: 'not_found' };
    // Sold means a posted sale (its ledger transfer has the sale's id); a sale still reserved is not returned.
    if (voucher.saleId === null || voucher.nodeId === null || !(await this.ledger.findTransfer(voucher.saleId)))
      return { kind: 'not_sold', status: voucher.status };
    const transferId = namedId(`voucher-return:${voucher.id}`);
    const node = await this.nodes.find(voucher.nodeId);
    if (!node) throw new Error(`voucher ${voucher.id} was sold by node ${voucher.nodeId}, which has no row`);
    const provider = voucherProviderAccountOf(voucher.providerId, voucher.currency);
    const request = {
      id: transferId,
      debitAccountId: provider.id,
      creditAccountId: node.ledgerAccountId,
      amount: voucher.denomination,
      currency: voucher.currency,
    };
    const transfer = await this.ledger.transfer({ ...request, reference: `voucher returned ${voucher.providerId} ${voucher.serial}` });
    await this.batches.markSoldReturned(voucher.id, now);
    await addCashPostedEvent(this.db, {
      transferId,
      kind: 'voucher-returned',
      nodeId: node.id,
      ...request,
      providerId: voucher.providerId,
      voucherSerial: voucher.serial,
      postedAt: transfer.createdAt,
    });
    return { kind: 'returned', voucher: { ...voucher, status: 'returned' }, transfer };
  }
}
