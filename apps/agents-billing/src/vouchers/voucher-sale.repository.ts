import { Inject, Injectable } from '@nestjs/common';

import type { SqlRow } from '@payments/persistence';

import { AGENTS_BILLING_DB, AgentsBillingDb } from '../database/agents-billing-db.provider';
import { dateOf } from '../database/sql-values';
import { addCashPostedEvent, type CashPostedEvent } from '../change/cash-posted.outbox';
import type { SealedCode } from './voucher-code.cipher';
import type { StockKey, Voucher } from './voucher';
import { VOUCHER_COLUMNS, voucherOf } from './voucher-rows';

export interface VoucherSale extends StockKey {
  readonly id: string;
  readonly nodeId: string;
  readonly voucherId: string;
  readonly status: 'reserved' | 'posted';
  readonly createdAt: Date;
  readonly postedAt: Date | null;
  /** When a caller last took it, still reserved, to post it (its reservation first); null for a sale reserved before this was kept. */
  readonly claimedAt: Date | null;
}

export type ReserveSaleResult =
  | { readonly kind: 'reserved'; readonly sale: VoucherSale; readonly voucher: Voucher }
  | { readonly kind: 'existing'; readonly sale: VoucherSale }
  | { readonly kind: 'out_of_stock' };

class OutOfStock extends Error {}

const SALE_COLUMNS = `"id"::text AS "id", "node_id"::text AS "node_id", "provider_id", "denomination"::text AS "denomination", "currency",
  "voucher_id"::text AS "voucher_id", "status", "created_at", "posted_at", "claimed_at"`;

/** The agents' voucher sales: a sale takes one voucher under a row lock that concurrent sales skip. */
@Injectable()
export class VoucherSaleRepository {
  constructor(@Inject(AGENTS_BILLING_DB) private readonly db: AgentsBillingDb) {}

  async find(id: string): Promise<VoucherSale | undefined> {
    const [row] = await this.db.query(`SELECT ${SALE_COLUMNS} FROM "voucher_sale" WHERE "id" = $1`, [id]);
    return row ? saleOf(row) : undefined;
  }

  /**
   * One transaction: the sale's row under the caller's id (a concurrent sale with the same id waits
   * on it and finds it: `existing`), then the oldest available, unexpired voucher of the stock
   * taken `FOR UPDATE SKIP LOCKED` (two sales never wait on, nor take, the same voucher) and marked
   * sold to this sale. No voucher: nothing is written (`out_of_stock`).
   */
  async reserve(sale: Omit<VoucherSale, 'voucherId' | 'status' | 'postedAt' | 'claimedAt'>): Promise<ReserveSaleResult> {
    try {
      return await this.db.transaction(async (tx) => {
        const [inserted] = await tx.query(
          `INSERT INTO "voucher_sale" ("id", "node_id", "provider_id", "denomination", "currency", "created_at", "claimed_at") VALUES ($1, $2, $3, $4, $5, $6, $6)
           ON CONFLICT ("id") DO NOTHING RETURNING "id"`,
          [sale.id, sale.nodeId, sale.providerId, sale.denomination.toString(), sale.currency, sale.createdAt],
        );
        if (!inserted) {
          const [existing] = await tx.query(`SELECT ${SALE_COLUMNS} FROM "voucher_sale" WHERE "id" = $1`, [sale.id]);
          return { kind: 'existing', sale: saleOf(existing) };
        }
        const [picked] = await tx.query(
          `SELECT "id" FROM "voucher" WHERE "provider_id" = $1 AND "denomination" = $2 AND "currency" = $3 AND "status" = 'available'
             AND ("expires_at" IS NULL OR "expires_at" > $4)
           ORDER BY "expires_at" NULLS LAST, "serial" LIMIT 1 FOR UPDATE SKIP LOCKED`,
          [sale.providerId, sale.denomination.toString(), sale.currency, sale.createdAt],
        );
        if (!picked) throw new OutOfStock();
        const [voucher] = await tx.query(
          `UPDATE "voucher" SET "status" = 'sold', "sale_id" = $2, "node_id" = $3, "sold_at" = $4 WHERE "id" = $1 AND "status" = 'available' RETURNING ${VOUCHER_COLUMNS}`,
          [picked.id, sale.id, sale.nodeId, sale.createdAt],
        );
        await tx.execute(`UPDATE "voucher_sale" SET "voucher_id" = $2 WHERE "id" = $1`, [sale.id, picked.id]);
        const reserved: VoucherSale = { ...sale, voucherId: String(picked.id), status: 'reserved', postedAt: null, claimedAt: sale.createdAt };
        return { kind: 'reserved', sale: reserved, voucher: voucherOf(voucher) };
      });
    } catch (error) {
      if (error instanceof OutOfStock) return { kind: 'out_of_stock' };
      throw error;
    }
  }

  /**
   * A caller takes the sale, still reserved, to post it now: the claim's time moves to `now`, so a
   * release by whoever saw the earlier claim does nothing. Undefined when the sale is no longer
   * reserved (posted, or released).
   */
  async claim(saleId: string, now: Date): Promise<VoucherSale | undefined> {
    const [row] = await this.db.query(
      `UPDATE "voucher_sale" SET "claimed_at" = $2::timestamptz WHERE "id" = $1 AND "status" = 'reserved' RETURNING ${SALE_COLUMNS}`,
      [saleId, now.toISOString()],
    );
    return row ? saleOf(row) : undefined;
  }

  /**
   * The sale released: its row deleted (the id free again) and then its voucher back in the stock,
   * in one transaction, only while it is still reserved under the claim the caller saw. False when
   * it was posted or taken again since: nothing is changed.
   */
  async release(sale: Pick<VoucherSale, 'id' | 'claimedAt'>): Promise<boolean> {
    return this.db.transaction(async (tx) => {
      const deleted = await tx.execute(
        `DELETE FROM "voucher_sale" WHERE "id" = $1 AND "status" = 'reserved' AND "claimed_at" IS NOT DISTINCT FROM $2::timestamptz`,
        [sale.id, sale.claimedAt?.toISOString() ?? null],
      );
      if (deleted !== 1) return false;
      await tx.execute(
        `UPDATE "voucher" SET "status" = 'available', "sale_id" = NULL, "node_id" = NULL, "sold_at" = NULL WHERE "sale_id" = $1 AND "status" = 'sold'`,
        [sale.id],
      );
      return true;
    });
  }

  /** The sale posted, with its event, in one transaction (exactly once per sale). */
  async markPosted(saleId: string, now: Date, event: CashPostedEvent): Promise<void> {
    await this.db.transaction(async (tx) => {
      const marked = await tx.execute(`UPDATE "voucher_sale" SET "status" = 'posted', "posted_at" = $2 WHERE "id" = $1 AND "status" = 'reserved'`, [
        saleId,
        now,
      ]);
      if (marked === 1) await addCashPostedEvent(tx, event);
    });
  }

  async voucher(voucherId: string): Promise<Voucher & { readonly sealed: SealedCode }> {
    const [row] = await this.db.query(`SELECT ${VOUCHER_COLUMNS}, "code_key_id", "code_ciphertext" FROM "voucher" WHERE "id" = $1`, [voucherId]);
    return { ...voucherOf(row), sealed: { keyId: String(row.code_key_id), ciphertext: String(row.code_ciphertext) } };
  }

  /** Sales still reserved and last taken before `olderThan` (the process that took them stopped between the reservation and the mark). */
  async reservedBefore(olderThan: Date, limit: number): Promise<VoucherSale[]> {
    const rows = await this.db.query(
      `SELECT ${SALE_COLUMNS} FROM "voucher_sale" WHERE "status" = 'reserved' AND coalesce("claimed_at", "created_at") < $1 ORDER BY "created_at" LIMIT $2`,
      [olderThan, limit],
    );
    return rows.map(saleOf);
  }
}

function saleOf(row: SqlRow): VoucherSale {
  return {
    id: String(row.id),
    nodeId: String(row.node_id),
    providerId: String(row.provider_id),
    denomination: BigInt(row.denomination as string),
    currency: String(row.currency),
    voucherId: String(row.voucher_id),
    status: row.status as VoucherSale['status'],
    createdAt: dateOf(row.created_at),
    postedAt: row.posted_at === null ? null : dateOf(row.posted_at),
    claimedAt: row.claimed_at === null ? null : dateOf(row.claimed_at),
  };
}
