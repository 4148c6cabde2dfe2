import { Injectable } from '@nestjs/common';

import { Ledger, LedgerError } from '@payments/ledger';

import { blockedBy } from '../tree/agent-node';
import { AgentNodeRepository } from '../tree/agent-node.repository';
import { availableOf } from '../tree/node-balance';
import type { StockKey } from './voucher';
import { VoucherCodeCipher } from './voucher-code.cipher';
import { voucherProviderAccountOf } from './voucher-provider-account';
import { type VoucherSale, VoucherSaleRepository } from './voucher-sale.repository';
import { VoucherStockWatch } from './voucher-stock.watch';

/** How long after a sale the same sale id (same node, same body) gets the code again: a terminal that lost the answer retries within it. */
export const CODE_REVEAL_WINDOW_MS = 5 * 60_000;

export interface SellVoucherCommand extends StockKey {
  /** The caller's id: the same id and body again answers the same sale (one voucher, one debit). */
  readonly saleId: string;
  readonly nodeId: string;
  readonly now: Date;
}

export interface SoldVoucher {
  readonly sale: VoucherSale;
  readonly serial: string;
  readonly expiresAt: Date | null;
  /** The code, in the answer of the call that posted the sale and its repeats within the window; null after it. */
  readonly code: string | null;
}

export type SellVoucherOutcome =
  | ({ readonly kind: 'sold' } & SoldVoucher)
  | { readonly kind: 'not_found' }
  | { readonly kind: 'blocked'; readonly blockedNodeId: string }
  | { readonly kind: 'currency_mismatch'; readonly nodeCurrency: string }
  | { readonly kind: 'out_of_stock' }
  | { readonly kind: 'limit_exceeded'; readonly available: bigint }
  | { readonly kind: 'id_reused' };

/**
 * An agent sells a scratch voucher. 1. Reserve: the sale's row and one available voucher of the
 * stock, taken under a lock concurrent sales skip (never the same voucher twice). 2. Post one
 * ledger transfer under the sale's id: the agent's account debited the denomination (within its
 * balance plus credit limit, the ledger's atomic check) to the provider's clearing account; refused,
 * the voucher goes back to the stock. 3. Mark the sale posted with its event (serial, never the code).
 * Then the low-stock check, and the code decrypted for the answer only: never stored in clear,
 * logged or published. A sale left reserved by a stopped process is posted by the caller's retry,
 * which takes it first (`claim`: a release by the stale-sale worker then does nothing) and answers
 * the code whatever the time, since no answer showed it before: the agent is never debited
 * without the code shown once.
 */
@Injectable()
export class SellVoucherUseCase {
  constructor(
    private readonly nodes: AgentNodeRepository,
    private readonly sales: VoucherSaleRepository,
    private readonly ledger: Ledger,
    private readonly cipher: VoucherCodeCipher,
    private readonly watch: VoucherStockWatch,
  ) {}

  async execute(command: SellVoucherCommand): Promise<SellVoucherOutcome> {
    const existing = await this.sales.find(command.saleId);
    if (existing) return this.again(existing, command);
    const ancestry = await this.nodes.ancestry(command.nodeId);
    const [node] = ancestry;
    if (!node) return { kind: 'not_found' };
    const blocked = blockedBy(ancestry);
    if (blocked) return { kind: 'blocked', blockedNodeId: blocked.id };
    if (node.currency !== command.currency) return { kind: 'currency_mismatch', nodeCurrency: node.currency };
    const { saleId, nodeId, providerId, denomination, currency, now } = command;
    const reserved = await this.sales.reserve({ id: saleId, nodeId, providerId, denomination, currency, createdAt: now });
    if (reserved.kind === 'out_of_stock') {
      await this.watch.check(command, now);
      return reserved;
    }
    if (reserved.kind === 'existing') return this.again(reserved.sale, command);
    return this.post(reserved.sale, node.ledgerAccountId, now);
  }

  /**
   * A sale id seen before: the same body answers that sale (taking it and posting it if its process
   * stopped first; sold afresh when the worker released it meanwhile); another body is refused.
   */
  private async again(sale: VoucherSale, command: SellVoucherCommand): Promise<SellVoucherOutcome> {
    const same =
      sale.nodeId === command.nodeId &&
      sale.providerId === command.providerId &&
      sale.denomination === command.denomination &&
      sale.currency === command.currency;
    if (!same) return { kind: 'id_reused' };
    if (sale.status === 'posted') return this.answer(sale, command.now, false);
    const node = await this.nodes.find(sale.nodeId);
    if (!node) return { kind: 'not_found' };
    const taken = await this.sales.claim(sale.id, command.now);
    if (taken) return this.post(taken, node.ledgerAccountId, command.now);
    const current = await this.sales.find(sale.id);
    return current ? this.answer(current, command.now, false) : this.execute(command);
  }

  private async post(sale: VoucherSale, nodeAccountId: string, now: Date): Promise<SellVoucherOutcome> {
    const provider = voucherProviderAccountOf(sale.providerId, sale.currency);
    const voucher = await this.sales.voucher(sale.voucherId);
    await this.ledger.createAccounts([provider]);
    const request = { id: sale.id, debitAccountId: nodeAccountId, creditAccountId: provider.id, amount: sale.denomination, currency: sale.currency };
    let postedAt: Date;
    try {
      postedAt = (await this.ledger.transfer({ ...request, reference: `voucher sale ${sale.providerId} ${voucher.serial}` })).createdAt;
    } catch (error) {
      if (!(error instanceof LedgerError)) throw error; // unknown outcome: the sale stays reserved for the caller's retry
      await this.sales.release(sale);
      await this.watch.check(sale, now);
      if (error.code === 'id_reused_with_different_body') return { kind: 'id_reused' };
      if (error.code !== 'exceeds_credits') throw error;
      return { kind: 'limit_exceeded', available: availableOf(await this.ledger.account(nodeAccountId)) };
    }
    await this.markPosted(sale, voucher.serial, postedAt, now);
    // This call took the sale while it was reserved: no answer showed its code yet, so this one does, whatever the window.
    return this.answer({ ...sale, status: 'posted', postedAt: sale.postedAt ?? now }, now, true);
  }

  /**
   * A sale its process left reserved (stopped before the answer, so no code was ever shown): marked
   * posted with its event when the ledger has its transfer, else released (the voucher back in
   * stock, the id free; a retry of the caller then sells afresh), unless a retry of the caller took
   * it since `sale` was read (`taken`: that retry posts it). Never decrypts the code.
   */
  async finishStale(sale: VoucherSale, now: Date): Promise<'posted' | 'released' | 'taken'> {
    const transfer = await this.ledger.findTransfer(sale.id);
    if (transfer) {
      await this.markPosted(sale, (await this.sales.voucher(sale.voucherId)).serial, transfer.createdAt, now);
      return 'posted';
    }
    if (!(await this.sales.release(sale))) return 'taken';
    await this.watch.check(sale, now);
    return 'released';
  }

  private async markPosted(sale: VoucherSale, serial: string, postedAt: Date, now: Date): Promise<void> {
    const provider = voucherProviderAccountOf(sale.providerId, sale.currency);
    const node = await this.nodes.find(sale.nodeId);
    if (!node) throw new Error(`voucher sale ${sale.id} names node ${sale.nodeId}, which has no row`);
    await this.sales.markPosted(sale.id, now, {
      transferId: sale.id,
      kind: 'voucher-sold',
      nodeId: sale.nodeId,
      debitAccountId: node.ledgerAccountId,
      creditAccountId: provider.id,
      amount: sale.denomination,
      currency: sale.currency,
      providerId: sale.providerId,
      voucherSerial: serial,
      postedAt,
    });
    await this.watch.check(sale, now);
  }

  /** The sale's answer: the code when `postedNow` (this call posted it) or within the reveal window, else null. */
  private async answer(sale: VoucherSale, now: Date, postedNow: boolean): Promise<SellVoucherOutcome> {
    const voucher = await this.sales.voucher(sale.voucherId);
    const revealable = postedNow || now.getTime() - sale.createdAt.getTime() <= CODE_REVEAL_WINDOW_MS;
    return { kind: 'sold', sale, serial: voucher.serial, expiresAt: voucher.expiresAt, code: revealable ? this.cipher.open(voucher.sealed) : null };
  }
}
