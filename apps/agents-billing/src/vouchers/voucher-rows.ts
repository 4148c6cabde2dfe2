import type { SqlRow } from '@payments/persistence';

import { dateOf } from '../database/sql-values';
import type { Voucher, VoucherStatus } from './voucher';

/** A voucher's columns without its code. */
export const VOUCHER_COLUMNS = `"id"::text AS "id", "batch_id"::text AS "batch_id", "provider_id", "denomination"::text AS "denomination", "currency",
  "serial", "status", "sale_id"::text AS "sale_id", "node_id"::text AS "node_id", "expires_at"`;

export function voucherOf(row: SqlRow): Voucher {
  return {
    id: String(row.id),
    batchId: String(row.batch_id),
    providerId: String(row.provider_id),
    denomination: BigInt(row.denomination as string),
    currency: String(row.currency),
    serial: String(row.serial),
    status: row.status as VoucherStatus,
    saleId: (row.sale_id as string | null) ?? null,
    nodeId: (row.node_id as string | null) ?? null,
    expiresAt: row.expires_at === null ? null : dateOf(row.expires_at),
  };
}

/** PostgreSQL's unique_violation (SQLSTATE 23505), as both drivers report it. */
export const isUniqueViolation = (error: unknown): boolean => (error as { code?: unknown } | null)?.code === '23505';
