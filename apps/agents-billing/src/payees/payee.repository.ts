import { Inject, Injectable } from '@nestjs/common';

import type { SqlQueryRunner, SqlRow } from '@payments/persistence';

import { AGENTS_BILLING_DB, AgentsBillingDb } from '../database/agents-billing-db.provider';
import { dateOf, optionalBigInt } from '../database/sql-values';
import type { AccountChecksum } from './account-checksum';
import type { Payee, PayeeDefinition, PayeeStatus } from './payee';

const COLUMNS = `"id", "name", "currency", "status", "account_pattern", "account_checksum", "min_amount"::text AS "min_amount",
  "max_amount"::text AS "max_amount", "fee_percent_basis_points", "fee_fixed"::text AS "fee_fixed", "created_at", "updated_at",
  "gateway_base_url", "gateway_public_key", "gateway_deadline_ms"`;

function payeeOf(row: SqlRow): Payee {
  return {
    id: String(row.id),
    name: String(row.name),
    currency: String(row.currency),
    status: row.status as PayeeStatus,
    accountPattern: String(row.account_pattern),
    accountChecksum: row.account_checksum as AccountChecksum,
    minAmount: optionalBigInt(row.min_amount),
    maxAmount: optionalBigInt(row.max_amount),
    fee: { percentBasisPoints: BigInt(row.fee_percent_basis_points as number), fixed: BigInt(row.fee_fixed as string) },
    gateway:
      typeof row.gateway_base_url === 'string'
        ? { baseUrl: row.gateway_base_url, publicKey: String(row.gateway_public_key), deadlineMs: Number(row.gateway_deadline_ms) }
        : null,
    createdAt: dateOf(row.created_at),
    updatedAt: dateOf(row.updated_at),
  };
}

/** The payee catalogue: the only code that touches the payee table. */
@Injectable()
export class PayeeRepository {
  constructor(@Inject(AGENTS_BILLING_DB) private readonly db: AgentsBillingDb) {}

  /** Creates the payee or replaces it whole, in one statement; `created` tells which (a row just inserted has no xmax). */
  async put(payee: PayeeDefinition): Promise<{ payee: Payee; created: boolean }> {
    const [row] = await this.db.query(
      `INSERT INTO "payee" AS p ("id", "name", "currency", "status", "account_pattern", "account_checksum", "min_amount", "max_amount",
         "fee_percent_basis_points", "fee_fixed", "gateway_base_url", "gateway_public_key", "gateway_deadline_ms")
       VALUES ($1, $2, $3, $4, $5, $6, $7::bigint, $8::bigint, $9, $10::bigint, $11, $12, $13::integer)
       ON CONFLICT ("id") DO UPDATE SET "name" = EXCLUDED."name", "currency" = EXCLUDED."currency", "status" = EXCLUDED."status",
         "account_pattern" = EXCLUDED."account_pattern", "account_checksum" = EXCLUDED."account_checksum",
         "min_amount" = EXCLUDED."min_amount", "max_amount" = EXCLUDED."max_amount",
         "fee_percent_basis_points" = EXCLUDED."fee_percent_basis_points", "fee_fixed" = EXCLUDED."fee_fixed",
         "gateway_base_url" = EXCLUDED."gateway_base_url", "gateway_public_key" = EXCLUDED."gateway_public_key",
         "gateway_deadline_ms" = EXCLUDED."gateway_deadline_ms", "updated_at" = CURRENT_TIMESTAMP
       RETURNING ${COLUMNS}, (p."xmax"::text = '0') AS "created"`,
      [
        payee.id,
        payee.name,
        payee.currency,
        payee.status,
        payee.accountPattern,
        payee.accountChecksum,
        payee.minAmount?.toString() ?? null,
        payee.maxAmount?.toString() ?? null,
        Number(payee.fee.percentBasisPoints),
        payee.fee.fixed.toString(),
        payee.gateway?.baseUrl ?? null,
        payee.gateway?.publicKey ?? null,
        payee.gateway?.deadlineMs ?? null,
      ],
    );
    return { payee: payeeOf(row), created: row.created === true };
  }

  /** The payee; undefined when the catalogue does not hold it. */
  async find(id: string, runner: SqlQueryRunner = this.db): Promise<Payee | undefined> {
    const [row] = await runner.query(`SELECT ${COLUMNS} FROM "payee" WHERE "id" = $1`, [id]);
    return row ? payeeOf(row) : undefined;
  }

  /** The catalogue by id, optionally of one status only. */
  async list(status?: PayeeStatus, limit = 1000): Promise<Payee[]> {
    const rows = await this.db.query(`SELECT ${COLUMNS} FROM "payee" WHERE $1::text IS NULL OR "status" = $1 ORDER BY "id" LIMIT $2`, [status ?? null, limit]);
    return rows.map(payeeOf);
  }
}
